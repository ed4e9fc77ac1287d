#include "coinglassformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

namespace Liq {
namespace Formats {

namespace {

// How one generation of the API spells a window's fields.
struct Spelling
{
    std::string (*longKey)(const std::string &w);
    std::string (*shortKey)(const std::string &w);
    std::string (*totalKey)(const std::string &w);
};

// w is "1h", "4h", ...; the older spelling puts it first as "h1", "h24".
std::string hoursFirst(const std::string &w)
{
    return "h" + w.substr(0, w.size() - 1);
}

const Spelling CoinListSpellings[] = {
    // v4: long_liquidation_usd_24h
    {[](const std::string &w) { return "long_liquidation_usd_" + w; },
     [](const std::string &w) { return "short_liquidation_usd_" + w; },
     [](const std::string &w) {
         return "liquidation_usd_" + w;
     }},
    // v3: longLiquidationUsd24h
    {[](const std::string &w) { return "longLiquidationUsd" + w; },
     [](const std::string &w) { return "shortLiquidationUsd" + w; },
     [](const std::string &w) {
         return "liquidationUsd" + w;
     }},
    // older: h24LongLiquidationUsd
    {[](const std::string &w) { return hoursFirst(w) + "LongLiquidationUsd"; },
     [](const std::string &w) { return hoursFirst(w) + "ShortLiquidationUsd"; },
     [](const std::string &w) {
         return hoursFirst(w) + "LiquidationUsd";
     }},
};

struct ExchangeSpelling
{
    const char *longKey;
    const char *shortKey;
    const char *totalKey;
};

const ExchangeSpelling ExchangeListSpellings[] = {
    {"long_liquidation_usd", "short_liquidation_usd", "liquidation_usd"},
    {"longLiquidationUsd", "shortLiquidationUsd", "liquidationUsd"},
};

// A spelling's keys for every window, made once: building them per row cost more than reading the row.
struct SpellingKeys
{
    std::array<std::string, TimeWindowCount> longKey, shortKey, totalKey;
};

const SpellingKeys &keysOf(const Spelling &spelling)
{
    static const auto keys = [] {
        std::array<SpellingKeys, std::size(CoinListSpellings)> made;
        for (std::size_t s = 0; s < made.size(); ++s) {
            for (TimeWindow window : AllTimeWindows) {
                const std::string w = windowLabel(window).toStdString();
                const int i = windowIndex(window);
                made[s].longKey[i] = CoinListSpellings[s].longKey(w);
                made[s].shortKey[i] = CoinListSpellings[s].shortKey(w);
                made[s].totalKey[i] = CoinListSpellings[s].totalKey(w);
            }
        }
        return made;
    }();
    return keys[std::size_t(&spelling - CoinListSpellings)];
}

enum class RowKind { Unknown, Coin, Exchange };

QString fieldWhere(const QString &rowWhere, const std::string &key)
{
    return joinWhere(rowWhere, QCoreApplication::translate("Liq::Formats", "field ") + toQString(key));
}

ReadFailure missingField(const QString &rowWhere, const std::string &key)
{
    return failure(LoadErrorKind::MissingField,
                   QCoreApplication::translate("Liq::Formats", "a required field is missing"),
                   fieldWhere(rowWhere, key));
}

const Spelling *coinSpellingOf(const Json &row)
{
    for (const Spelling &spelling : CoinListSpellings) {
        const SpellingKeys &keys = keysOf(spelling);
        for (int i = 0; i < TimeWindowCount; ++i) {
            if (member(row, keys.longKey[i]) || member(row, keys.shortKey[i]))
                return &spelling;
        }
    }
    return nullptr;
}

const ExchangeSpelling *exchangeSpellingOf(const Json &row)
{
    for (const ExchangeSpelling &spelling : ExchangeListSpellings) {
        if (member(row, spelling.longKey) || member(row, spelling.shortKey))
            return &spelling;
    }
    return nullptr;
}

RowKind rowKindOf(const Json &row)
{
    if (!row.is_object())
        return RowKind::Unknown;
    if (coinSpellingOf(row))
        return RowKind::Coin;
    if (member(row, "exchange"))
        return RowKind::Exchange;
    if (member(row, "symbol"))
        return RowKind::Coin;
    return RowKind::Unknown;
}

bool isEnvelope(const Json &value)
{
    return value.is_object() && (member(value, "code") || member(value, "data"));
}

bool isCombined(const Json &root)
{
    if (!root.is_object() || root.empty() || isEnvelope(root) || member(root, "format"))
        return false;
    for (const auto &[key, value] : root.items()) {
        if (windowFromLabel(toQString(key)) && (value.is_object() || value.is_array()))
            return true;
    }
    return false;
}

// The rows of an envelope or bare array; ApiError when the envelope reports one.
ReadFailure unwrap(const Json &value, const Json **rows)
{
    if (value.is_array()) {
        *rows = &value;
        return {};
    }
    if (!value.is_object()) {
        return failure(
            LoadErrorKind::WrongType,
            QCoreApplication::translate(
                "Liq::Formats", "expected a CoinGlass response (an object with code and data), found %1")
                .arg(jsonTypeName(value)));
    }
    if (const Json *code = member(value, "code")) {
        QString codeText;
        if (code->is_string())
            codeText = toQString(code->get_ref<const std::string &>());
        else if (code->is_number_integer())
            codeText = QString::number(code->get<std::int64_t>());
        else
            return failure(LoadErrorKind::WrongType,
                           QCoreApplication::translate("Liq::Formats", "expected a string, found %1")
                               .arg(jsonTypeName(*code)),
                           QCoreApplication::translate("Liq::Formats", "field code"));
        if (codeText != u"0") {
            const Json *msg = member(value, "msg");
            const QString shown = msg && msg->is_string()
                ? shownText(msg->get_ref<const std::string &>(), 200)
                : QCoreApplication::translate("Liq::Formats", "(no message)");
            return failure(
                LoadErrorKind::ApiError,
                QCoreApplication::translate("Liq::Formats", "CoinGlass refused the request: %1 (code %2)")
                    .arg(shown, codeText.left(40)));
        }
    }
    const Json *data = member(value, "data");
    if (!data || data->is_null())
        return failure(LoadErrorKind::MissingField,
                       QCoreApplication::translate("Liq::Formats", "the response has no data"),
                       QCoreApplication::translate("Liq::Formats", "field data"));
    if (!data->is_array()) {
        return failure(LoadErrorKind::WrongType,
                       QCoreApplication::translate("Liq::Formats", "expected an array of rows, found %1")
                           .arg(jsonTypeName(*data)),
                       QCoreApplication::translate("Liq::Formats", "field data"));
    }
    *rows = data;
    return {};
}

RowKind rowsKindOf(const Json &rows)
{
    return rows.empty() ? RowKind::Unknown : rowKindOf(rows.front());
}

ReadFailure readName(const Json &row, const char *key, const QString &rowWhere, QString *name)
{
    const Json *value = member(row, key);
    if (!value)
        return missingField(rowWhere, key);
    if (!value->is_string()) {
        return failure(LoadErrorKind::WrongType,
                       QCoreApplication::translate("Liq::Formats", "expected a string, found %1")
                           .arg(jsonTypeName(*value)),
                       fieldWhere(rowWhere, key));
    }
    *name = toQString(value->get_ref<const std::string &>());
    return {};
}

ReadFailure readAmountField(const Json &row, const std::string &key, const QString &rowWhere, double *amount)
{
    const Json *value = member(row, key);
    if (!value)
        return missingField(rowWhere, key);
    const ReadFailure bad = readAmount(*value, amount);
    return bad.failed() ? bad.within(fieldWhere(rowWhere, key)) : bad;
}

ReadFailure readOptionalTotal(const Json &row, const std::string &key, const QString &rowWhere,
                              std::optional<double> *total)
{
    const Json *value = member(row, key);
    if (!value)
        return {};
    double amount = 0.0;
    const ReadFailure bad = readAmount(*value, &amount);
    if (bad.failed())
        return bad.within(fieldWhere(rowWhere, key));
    *total = amount;
    return {};
}

ReadFailure rowShapeFailure(const Json &row, const QString &rowWhere, const char *expected)
{
    return failure(LoadErrorKind::WrongType,
                   QCoreApplication::translate("Liq::Formats", "expected an object with %1, found %2")
                       .arg(QLatin1String(expected), jsonTypeName(row)),
                   rowWhere);
}

QDateTime asOfFor(const ReadContext &context)
{
    return context.fallbackAsOf.isValid() ? context.fallbackAsOf.toUTC() : QDateTime::currentDateTimeUtc();
}

// The long, short and (optional) stated total of one window of a row, under the given keys.
ReadFailure readWindowFields(const Json &row, const std::string &longKey, const std::string &shortKey,
                             const std::string &totalKey, const QString &rowWhere, SideAmounts *sides,
                             std::optional<double> *stated)
{
    ReadFailure bad = readAmountField(row, longKey, rowWhere, &sides->longUsd);
    if (!bad.failed())
        bad = readAmountField(row, shortKey, rowWhere, &sides->shortUsd);
    if (!bad.failed())
        bad = readOptionalTotal(row, totalKey, rowWhere, stated);
    return bad;
}

// One coin-list row: its symbol and every window, in whichever spelling the row uses.
ReadFailure readCoinRow(const Json &row, const QString &rowWhere, BreakdownRow *parsed,
                        QList<StatedTotal> *statedTotals)
{
    if (!row.is_object())
        return rowShapeFailure(row, rowWhere, "symbol and liquidation fields");
    ReadFailure bad = readName(row, "symbol", rowWhere, &parsed->name);
    if (bad.failed())
        return bad;
    const Spelling *spelling = coinSpellingOf(row);
    const SpellingKeys &keys = keysOf(spelling ? *spelling : CoinListSpellings[0]);
    for (TimeWindow window : AllTimeWindows) {
        const auto i = std::size_t(windowIndex(window));
        if (!member(row, keys.longKey[i]) && !member(row, keys.shortKey[i])) {
            return failure(LoadErrorKind::MissingWindow,
                           QCoreApplication::translate("Liq::Formats", "the %1 window is missing")
                               .arg(windowLabel(window)),
                           fieldWhere(rowWhere, keys.longKey[i]));
        }
        SideAmounts sides;
        std::optional<double> stated;
        bad = readWindowFields(row, keys.longKey[i], keys.shortKey[i], keys.totalKey[i], rowWhere, &sides,
                               &stated);
        if (bad.failed())
            return bad;
        parsed->amounts.set(window, sides);
        if (stated)
            statedTotals->append(StatedTotal{parsed->name, window, *stated, sides});
    }
    return {};
}

ReadOutcome readCoinList(const Json &root, const Json &rows, const ReadContext &context)
{
    ReadOutcome outcome;
    LiquidationSnapshot snapshot;
    snapshot.asOf = asOfFor(context);
    snapshot.source = QStringLiteral("CoinGlass coin-list");
    snapshot.scope = QStringLiteral("All exchanges");
    if (const Json *exchange = member(root, "exchange"); exchange && exchange->is_string())
        snapshot.scope = toQString(exchange->get_ref<const std::string &>());
    snapshot.breakdownKind = BreakdownKind::Coin;

    std::array<SideAmounts, TimeWindowCount> sums{};
    int number = 0;
    for (const Json &row : rows) {
        BreakdownRow parsed;
        const ReadFailure bad
            = readCoinRow(row, QCoreApplication::translate("Liq::Formats", "row %1").arg(++number), &parsed,
                          &outcome.statedTotals);
        if (bad.failed())
            return ReadOutcome::failed(bad);
        for (TimeWindow window : AllTimeWindows) {
            sums[windowIndex(window)].longUsd += parsed.amounts.at(window).longUsd;
            sums[windowIndex(window)].shortUsd += parsed.amounts.at(window).shortUsd;
        }
        snapshot.breakdown.append(parsed);
    }
    for (TimeWindow window : AllTimeWindows)
        snapshot.totals.set(window, sums[windowIndex(window)]);
    outcome.snapshot = std::move(snapshot);
    return outcome;
}

// Folds the rows of one exchange-list response (one window) into the snapshot: the "All" row is
// the total, the others the per-exchange breakdown (totals are their sums when "All" is absent).
// One exchange-list row: the exchange's name and its amounts, in whichever spelling the row uses.
ReadFailure readExchangeRow(const Json &row, const QString &rowWhere, QString *name, SideAmounts *sides,
                            std::optional<double> *stated)
{
    if (!row.is_object())
        return rowShapeFailure(row, rowWhere, "exchange and liquidation fields");
    ReadFailure bad = readName(row, "exchange", rowWhere, name);
    if (bad.failed())
        return bad;
    const ExchangeSpelling *spelling = exchangeSpellingOf(row);
    if (!spelling)
        spelling = &ExchangeListSpellings[0];
    return readWindowFields(row, spelling->longKey, spelling->shortKey, spelling->totalKey, rowWhere, sides,
                            stated);
}

// Adds an exchange's amounts for window to the snapshot's breakdown; an exchange twice is refused.
ReadFailure addExchange(const QString &name, TimeWindow window, const SideAmounts &sides,
                        const QString &rowWhere, LiquidationSnapshot *snapshot)
{
    int index = snapshot->breakdownRowNamed(name);
    if (index < 0) {
        snapshot->breakdown.append(BreakdownRow{name, {}});
        index = int(snapshot->breakdown.size()) - 1;
    } else if (snapshot->breakdown.at(index).amounts.has(window)) {
        return failure(
            LoadErrorKind::DuplicateKey,
            QCoreApplication::translate("Liq::Formats", "the exchange %1 appears twice").arg(shownText(name)),
            fieldWhere(rowWhere, "exchange"));
    }
    snapshot->breakdown[index].amounts.set(window, sides);
    return {};
}

ReadFailure readExchangeRows(const Json &rows, TimeWindow window, const QString &outerWhere,
                             LiquidationSnapshot *snapshot, QList<StatedTotal> *statedTotals)
{
    std::optional<SideAmounts> allRow;
    SideAmounts sum;
    int number = 0;
    for (const Json &row : rows) {
        const QString rowWhere
            = joinWhere(outerWhere, QCoreApplication::translate("Liq::Formats", "row %1").arg(++number));
        QString name;
        SideAmounts sides;
        std::optional<double> stated;
        ReadFailure bad = readExchangeRow(row, rowWhere, &name, &sides, &stated);
        if (bad.failed())
            return bad;
        const bool isAll = name.compare(u"All", Qt::CaseInsensitive) == 0;
        if (isAll && allRow) {
            return failure(LoadErrorKind::DuplicateKey,
                           QCoreApplication::translate("Liq::Formats", "a second \"All\" row"),
                           fieldWhere(rowWhere, "exchange"));
        }
        if (isAll) {
            allRow = sides;
        } else {
            bad = addExchange(name, window, sides, rowWhere, snapshot);
            if (bad.failed())
                return bad;
            sum.longUsd += sides.longUsd;
            sum.shortUsd += sides.shortUsd;
        }
        if (stated)
            statedTotals->append(
                StatedTotal{isAll ? QStringLiteral("totals") : name, window, *stated, sides});
    }
    snapshot->totals.set(window, allRow.value_or(sum));
    return {};
}

LiquidationSnapshot exchangeListSnapshot(const ReadContext &context)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = asOfFor(context);
    snapshot.source = QStringLiteral("CoinGlass exchange-list");
    snapshot.scope = QStringLiteral("All exchanges");
    snapshot.breakdownKind = BreakdownKind::Exchange;
    return snapshot;
}

// One window of the combined form, read on its own as a single exchange-list response would be.
ReadFailure readCombinedWindow(const Json &value, TimeWindow window, const ReadContext &context,
                               ExchangeListPart *part, QList<StatedTotal> *statedTotals)
{
    const QString windowWhere
        = QCoreApplication::translate("Liq::Formats", "window %1").arg(windowLabel(window));
    const Json *rows = nullptr;
    const ReadFailure bad = unwrap(value, &rows);
    if (bad.failed())
        return bad.within(windowWhere);
    if (rows->empty())
        return failure(LoadErrorKind::MissingField,
                       QCoreApplication::translate("Liq::Formats", "the response has no rows"), windowWhere);
    if (rowsKindOf(*rows) != RowKind::Exchange) {
        return failure(
            LoadErrorKind::UnknownFormat,
            QCoreApplication::translate("Liq::Formats",
                                        "expected exchange-list rows (exchange, long_liquidation_usd, "
                                        "short_liquidation_usd)"),
            joinWhere(windowWhere, QCoreApplication::translate("Liq::Formats", "row 1")));
    }
    part->window = window;
    part->snapshot = exchangeListSnapshot(context);
    return readExchangeRows(*rows, window, windowWhere, &part->snapshot, statedTotals);
}

ReadOutcome readCombinedExchangeList(const Json &root, const ReadContext &context)
{
    // The windows in window order (a window given twice keeps its keys' order, for the merge to refuse).
    QList<std::pair<TimeWindow, const std::string *>> keys;
    for (const auto &[key, value] : root.items()) {
        if (const auto window = windowFromLabel(toQString(key)))
            keys.append({*window, &key});
    }
    std::stable_sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) {
        return windowIndex(a.first) < windowIndex(b.first);
    });
    ReadOutcome outcome;
    QList<ExchangeListPart> parts;
    for (const auto &[window, key] : std::as_const(keys)) {
        ExchangeListPart part;
        part.where = QCoreApplication::translate("Liq::Formats", "field ") + toQString(*key);
        const ReadFailure bad
            = readCombinedWindow(root.at(*key), window, context, &part, &outcome.statedTotals);
        if (bad.failed())
            return ReadOutcome::failed(bad);
        parts.append(std::move(part));
    }
    LiquidationSnapshot snapshot;
    const ReadFailure bad = mergeExchangeListParts(parts, &snapshot);
    if (bad.failed())
        return ReadOutcome::failed(bad);
    outcome.snapshot = std::move(snapshot);
    return outcome;
}

} // namespace

bool isCoinGlassDocument(const Json &root)
{
    return root.is_array() || (isEnvelope(root) && !member(root, "format")) || isCombined(root);
}

ReadOutcome readCoinGlass(const Json &root, const ReadContext &context)
{
    if (isCombined(root))
        return readCombinedExchangeList(root, context);

    const Json *rows = nullptr;
    const ReadFailure bad = unwrap(root, &rows);
    if (bad.failed())
        return ReadOutcome::failed(bad);
    if (rows->empty())
        return ReadOutcome::failed(
            failure(LoadErrorKind::MissingField,
                    QCoreApplication::translate("Liq::Formats", "the response has no rows"),
                    QCoreApplication::translate("Liq::Formats", "field data")));
    switch (rowsKindOf(*rows)) {
    case RowKind::Coin: return readCoinList(root, *rows, context);
    case RowKind::Exchange: {
        if (!context.windowHint) {
            return ReadOutcome::failed(failure(
                LoadErrorKind::MissingWindow,
                QCoreApplication::translate(
                    "Liq::Formats",
                    "a CoinGlass exchange-list response does not say its window: name the file after it "
                    "(exchange-list-4h.json) or save the windows together as {\"1h\": ..., \"4h\": ...}")));
        }
        ReadOutcome outcome;
        LiquidationSnapshot snapshot = exchangeListSnapshot(context);
        const ReadFailure rowFailure
            = readExchangeRows(*rows, *context.windowHint, QString(), &snapshot, &outcome.statedTotals);
        if (rowFailure.failed())
            return ReadOutcome::failed(rowFailure);
        outcome.snapshot = std::move(snapshot);
        return outcome;
    }
    case RowKind::Unknown: break;
    }
    return ReadOutcome::failed(failure(
        LoadErrorKind::UnknownFormat,
        QCoreApplication::translate("Liq::Formats",
                                    "the rows are neither CoinGlass coin-list rows (symbol, "
                                    "long_liquidation_usd_24h, ...) nor exchange-list rows (exchange, "
                                    "long_liquidation_usd, ...)"),
        QCoreApplication::translate("Liq::Formats", "row 1")));
}

} // namespace Formats
} // namespace Liq
