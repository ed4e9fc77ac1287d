#include "streams/instrumentcatalog.h"

#include "streams/jsonfields.h"

#include <QCoreApplication>

#include <algorithm>

namespace Liq::InstrumentCatalog {
namespace {

using StreamJson::Json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::InstrumentCatalog", text);
}

Json parseBody(QByteArrayView body)
{
    return StreamJson::parse(std::string_view(body.data(), size_t(body.size())));
}

// The base with the documented path appended to whatever path it already has (a mirror's prefix).
// The query is written already encoded: QUrlQuery would take a '%' in a value as an escape and leave
// '+' bare, which a server reads as a space, so values go through QUrl::toPercentEncoding instead.
QUrl restUrl(const QUrl &base, const QString &path, const QString &encodedQuery)
{
    QUrl url = base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/')) // StripTrailingSlash keeps a lone "/"
        prefix.chop(1);
    url.setPath(prefix + path, QUrl::TolerantMode);
    url.setQuery(encodedQuery, QUrl::StrictMode);
    return url;
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

std::optional<QString> okxInstType(MarketKind market)
{
    switch (market) {
    case MarketKind::Swap: return QStringLiteral("SWAP");
    case MarketKind::Futures: return QStringLiteral("FUTURES");
    default: return std::nullopt;
    }
}

// A contract size: nullopt when missing, null, empty or not a positive finite number (skipped, never
// guessed); *malformed when the field has a JSON type no size is written as (the shape changed).
std::optional<double> positiveSize(const Json &object, const char *key, bool *malformed)
{
    const auto it = object.find(key);
    *malformed = it != object.end() && !it->is_number() && !it->is_string() && !it->is_null();
    const std::optional<double> size = StreamJson::number(object, key);
    return size && *size > 0 ? size : std::nullopt;
}

template<typename Result>
Result refused(const QString &problem)
{
    Result result;
    result.problem = problem;
    return result;
}

// Reads symbols[] into result; false (with result->problem set) when an entry has the wrong shape.
bool readBinanceSymbols(const Json &symbols, BinanceContracts *result)
{
    for (const Json &entry : symbols) {
        const auto symbol = entry.is_object() ? StreamJson::string(entry, "symbol") : std::nullopt;
        if (!symbol || symbol->isEmpty()) {
            result->problem = tr("a symbol entry without a symbol name");
            return false;
        }
        bool malformed = false;
        const std::optional<double> size = positiveSize(entry, "contractSize", &malformed);
        if (malformed) {
            result->problem = tr("a symbol whose contractSize is neither a number nor decimal text");
            return false;
        }
        if (!size) {
            ++result->skipped;
            continue;
        }
        // Every status is kept (delivered, settling): the table sizes liquidations, it subscribes nothing.
        result->contracts.insert(*symbol, ContractSpec{*size, true}); // COIN-M is inverse: USD a contract
    }
    return true;
}

struct OkxEntry
{
    QString instrument;
    QString family;
    std::optional<ContractSpec> contract; // nullopt: no usable size, skipped
};

// One data[] entry; nullopt (with *problem set) when it has the wrong shape.
std::optional<OkxEntry> okxEntry(const Json &entry, QString *problem)
{
    using namespace StreamJson;
    const auto instrument = entry.is_object() ? string(entry, "instId") : std::nullopt;
    const auto type = entry.is_object() ? string(entry, "ctType") : std::nullopt;
    if (!instrument || instrument->isEmpty() || !type) {
        *problem = tr("an instrument without an instId or ctType");
        return std::nullopt;
    }
    bool malformed = false;
    const std::optional<double> value = positiveSize(entry, "ctVal", &malformed);
    if (malformed) {
        *problem = tr("an instrument whose ctVal is neither a number nor decimal text");
        return std::nullopt;
    }
    OkxEntry result;
    result.instrument = *instrument;
    result.family = string(entry, "instFamily").value_or(QString());
    if (result.family.isEmpty())
        result.family = string(entry, "uly").value_or(QString()); // older instruments name only uly
    // linear: ctVal in coins (times the price); inverse: in USD. Any other type has no known conversion.
    const bool inverse = *type == u"inverse";
    if (value && (inverse || *type == u"linear"))
        result.contract = ContractSpec{*value, inverse};
    return result;
}

// A topic with what it adds to the args array: its JSON string (quotes, escapes) and one comma.
struct Topic
{
    QString name;
    qsizetype weight = 0;
};

QByteArray compact(const nlohmann::ordered_json &value)
{
    // replace: invalid UTF-8 cannot make dump() throw (QString::toUtf8 never yields any anyway).
    const std::string text = value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

// Distinct topics that fit a connection on their own, heaviest first (the order packing wants).
QList<Topic> distinctTopics(const QStringList &symbols, qsizetype room)
{
    QStringList names;
    for (const QString &symbol : symbols) {
        if (!symbol.isEmpty())
            names.append(QStringLiteral("allLiquidation.") + symbol);
    }
    names.removeDuplicates();
    QList<Topic> topics;
    for (const QString &name : std::as_const(names)) {
        const qsizetype weight = compact(nlohmann::ordered_json(name.toStdString())).size() + 1;
        if (weight <= room)
            topics.append(Topic{name, weight});
    }
    std::sort(topics.begin(), topics.end(), [](const Topic &a, const Topic &b) {
        return a.weight != b.weight ? a.weight > b.weight : a.name < b.name;
    });
    return topics;
}

// Heaviest first into the emptiest batch (balanced connections); nullopt when one does not fit.
std::optional<QList<QStringList>> spread(const QList<Topic> &topics, qsizetype batchCount, qsizetype room)
{
    QList<QStringList> batches(batchCount);
    QList<qsizetype> loads(batchCount, 0);
    for (const Topic &topic : topics) {
        const auto emptiest = std::min_element(loads.begin(), loads.end());
        if (*emptiest + topic.weight > room)
            return std::nullopt;
        *emptiest += topic.weight;
        batches[emptiest - loads.begin()].append(topic.name);
    }
    for (QStringList &batch : batches)
        batch.sort();
    return batches;
}

} // namespace

QUrl binanceCoinMExchangeInfoUrl(const QUrl &base)
{
    return restUrl(base, QStringLiteral("/dapi/v1/exchangeInfo"), QString());
}

QUrl bybitInstrumentsUrl(const QUrl &base, MarketKind market, const QString &cursor)
{
    if (market != MarketKind::Linear && market != MarketKind::Inverse)
        return QUrl();
    QString query
        = QStringLiteral("category=%1&limit=1000")
              .arg(market == MarketKind::Linear ? QStringLiteral("linear") : QStringLiteral("inverse"));
    if (!cursor.isEmpty())
        query += QStringLiteral("&cursor=") + encoded(cursor);
    return restUrl(base, QStringLiteral("/v5/market/instruments-info"), query);
}

QUrl okxInstrumentsUrl(const QUrl &base, MarketKind market)
{
    const std::optional<QString> type = okxInstType(market);
    if (!type)
        return QUrl();
    return restUrl(base, QStringLiteral("/api/v5/public/instruments"), QStringLiteral("instType=") + *type);
}

QUrl okxLiquidationHistoryUrl(const QUrl &base, MarketKind market, const QString &instFamily,
                              std::optional<qint64> afterMs)
{
    const std::optional<QString> type = okxInstType(market);
    if (!type || instFamily.isEmpty())
        return QUrl();
    QString query
        = QStringLiteral("instType=%1&instFamily=%2&state=filled&limit=100").arg(*type, encoded(instFamily));
    if (afterMs)
        query += QStringLiteral("&after=%1").arg(*afterMs);
    return restUrl(base, QStringLiteral("/api/v5/public/liquidation-orders"), query);
}

BinanceContracts parseBinanceCoinMExchangeInfo(QByteArrayView body)
{
    using namespace StreamJson;
    const Json document = parseBody(body);
    if (!document.is_object())
        return refused<BinanceContracts>(tr("not a JSON object"));
    const auto symbols = document.find("symbols");
    if (symbols == document.end() || !symbols->is_array()) {
        if (const auto code = integer(document, "code")) // Binance's error envelope
            return refused<BinanceContracts>(
                tr("Binance code %1: %2")
                    .arg(QString::number(*code), string(document, "msg").value_or(QString())));
        return refused<BinanceContracts>(tr("an exchangeInfo reply without a symbols array"));
    }
    BinanceContracts result;
    if (!readBinanceSymbols(*symbols, &result))
        return refused<BinanceContracts>(result.problem);
    if (result.contracts.isEmpty()) // an empty table would leave every COIN-M liquidation unsized
        return refused<BinanceContracts>(tr("no symbol with a usable contractSize"));
    return result;
}

BybitInstrumentPage parseBybitInstrumentsPage(QByteArrayView body)
{
    using namespace StreamJson;
    const Json document = parseBody(body);
    if (!document.is_object())
        return refused<BybitInstrumentPage>(tr("not a JSON object"));
    const std::optional<qint64> code = integer(document, "retCode");
    if (!code)
        return refused<BybitInstrumentPage>(tr("a reply without a retCode"));
    if (*code != 0)
        return refused<BybitInstrumentPage>(
            tr("retCode %1: %2").arg(QString::number(*code), string(document, "retMsg").value_or(QString())));
    // Iterators are compared within their own container only (nlohmann throws across containers).
    const auto result = document.find("result");
    if (result == document.end() || !result->is_object())
        return refused<BybitInstrumentPage>(tr("a reply without a result object"));
    const auto list = result->find("list");
    if (list == result->end() || !list->is_array())
        return refused<BybitInstrumentPage>(tr("a reply without a result.list array"));
    // Required even on the last page (empty there): a missing one must not pass for "no more pages".
    const std::optional<QString> cursor = string(*result, "nextPageCursor");
    if (!cursor)
        return refused<BybitInstrumentPage>(tr("a reply without a nextPageCursor"));
    BybitInstrumentPage page;
    page.nextCursor = *cursor;
    for (const Json &entry : *list) {
        const auto symbol = entry.is_object() ? string(entry, "symbol") : std::nullopt;
        const auto status = entry.is_object() ? string(entry, "status") : std::nullopt;
        if (!symbol || symbol->isEmpty() || !status)
            return refused<BybitInstrumentPage>(tr("an instrument without a symbol or status"));
        // Trading only: Delivering and Closed markets liquidate nobody any more, and a PreLaunch one is
        // still in its pre-listing phase (it lists as Trading once open, and a later read adds it).
        // Topics cost connections (args under 21,000 characters each), so none goes to silent ones.
        if (*status == u"Trading")
            page.symbols.append(*symbol);
    }
    return page;
}

OkxInstruments parseOkxInstruments(QByteArrayView body)
{
    using namespace StreamJson;
    const Json document = parseBody(body);
    if (!document.is_object())
        return refused<OkxInstruments>(tr("not a JSON object"));
    const std::optional<QString> code = string(document, "code");
    if (!code)
        return refused<OkxInstruments>(tr("a reply without a code"));
    if (*code != u"0")
        return refused<OkxInstruments>(
            tr("OKX code %1: %2").arg(*code, string(document, "msg").value_or(QString())));
    const auto data = document.find("data");
    if (data == document.end() || !data->is_array())
        return refused<OkxInstruments>(tr("a reply without a data array"));
    OkxInstruments result;
    for (const Json &entry : *data) {
        QString problem;
        const std::optional<OkxEntry> instrument = okxEntry(entry, &problem);
        if (!instrument)
            return refused<OkxInstruments>(problem);
        if (!instrument->contract) {
            ++result.skipped;
            continue;
        }
        result.contracts.insert(instrument->instrument, *instrument->contract);
        if (!instrument->family.isEmpty())
            result.families.append(instrument->family);
    }
    if (result.contracts.isEmpty()) // an empty table would leave every OKX liquidation unsized
        return refused<OkxInstruments>(tr("no instrument with a usable ctVal"));
    result.families.sort();
    result.families.removeDuplicates();
    return result;
}

QList<QStringList> packBybitTopics(const QStringList &symbols, int maxArgsChars)
{
    // A batch [t1,...,tk] is 2 brackets + k-1 commas + the quoted topics: 1 + the sum of the weights,
    // which must stay under maxArgsChars, so the weights may fill maxArgsChars - 2.
    const qsizetype room = qsizetype(maxArgsChars) - 2;
    const QList<Topic> topics = distinctTopics(symbols, room);
    if (topics.isEmpty())
        return {};
    qsizetype total = 0;
    for (const Topic &topic : topics)
        total += topic.weight;
    // Start at the lower bound; spreading can only fail when it is very tight, then one more batch.
    // It ends by topics.size() batches at most, since each topic fits alone.
    for (qsizetype count = (total + room - 1) / room;; ++count) {
        if (std::optional<QList<QStringList>> batches = spread(topics, count, room))
            return std::move(*batches);
    }
}

QByteArray bybitSubscribeFrame(const QStringList &topics, int requestId)
{
    nlohmann::ordered_json frame; // ordered: req_id, op, args as Bybit documents them
    frame["req_id"] = std::to_string(requestId);
    frame["op"] = "subscribe";
    nlohmann::ordered_json args = nlohmann::ordered_json::array();
    for (const QString &topic : topics)
        args.push_back(topic.toStdString());
    frame["args"] = std::move(args);
    return compact(frame);
}

QByteArray okxSubscribeFrame()
{
    return QByteArrayLiteral(R"({"op":"subscribe","args":[)"
                             R"({"channel":"liquidation-orders","instType":"SWAP"},)"
                             R"({"channel":"liquidation-orders","instType":"FUTURES"}]})");
}

} // namespace Liq::InstrumentCatalog
