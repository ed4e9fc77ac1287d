#include "liqscopeformat.h"

#include "domain/isotime.h"
#include "snapshotwriter.h"

#include <QCoreApplication>

#include <array>
#include <cmath>
#include <string>
#include <string_view>

namespace Liq {
namespace Formats {

namespace {

using OrderedJson = nlohmann::ordered_json;

QString fieldWhere(const QString &path)
{
    return QCoreApplication::translate("Liq::Formats", "field ") + path;
}

// Reads a string member; absent is fine when !required (empty result).
ReadFailure readString(const Json &object, const char *key, const QString &path, bool required, QString *out)
{
    const Json *value = member(object, key);
    if (!value) {
        if (required)
            return failure(LoadErrorKind::MissingField,
                           QCoreApplication::translate("Liq::Formats", "a required field is missing"),
                           fieldWhere(path));
        return {};
    }
    if (!value->is_string()) {
        return failure(LoadErrorKind::WrongType,
                       QCoreApplication::translate("Liq::Formats", "expected a string, found %1")
                           .arg(jsonTypeName(*value)),
                       fieldWhere(path));
    }
    *out = toQString(value->get_ref<const std::string &>());
    return {};
}

// The texts below name places for messages only; they are made on failure, never per amount read
// (a history line has hundreds of amounts, and building their paths cost more than reading them).
QString windowPath(TimeWindow window)
{
    return QStringLiteral("windows.") + windowLabel(window);
}

// "breakdown row 3" for a row counted from 1; empty for the snapshot's own totals (row 0).
QString rowWhereOf(int row)
{
    return row > 0 ? QCoreApplication::translate("Liq::Formats", "breakdown row %1").arg(row) : QString();
}

ReadFailure readSides(const Json &window, TimeWindow timeWindow, SideAmounts *amounts,
                      std::optional<double> *stated)
{
    const auto path = [timeWindow] {
        return windowPath(timeWindow);
    };
    if (!window.is_object()) {
        return failure(LoadErrorKind::WrongType,
                       QCoreApplication::translate("Liq::Formats",
                                                   "expected an object with long_usd and short_usd, found %1")
                           .arg(jsonTypeName(window)),
                       fieldWhere(path()));
    }
    // One walk over the members instead of a lookup per side (this runs for every window of every row).
    const Json *longValue = nullptr;
    const Json *shortValue = nullptr;
    const Json *total = nullptr;
    for (auto it = window.cbegin(); it != window.cend(); ++it) {
        const std::string_view key = it.key(); // compared by length first: no strcmp per key
        if (key == std::string_view("long_usd"))
            longValue = &*it;
        else if (key == std::string_view("short_usd"))
            shortValue = &*it;
        else if (key == std::string_view("total_usd"))
            total = &*it;
    }
    const struct
    {
        const char *key;
        const Json *value;
        double *target;
    } sides[] = {{"long_usd", longValue, &amounts->longUsd}, {"short_usd", shortValue, &amounts->shortUsd}};
    for (const auto &side : sides) {
        const auto sideWhere = [&] {
            return fieldWhere(path() + QLatin1Char('.') + QLatin1String(side.key));
        };
        if (!side.value)
            return failure(LoadErrorKind::MissingField,
                           QCoreApplication::translate("Liq::Formats", "a required field is missing"),
                           sideWhere());
        ReadFailure bad = readAmount(*side.value, side.target);
        if (bad.failed())
            return bad.within(sideWhere());
    }
    if (total) {
        double value = 0.0;
        ReadFailure bad = readAmount(*total, &value);
        if (bad.failed())
            return bad.within(fieldWhere(path() + QStringLiteral(".total_usd")));
        *stated = value;
    }
    return {};
}

// Reads a "windows" object: all four keys required; an explicit null marks a window the source
// did not publish (a single CoinGlass exchange-list), but at least one window must have amounts.
// row: the breakdown row counted from 1, or 0 for the snapshot's totals.
ReadFailure readWindows(const Json &holder, int row, const QString &statedWhere, WindowAmounts *amounts,
                        QList<StatedTotal> *statedTotals)
{
    // The window keys, made once.
    static const std::array<std::string, TimeWindowCount> windowKeys = [] {
        std::array<std::string, TimeWindowCount> keys;
        for (TimeWindow window : AllTimeWindows)
            keys[std::size_t(windowIndex(window))] = windowLabel(window).toStdString();
        return keys;
    }();
    const Json *windows = member(holder, "windows");
    if (!windows) {
        return failure(LoadErrorKind::MissingField,
                       QCoreApplication::translate("Liq::Formats", "a required field is missing"),
                       joinWhere(rowWhereOf(row), fieldWhere(QStringLiteral("windows"))));
    }
    if (!windows->is_object()) {
        return failure(
            LoadErrorKind::WrongType,
            QCoreApplication::translate("Liq::Formats", "expected an object keyed 1h, 4h, 12h, 24h, found %1")
                .arg(jsonTypeName(*windows)),
            joinWhere(rowWhereOf(row), fieldWhere(QStringLiteral("windows"))));
    }
    // One walk over the members instead of a lookup per window; other keys are ignored, as before.
    std::array<const Json *, TimeWindowCount> windowValues{};
    for (auto it = windows->cbegin(); it != windows->cend(); ++it) {
        const std::string &key = it.key();
        for (std::size_t index = 0; index < windowKeys.size(); ++index) {
            if (key == windowKeys[index]) {
                windowValues[index] = &*it;
                break;
            }
        }
    }
    for (TimeWindow window : AllTimeWindows) {
        const Json *value = windowValues[std::size_t(windowIndex(window))];
        if (!value) {
            return failure(LoadErrorKind::MissingWindow,
                           QCoreApplication::translate("Liq::Formats", "the %1 window is missing")
                               .arg(windowLabel(window)),
                           joinWhere(rowWhereOf(row), fieldWhere(windowPath(window))));
        }
        if (value->is_null())
            continue;
        SideAmounts sides;
        std::optional<double> stated;
        ReadFailure bad = readSides(*value, window, &sides, &stated);
        if (bad.failed())
            return bad.within(rowWhereOf(row));
        amounts->set(window, sides);
        if (stated)
            statedTotals->append(StatedTotal{statedWhere, window, *stated, sides});
    }
    if (amounts->isEmpty()) {
        return failure(
            LoadErrorKind::MissingWindow,
            QCoreApplication::translate("Liq::Formats", "every window is null: there are no amounts"),
            joinWhere(rowWhereOf(row), fieldWhere(QStringLiteral("windows"))));
    }
    return {};
}

// Reads a row's name, converting each distinct name once per table.
ReadFailure readRowName(const Json &row, NameTable *names, QString *out)
{
    const Json *value = member(row, "name");
    if (!names || !value || !value->is_string())
        return readString(row, "name", QStringLiteral("name"), true, out);
    const std::string &utf8 = value->get_ref<const std::string &>();
    auto found = names->find(utf8);
    if (found == names->end())
        found = names->emplace(utf8, toQString(utf8)).first;
    *out = found->second;
    return {};
}

ReadFailure readBreakdown(const Json &breakdown, LiquidationSnapshot *snapshot,
                          QList<StatedTotal> *statedTotals, NameTable *names)
{
    if (!breakdown.is_object()) {
        return failure(
            LoadErrorKind::WrongType,
            QCoreApplication::translate("Liq::Formats", "expected an object with kind and rows, found %1")
                .arg(jsonTypeName(breakdown)),
            fieldWhere(QStringLiteral("breakdown")));
    }
    QString kindKey;
    ReadFailure bad = readString(breakdown, "kind", QStringLiteral("breakdown.kind"), true, &kindKey);
    if (bad.failed())
        return bad;
    const auto kind = breakdownKindFromKey(kindKey);
    if (!kind) {
        return failure(LoadErrorKind::WrongType,
                       QCoreApplication::translate(
                           "Liq::Formats", "unknown breakdown kind %1 (expected \"coin\" or \"exchange\")")
                           .arg(shownText(kindKey)),
                       fieldWhere(QStringLiteral("breakdown.kind")));
    }
    snapshot->breakdownKind = *kind;

    const Json *rows = member(breakdown, "rows");
    if (!rows) {
        return failure(LoadErrorKind::MissingField,
                       QCoreApplication::translate("Liq::Formats", "a required field is missing"),
                       fieldWhere(QStringLiteral("breakdown.rows")));
    }
    if (!rows->is_array()) {
        return failure(LoadErrorKind::WrongType,
                       QCoreApplication::translate("Liq::Formats", "expected an array, found %1")
                           .arg(jsonTypeName(*rows)),
                       fieldWhere(QStringLiteral("breakdown.rows")));
    }
    int number = 0;
    snapshot->breakdown.reserve(qsizetype(rows->size()));
    for (const Json &row : *rows) {
        ++number;
        if (!row.is_object()) {
            return failure(LoadErrorKind::WrongType,
                           QCoreApplication::translate("Liq::Formats",
                                                       "expected an object with name and windows, found %1")
                               .arg(jsonTypeName(row)),
                           rowWhereOf(number));
        }
        BreakdownRow parsed;
        bad = readRowName(row, names, &parsed.name);
        if (bad.failed())
            return bad.within(rowWhereOf(number));
        bad = readWindows(row, number, parsed.name, &parsed.amounts, statedTotals);
        if (bad.failed())
            return bad;
        snapshot->breakdown.append(std::move(parsed));
    }
    return {};
}

OrderedJson amountJson(double usd)
{
    // Whole dollars as integers (what people and other tools expect); anything else as the
    // shortest decimal that reads back to the same double.
    constexpr double ExactIntegerLimit = 9007199254740992.0; // 2^53
    if (std::isfinite(usd) && std::floor(usd) == usd && std::abs(usd) <= ExactIntegerLimit)
        return OrderedJson(static_cast<std::int64_t>(usd));
    return OrderedJson(usd);
}

OrderedJson windowsJson(const WindowAmounts &amounts)
{
    OrderedJson windows = OrderedJson::object();
    for (TimeWindow window : AllTimeWindows) {
        const std::string label = windowLabel(window).toStdString();
        if (!amounts.has(window)) {
            windows[label] = nullptr;
            continue;
        }
        OrderedJson sides = OrderedJson::object();
        sides["long_usd"] = amountJson(amounts.at(window).longUsd);
        sides["short_usd"] = amountJson(amounts.at(window).shortUsd);
        windows[label] = std::move(sides);
    }
    return windows;
}

OrderedJson snapshotJson(const LiquidationSnapshot &snapshot)
{
    OrderedJson document = OrderedJson::object();
    document["format"] = std::string(LiqscopeFormatName);
    document["version"] = SnapshotWriter::FormatVersion;
    const QDateTime asOf = snapshot.asOf.toUTC();
    document["as_of"]
        = asOf.toString(asOf.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate).toStdString();
    document["source"] = snapshot.source.toStdString();
    document["scope"] = snapshot.scope.toStdString();
    document["windows"] = windowsJson(snapshot.totals);
    if (snapshot.breakdownKind != BreakdownKind::None || !snapshot.breakdown.isEmpty()) {
        OrderedJson breakdown = OrderedJson::object();
        const QString kind = breakdownKindKey(snapshot.breakdownKind);
        breakdown["kind"] = kind.isEmpty() ? std::string("none") : kind.toStdString();
        OrderedJson rows = OrderedJson::array();
        for (const BreakdownRow &row : snapshot.breakdown) {
            OrderedJson rowJson = OrderedJson::object();
            rowJson["name"] = row.name.toStdString();
            rowJson["windows"] = windowsJson(row.amounts);
            rows.push_back(std::move(rowJson));
        }
        breakdown["rows"] = std::move(rows);
        document["breakdown"] = std::move(breakdown);
    }
    return document;
}

QByteArray dumped(const OrderedJson &document, int indent)
{
    const std::string text = document.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace

bool isLiqscopeDocument(const Json &root)
{
    const Json *format = member(root, "format");
    return format && format->is_string() && format->get_ref<const std::string &>() == LiqscopeFormatName;
}

ReadOutcome readLiqscopeSnapshot(const Json &root, NameTable *names)
{
    if (!isLiqscopeDocument(root)) {
        return ReadOutcome::failed(failure(
            LoadErrorKind::UnknownFormat,
            QCoreApplication::translate("Liq::Formats", "not a Liqscope snapshot (its format is not \"%1\")")
                .arg(QLatin1String(LiqscopeFormatName.data(), qsizetype(LiqscopeFormatName.size()))),
            fieldWhere(QStringLiteral("format"))));
    }
    const Json *version = member(root, "version");
    if (!version)
        return ReadOutcome::failed(
            failure(LoadErrorKind::MissingField,
                    QCoreApplication::translate("Liq::Formats", "a required field is missing"),
                    fieldWhere(QStringLiteral("version"))));
    if (!version->is_number_integer()) {
        return ReadOutcome::failed(
            failure(LoadErrorKind::WrongType,
                    QCoreApplication::translate("Liq::Formats", "expected a whole number, found %1")
                        .arg(jsonTypeName(*version)),
                    fieldWhere(QStringLiteral("version"))));
    }
    const auto versionNumber = version->get<std::int64_t>();
    if (versionNumber != SnapshotWriter::FormatVersion) {
        return ReadOutcome::failed(failure(
            LoadErrorKind::UnsupportedVersion,
            QCoreApplication::translate("Liq::Formats",
                                        "the snapshot is format version %1; this build of Liqscope reads "
                                        "version %2 (a newer Liqscope may read it)")
                .arg(versionNumber)
                .arg(SnapshotWriter::FormatVersion),
            fieldWhere(QStringLiteral("version"))));
    }

    ReadOutcome outcome;
    LiquidationSnapshot snapshot;
    QString asOfText;
    ReadFailure bad = readString(root, "as_of", QStringLiteral("as_of"), true, &asOfText);
    if (bad.failed())
        return ReadOutcome::failed(bad);
    const std::optional<QDateTime> asOf = parseIsoTime(asOfText);
    if (!asOf) {
        return ReadOutcome::failed(
            failure(LoadErrorKind::WrongType,
                    QCoreApplication::translate("Liq::Formats",
                                                "%1 is not an ISO-8601 time like 2026-11-20T14:00:00Z")
                        .arg(shownText(asOfText)),
                    fieldWhere(QStringLiteral("as_of"))));
    }
    snapshot.asOf = *asOf;

    bad = readString(root, "source", QStringLiteral("source"), false, &snapshot.source);
    if (!bad.failed())
        bad = readString(root, "scope", QStringLiteral("scope"), false, &snapshot.scope);
    if (!bad.failed())
        bad = readWindows(root, 0, QStringLiteral("totals"), &snapshot.totals, &outcome.statedTotals);
    if (!bad.failed()) {
        const Json *breakdown = member(root, "breakdown");
        if (breakdown && !breakdown->is_null()) // null: no breakdown, as when the key is absent
            bad = readBreakdown(*breakdown, &snapshot, &outcome.statedTotals, names);
    }
    if (bad.failed())
        return ReadOutcome::failed(bad);
    outcome.snapshot = std::move(snapshot);
    return outcome;
}

} // namespace Formats

namespace SnapshotWriter {

QByteArray toJson(const LiquidationSnapshot &snapshot)
{
    return Formats::dumped(Formats::snapshotJson(snapshot), 2) + '\n';
}

QByteArray toJsonLine(const LiquidationSnapshot &snapshot)
{
    return Formats::dumped(Formats::snapshotJson(snapshot), -1);
}

} // namespace SnapshotWriter
} // namespace Liq
