#include "csvformat.h"

#include "formats/csvwriter.h"
#include "numbertext.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

namespace Liq {
namespace Formats {

namespace {

std::string_view textView(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), std::size_t(bytes.size()));
}

struct CsvRecord
{
    int line = 0; // where the record starts, from 1
    QList<QByteArray> fields;
};

bool isBlank(const CsvRecord &record)
{
    return record.fields.size() == 1 && record.fields.front().trimmed().isEmpty();
}

// Reads the quoted field that opens at text[*i] (a '"') into *field, leaving *i on its closing quote;
// doubled quotes are one quote and line breaks count in *line. Only spaces may follow the closing quote
// before the separator.
ReadFailure readQuotedField(QByteArrayView text, qsizetype *i, int *line, QByteArray *field)
{
    const int quoteLine = *line;
    const qsizetype size = text.size();
    field->clear();
    bool closed = false;
    for (++*i; *i < size; ++*i) {
        if (text[*i] == '"') {
            if (*i + 1 < size && text[*i + 1] == '"') {
                *field += '"';
                ++*i;
                continue;
            }
            closed = true;
            break;
        }
        if (text[*i] == '\n')
            ++*line;
        *field += text[*i];
    }
    if (!closed) {
        return failure(LoadErrorKind::Syntax,
                       QCoreApplication::translate("Liq::Formats", "a quoted field is never closed"),
                       QCoreApplication::translate("Liq::Formats", "line %1").arg(quoteLine));
    }
    while (*i + 1 < size && (text[*i + 1] == ' ' || text[*i + 1] == '\t'))
        ++*i;
    if (*i + 1 < size && text[*i + 1] != ',' && text[*i + 1] != '\r' && text[*i + 1] != '\n') {
        return failure(LoadErrorKind::Syntax,
                       QCoreApplication::translate("Liq::Formats", "unexpected text after a closing quote"),
                       QCoreApplication::translate("Liq::Formats", "line %1").arg(*line));
    }
    return {};
}

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; unquoted
// fields are trimmed. Blank lines are dropped.
ReadFailure splitRecords(QByteArrayView text, QList<CsvRecord> *records)
{
    CsvRecord record;
    QByteArray field;
    bool fieldQuoted = false;
    int line = 1;
    record.line = 1;
    auto finishField = [&] {
        record.fields.append(fieldQuoted ? field : field.trimmed());
        field.clear();
        fieldQuoted = false;
    };
    auto finishRecord = [&] {
        finishField();
        if (!isBlank(record))
            records->append(record);
        record = CsvRecord{};
        record.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' && field.trimmed().isEmpty() && !fieldQuoted) {
            fieldQuoted = true;
            ReadFailure bad = readQuotedField(text, &i, &line, &field);
            if (bad.failed())
                return bad;
        } else if (c == ',') {
            finishField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            ++line;
            finishRecord();
        } else if (!fieldQuoted) { // text after a closing quote is refused by readQuotedField
            field += c;
        }
    }
    finishRecord();
    return {};
}

QByteArray firstLine(QByteArrayView text)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r')
            ++end;
        QByteArray line = text.sliced(start, end - start).toByteArray().trimmed();
        if (!line.isEmpty())
            return line;
        start = end + 1;
    }
    return {};
}

QByteArray normalizedColumn(QByteArray name)
{
    name = name.trimmed();
    if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
        name = name.mid(1, name.size() - 2).trimmed();
    return name.toLower();
}

struct Columns
{
    int window = -1;
    int longUsd = -1;
    int shortUsd = -1;
    int symbol = -1;
    int totalUsd = -1;
};

struct Entry
{
    QString name; // empty for the totals
    WindowAmounts amounts;
};

} // namespace

bool looksLikeCsv(QByteArrayView text)
{
    const QByteArray header = firstLine(text);
    if (!header.contains(','))
        return false;
    for (const QByteArray &column : header.split(',')) {
        const QByteArray name = normalizedColumn(column);
        if (name == "window" || name == "long_usd" || name == "short_usd")
            return true;
    }
    return false;
}

namespace {

// Where a known column's index goes; nullptr for the columns Liqscope ignores.
int *columnSlot(const QByteArray &name, Columns *columns)
{
    const std::pair<const char *, int Columns::*> known[] = {{"window", &Columns::window},
                                                             {"long_usd", &Columns::longUsd},
                                                             {"short_usd", &Columns::shortUsd},
                                                             {"symbol", &Columns::symbol},
                                                             {"total_usd", &Columns::totalUsd}};
    for (const auto &[column, member] : known) {
        if (name == column)
            return &(columns->*member);
    }
    return nullptr;
}

// The header's columns: the known ones found once each, the required ones all there.
ReadFailure readHeader(const CsvRecord &header, Columns *columns)
{
    for (int i = 0; i < header.fields.size(); ++i) {
        const QByteArray name = header.fields.at(i).trimmed().toLower();
        int *slot = columnSlot(name, columns);
        if (!slot)
            continue;
        if (*slot >= 0) {
            return failure(LoadErrorKind::DuplicateKey,
                           QCoreApplication::translate("Liq::Formats", "the header names a column twice"),
                           QCoreApplication::translate("Liq::Formats", "line %1, column %2")
                               .arg(header.line)
                               .arg(QString::fromUtf8(name)));
        }
        *slot = i;
    }
    const struct
    {
        int index;
        const char *name;
    } required[]
        = {{columns->window, "window"}, {columns->longUsd, "long_usd"}, {columns->shortUsd, "short_usd"}};
    for (const auto &column : required) {
        if (column.index < 0) {
            return failure(LoadErrorKind::MissingField,
                           QCoreApplication::translate("Liq::Formats", "the header lacks a required column"),
                           QCoreApplication::translate("Liq::Formats", "line %1, column %2")
                               .arg(header.line)
                               .arg(QLatin1String(column.name)));
        }
    }
    return {};
}

// One data line, read on its own.
struct CsvRow
{
    TimeWindow window = TimeWindow::H1;
    SideAmounts sides;
    QString name; // empty for the totals
    std::optional<double> stated;
};

ReadFailure readRow(const CsvRecord &record, const Columns &columns, qsizetype headerFields, CsvRow *row)
{
    const QString lineWhere = QCoreApplication::translate("Liq::Formats", "line %1").arg(record.line);
    if (record.fields.size() != headerFields) {
        return failure(LoadErrorKind::Syntax,
                       QCoreApplication::translate("Liq::Formats", "the line has %1 fields but the header %2")
                           .arg(record.fields.size())
                           .arg(headerFields),
                       lineWhere);
    }
    const auto columnWhere = [&](const char *column) -> QString {
        return lineWhere + QCoreApplication::translate("Liq::Formats", ", column ") + QLatin1String(column);
    };
    const QString windowText = QString::fromUtf8(record.fields.at(columns.window));
    const auto window = windowFromLabel(windowText);
    if (!window) {
        return failure(
            LoadErrorKind::Syntax,
            QCoreApplication::translate("Liq::Formats", "unknown window %1 (expected 1h, 4h, 12h or 24h)")
                .arg(shownText(windowText)),
            columnWhere("window"));
    }
    row->window = *window;
    ReadFailure bad = parseAmountText(textView(record.fields.at(columns.longUsd)), &row->sides.longUsd);
    if (bad.failed())
        return bad.within(columnWhere("long_usd"));
    bad = parseAmountText(textView(record.fields.at(columns.shortUsd)), &row->sides.shortUsd);
    if (bad.failed())
        return bad.within(columnWhere("short_usd"));
    if (columns.symbol >= 0)
        row->name = QString::fromUtf8(record.fields.at(columns.symbol)).trimmed();
    if (row->name.compare(u"ALL", Qt::CaseInsensitive) == 0)
        row->name.clear();
    if (columns.totalUsd >= 0 && !record.fields.at(columns.totalUsd).trimmed().isEmpty()) {
        double total = 0.0;
        bad = parseAmountText(textView(record.fields.at(columns.totalUsd)), &total);
        if (bad.failed())
            return bad.within(columnWhere("total_usd"));
        row->stated = total;
    }
    return {};
}

QString entryLabel(const QString &name)
{
    return name.isEmpty() ? QCoreApplication::translate("Liq::Formats", "the totals") : shownText(name);
}

// The entries (the totals, if given, and one per symbol in order of appearance) as a snapshot: every
// entry needs every window; without totals, the totals are the symbols' sums.
ReadFailure snapshotOf(const QList<Entry> &entries, const ReadContext &context, LiquidationSnapshot *snapshot)
{
    if (entries.isEmpty()) {
        return failure(LoadErrorKind::MissingWindow,
                       QCoreApplication::translate(
                           "Liq::Formats", "the CSV has a header but no rows: every window is missing"));
    }
    snapshot->asOf
        = context.fallbackAsOf.isValid() ? context.fallbackAsOf.toUTC() : QDateTime::currentDateTimeUtc();
    snapshot->source = QStringLiteral("CSV");
    bool totalsGiven = false;
    std::array<SideAmounts, TimeWindowCount> sums{};
    for (const Entry &entry : entries) {
        for (TimeWindow window : AllTimeWindows) {
            if (!entry.amounts.has(window)) {
                return failure(
                    LoadErrorKind::MissingWindow,
                    QCoreApplication::translate("Liq::Formats", "no %1 row for %2: every window is required")
                        .arg(windowLabel(window), entryLabel(entry.name)));
            }
        }
        if (entry.name.isEmpty()) {
            snapshot->totals = entry.amounts;
            totalsGiven = true;
            continue;
        }
        snapshot->breakdownKind = BreakdownKind::Coin;
        snapshot->breakdown.append(BreakdownRow{entry.name, entry.amounts});
        for (TimeWindow window : AllTimeWindows) {
            sums[windowIndex(window)].longUsd += entry.amounts.at(window).longUsd;
            sums[windowIndex(window)].shortUsd += entry.amounts.at(window).shortUsd;
        }
    }
    if (!totalsGiven) {
        for (TimeWindow window : AllTimeWindows)
            snapshot->totals.set(window, sums[windowIndex(window)]);
    }
    return {};
}

} // namespace

ReadOutcome readCsv(QByteArrayView text, const ReadContext &context)
{
    QList<CsvRecord> records;
    ReadFailure bad = splitRecords(text, &records);
    if (bad.failed())
        return ReadOutcome::failed(bad);
    if (records.isEmpty())
        return ReadOutcome::failed(failure(
            LoadErrorKind::Empty, QCoreApplication::translate("Liq::Formats", "the CSV has no header")));
    const CsvRecord &header = records.front();
    Columns columns;
    bad = readHeader(header, &columns);
    if (bad.failed())
        return ReadOutcome::failed(bad);

    ReadOutcome outcome;
    QList<Entry> entries;
    QHash<QString, int> entryOf; // upper-cased name -> index into entries
    for (int r = 1; r < records.size(); ++r) {
        CsvRow row;
        bad = readRow(records.at(r), columns, header.fields.size(), &row);
        if (bad.failed())
            return ReadOutcome::failed(bad);
        auto found = entryOf.constFind(row.name.toUpper());
        if (found == entryOf.constEnd()) {
            found = entryOf.insert(row.name.toUpper(), int(entries.size()));
            entries.append(Entry{row.name, {}});
        }
        Entry &entry = entries[*found];
        if (entry.amounts.has(row.window)) {
            return ReadOutcome::failed(
                failure(LoadErrorKind::DuplicateKey,
                        QCoreApplication::translate("Liq::Formats", "a second %1 row for %2")
                            .arg(windowLabel(row.window), entryLabel(row.name)),
                        QCoreApplication::translate("Liq::Formats", "line %1").arg(records.at(r).line)));
        }
        entry.amounts.set(row.window, row.sides);
        if (row.stated)
            outcome.statedTotals.append(StatedTotal{row.name.isEmpty() ? QStringLiteral("totals") : row.name,
                                                    row.window, *row.stated, row.sides});
    }
    LiquidationSnapshot snapshot;
    bad = snapshotOf(entries, context, &snapshot);
    if (bad.failed())
        return ReadOutcome::failed(bad);
    outcome.snapshot = std::move(snapshot);
    return outcome;
}

} // namespace Formats

namespace CsvWriter {

namespace {

// The symbol the reader takes for the totals.
constexpr char TotalsSymbol[] = "ALL";

QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r')
        && utf8.trimmed() == utf8)
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

// The shortest decimal that reads back to the same double, never in exponent form.
QByteArray amountText(double usd)
{
    return QByteArray::number(usd, 'f', QLocale::FloatingPointShortest);
}

void appendLines(QByteArray &out, const QByteArray &symbol, const WindowAmounts &amounts)
{
    for (TimeWindow window : AllTimeWindows) {
        if (!amounts.has(window))
            continue;
        const SideAmounts &sides = amounts.at(window);
        const std::optional<double> share = sides.shortShare();
        out += symbol + ',' + windowLabel(window).toLatin1() + ',' + amountText(sides.longUsd) + ','
            + amountText(sides.shortUsd) + ',' + amountText(sides.total()) + ','
            + (share ? QByteArray::number(*share, 'f', 6) : QByteArray()) + '\n';
    }
}

} // namespace

QByteArray toCsv(const LiquidationSnapshot &snapshot)
{
    QByteArray out = "symbol,window,long_usd,short_usd,total_usd,short_share\n";
    appendLines(out, TotalsSymbol, snapshot.totals);
    for (const BreakdownRow &row : snapshot.breakdown)
        appendLines(out, csvField(row.name), row.amounts);
    return out;
}

QByteArray eventsToCsv(const QList<LiquidationEvent> &events)
{
    QByteArray out = "time_utc,exchange,market,instrument,coin,side,price,quantity,usd\n";
    for (const LiquidationEvent &event : events) {
        out += QDateTime::fromMSecsSinceEpoch(event.exchangeTimeMs, Qt::UTC)
                   .toString(Qt::ISODateWithMs)
                   .toLatin1()
            + ',' + exchangeKey(event.exchange).toLatin1() + ',' + marketKindKey(event.market).toLatin1()
            + ',' + csvField(event.instrument) + ',' + csvField(event.coin) + ','
            + (event.side == LiquidatedSide::Long ? "long" : "short") + ',' + amountText(event.price) + ','
            + amountText(event.quantity) + ',' + amountText(event.usd) + '\n';
    }
    return out;
}

} // namespace CsvWriter
} // namespace Liq
