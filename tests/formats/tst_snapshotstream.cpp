// The fast path of history loading (streamLiqscopeSnapshot) against the strict DOM path
// (parseJsonStrict + readLiqscopeSnapshot): whatever the stream accepts, the DOM path reads to the
// same snapshot and stated totals; whatever it declines goes to the DOM path, which says why.
#include "formats/historyfile.h"
#include "formats/jsondocument.h"
#include "formats/liqscopestream.h"
#include "formats/snapshotwriter.h"
#include "formattestsupport.h"

#include <QTest>

#include <cmath>

using namespace Liq;
using namespace Liq::Formats;

namespace {

// Two rows, a null window, integers and decimals: the shape SnapshotWriter writes. Every replaced
// piece below occurs once.
const QByteArray Base
    = R"({"format":"liqscope-snapshot","version":1,"as_of":"2026-11-20T14:00:00Z",)"
      R"("source":"Liqscope demo feed","scope":"All exchanges","windows":{)"
      R"("1h":{"long_usd":100,"short_usd":200},"4h":{"long_usd":400,"short_usd":600},)"
      R"("12h":{"long_usd":900,"short_usd":1100},"24h":{"long_usd":1500,"short_usd":2500}},)"
      R"("breakdown":{"kind":"coin","rows":[{"name":"BTC","windows":{)"
      R"("1h":{"long_usd":10,"short_usd":20},"4h":{"long_usd":40,"short_usd":60},)"
      R"("12h":{"long_usd":90,"short_usd":110},"24h":{"long_usd":150,"short_usd":250}}},)"
      R"({"name":"ETH","windows":{"1h":null,"4h":{"long_usd":4.5,"short_usd":6.25},)"
      R"("12h":{"long_usd":9,"short_usd":11},"24h":{"long_usd":15,"short_usd":25}}}]}})";

QByteArray replaced(const char *from, const QByteArray &to)
{
    if (Base.count(from) != 1)
        qFatal("the test text %s is not in Base exactly once", from);
    return QByteArray(Base).replace(from, to);
}

const char *const TotalsSides = R"("1h":{"long_usd":100,"short_usd":200})";
const char *const BtcSides = R"("1h":{"long_usd":10,"short_usd":20})";
const char *const Rows = R"("rows":[)";

// "k0":0,"k1":1,... with a comma after the last.
QByteArray unknownKeys(int count)
{
    QByteArray members;
    for (int i = 0; i < count; ++i)
        members += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
    return members;
}

struct StrictRead
{
    ReadOutcome outcome;
    LoadErrorKind kind = LoadErrorKind::None; // why the DOM path refused the text
};

StrictRead readStrictly(const QByteArray &text, NameTable *names)
{
    StrictRead read;
    Json root;
    const ReadFailure bad = parseJsonStrict(std::string_view(text.constData(), std::size_t(text.size())),
                                            &root, JsonPositions::SingleLine);
    if (bad.failed()) {
        read.kind = bad.kind;
        return read;
    }
    if (!isLiqscopeDocument(root)) {
        read.kind = LoadErrorKind::UnknownFormat;
        return read;
    }
    read.outcome = readLiqscopeSnapshot(root, names);
    read.kind = read.outcome.failure.kind;
    return read;
}

bool sameStated(const QList<StatedTotal> &a, const QList<StatedTotal> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].where != b[i].where || a[i].window != b[i].window || a[i].statedUsd != b[i].statedUsd
            || a[i].amounts != b[i].amounts)
            return false;
    }
    return true;
}

bool hasNegativeZero(const WindowAmounts &amounts)
{
    for (TimeWindow window : AllTimeWindows) {
        if (amounts.has(window)
            && (std::signbit(amounts.at(window).longUsd) || std::signbit(amounts.at(window).shortUsd)))
            return true;
    }
    return false;
}

} // namespace

class TestSnapshotStream final : public QObject
{
    Q_OBJECT

private slots:
    // streamed: the fast path reads it; kind: what the DOM path says (None: it reads it).
    void streamAgreesWithTheStrictReader_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("streamed");
        QTest::addColumn<LoadErrorKind>("kind");
        const auto good = [](const char *name, const QByteArray &text) {
            QTest::newRow(name) << text << true << LoadErrorKind::None;
        };
        const auto declined = [](const char *name, const QByteArray &text, LoadErrorKind kind) {
            QTest::newRow(name) << text << false << kind;
        };

        // Read by the stream.
        good("as written", Base);
        good("writer output", SnapshotWriter::toJsonLine(writtenSnapshot()));
        good("pretty-printed", SnapshotWriter::toJson(writtenSnapshot()));
        good("no breakdown",
             QByteArray(R"({"format":"liqscope-snapshot","version":1,"as_of":"2026-11-20T14:00:00Z",)"
                        R"("windows":{"1h":null,"4h":null,"12h":null,"24h":{"long_usd":1,"short_usd":2}}})"));
        good("null breakdown",
             QByteArray(R"({"breakdown":null,"windows":{"1h":{"long_usd":1,"short_usd":2},)"
                        R"("4h":null,"12h":null,"24h":null},"as_of":"2026-11-20T14:00:00Z",)"
                        R"("version":1,"format":"liqscope-snapshot"})"));
        good("keys in another order",
             QByteArray(
                 R"({"breakdown":{"rows":[{"windows":{"24h":{"short_usd":2,"long_usd":1},"12h":null,)"
                 R"("4h":null,"1h":null},"name":"SOL"}],"kind":"exchange"},"scope":"x","windows":{)"
                 R"("24h":{"short_usd":4,"long_usd":3},"1h":null,"12h":null,"4h":null},)"
                 R"("as_of":"2026-11-20T14:00:00.250+02:00","version":1,"format":"liqscope-snapshot"})"));
        good("stated totals",
             replaced(TotalsSides, R"("1h":{"long_usd":100,"short_usd":200,"total_usd":300})")
                 .replace(R"("24h":{"long_usd":150,"short_usd":250})",
                          R"("24h":{"total_usd":"999","long_usd":150,"short_usd":250})"));
        good("amounts as text", replaced(BtcSides, R"("1h":{"long_usd":" 1e3 ","short_usd":"20.5"})"));
        good("zeros and negative zeros", replaced(BtcSides, R"("1h":{"long_usd":-0,"short_usd":-0.0})"));
        good("large numbers",
             replaced(BtcSides, R"("1h":{"long_usd":18446744073709551615,"short_usd":1.5e300})"));
        good("number beyond 64 bits",
             replaced(BtcSides, R"("1h":{"long_usd":1844674407370955161500,"short_usd":0})"));
        good("no source or scope", replaced(R"("source":"Liqscope demo feed","scope":"All exchanges",)", ""));
        good("empty texts", replaced(R"("source":"Liqscope demo feed")", R"("source":"")"));
        good("escaped name", replaced(R"("name":"ETH")", "\"name\":\"\\u00c9T\\\"H\\\\\""));
        good("empty rows, kind none",
             QByteArray(R"({"format":"liqscope-snapshot","version":1,"as_of":"2026-11-20T14:00:00Z",)"
                        R"("windows":{"1h":null,"4h":null,"12h":null,"24h":{"long_usd":1,"short_usd":2}},)"
                        R"("breakdown":{"kind":"none","rows":[]}})"));
        good("time without zone", replaced("14:00:00Z", "14:00:00"));
        good("whitespace and BOM",
             "\xEF\xBB\xBF \t" + replaced(R"("version":1,)", "\"version\" :\t 1 ,") + " \r");

        // Unknown keys are skipped, whatever their values, as the DOM path ignores them.
        good("unknown top-level key",
             replaced(R"("version":1,)", R"("version":1,"note":{"a":[1,{"b":null}],"c":"d","e":true},)"));
        good("unknown key in sides",
             replaced(BtcSides, R"("1h":{"n":[],"long_usd":10,"short_usd":20,"m":{}})"));
        good("unknown window", replaced(R"("12h":{"long_usd":900,)", R"("2h":1,"12h":{"long_usd":900,)"));
        good("unknown key in a row", replaced(R"("name":"BTC",)", R"("name":"BTC","rank":-1.5e3,)"));
        good("unknown key in the breakdown", replaced(Rows, R"("source":"x","rows":[)"));
        good("same unknown key in two objects",
             replaced(R"("name":"BTC",)", R"("x":1,"name":"BTC","y":{"x":2},)")
                 .replace(R"("version":1,)", R"("version":1,"x":0,)"));
        good("32 unknown keys", replaced(R"("version":1,)", "\"version\":1," + unknownKeys(32)));
        declined("33 unknown keys", replaced(R"("version":1,)", "\"version\":1," + unknownKeys(33)),
                 LoadErrorKind::None);

        // Refused by both.
        declined("empty", "", LoadErrorKind::Syntax);
        declined("truncated", Base.left(Base.size() - 3), LoadErrorKind::Syntax);
        declined("trailing content", Base + "{}", LoadErrorKind::Syntax);
        declined("an array", "[" + Base + "]", LoadErrorKind::UnknownFormat);
        declined("null", "null", LoadErrorKind::UnknownFormat);
        declined("a number", "7", LoadErrorKind::UnknownFormat);
        declined("a negative number", "-7.5", LoadErrorKind::UnknownFormat);
        declined("a string", "\"liqscope-snapshot\"", LoadErrorKind::UnknownFormat);
        declined("a boolean", "true", LoadErrorKind::UnknownFormat);
        declined("too deep", replaced(R"("version":1,)", R"("version":1,"x":)" + QByteArray(100, '[') + ','),
                 LoadErrorKind::TooDeep);
        // 64 levels in all are allowed: the row's sides are level 6.
        good("deep unknown value",
             replaced(BtcSides,
                      R"("1h":{"long_usd":10,"short_usd":20,"x":)" + QByteArray(58, '[') + QByteArray(58, ']')
                          + '}'));
        declined("one level too deep",
                 replaced(BtcSides,
                          R"("1h":{"long_usd":10,"short_usd":20,"x":)" + QByteArray(59, '[')
                              + QByteArray(59, ']') + '}'),
                 LoadErrorKind::TooDeep);
        declined("duplicate top-level key", replaced(R"("version":1,)", R"("version":1,"version":1,)"),
                 LoadErrorKind::DuplicateKey);
        declined("duplicate amount",
                 replaced(BtcSides, R"("1h":{"long_usd":10,"long_usd":10,"short_usd":20})"),
                 LoadErrorKind::DuplicateKey);
        declined("duplicate window", replaced(TotalsSides, QByteArray(TotalsSides) + ',' + TotalsSides),
                 LoadErrorKind::DuplicateKey);
        declined("duplicate name", replaced(R"("name":"BTC",)", R"("name":"BTC","name":"X",)"),
                 LoadErrorKind::DuplicateKey);
        declined("duplicate unknown key", replaced(R"("version":1,)", R"("version":1,"x":1,"x":1,)"),
                 LoadErrorKind::DuplicateKey);
        declined("duplicate key in an unknown value",
                 replaced(R"("name":"BTC",)", R"("name":"BTC","x":[{"a":1,"b":{"a":1},"a":2}],)"),
                 LoadErrorKind::DuplicateKey);
        declined("syntax error in an unknown value", replaced(R"("version":1,)", R"("version":1,"x":[1,],)"),
                 LoadErrorKind::Syntax);
        declined("NaN in an unknown value", replaced(R"("version":1,)", R"("version":1,"x":NaN,)"),
                 LoadErrorKind::InvalidNumber);
        declined("number out of range in an unknown value",
                 replaced(R"("version":1,)", R"("version":1,"x":-1e999,)"), LoadErrorKind::InvalidNumber);
        declined("other format", replaced("liqscope-snapshot", "liqscope"), LoadErrorKind::UnknownFormat);
        declined("format as number", replaced(R"("liqscope-snapshot")", "1"), LoadErrorKind::UnknownFormat);
        declined("newer version", replaced(R"("version":1)", R"("version":2)"),
                 LoadErrorKind::UnsupportedVersion);
        declined("version as text", replaced(R"("version":1)", R"("version":"1")"), LoadErrorKind::WrongType);
        declined("version as decimal", replaced(R"("version":1)", R"("version":1.0)"),
                 LoadErrorKind::WrongType);
        declined("negative version", replaced(R"("version":1)", R"("version":-1)"),
                 LoadErrorKind::UnsupportedVersion);
        declined("no version", replaced(R"("version":1,)", ""), LoadErrorKind::MissingField);
        declined("no time", replaced(R"("as_of":"2026-11-20T14:00:00Z",)", ""), LoadErrorKind::MissingField);
        declined("bad time", replaced("2026-11-20T14", "2026-13-20T14"), LoadErrorKind::WrongType);
        declined("time as number", replaced(R"("2026-11-20T14:00:00Z")", "1"), LoadErrorKind::WrongType);
        declined("null source", replaced(R"("Liqscope demo feed")", "null"), LoadErrorKind::WrongType);
        declined("no totals", replaced(R"("windows":{"1h":{"long_usd":100)", R"("x":{"1h":{"long_usd":100)"),
                 LoadErrorKind::MissingField);
        declined("totals as array",
                 replaced(R"("scope":"All exchanges","windows":{)", R"("windows":[],"x":{)"),
                 LoadErrorKind::WrongType);
        declined("missing window", replaced(R"("12h":{"long_usd":900,)", R"("2h":{"long_usd":900,)"),
                 LoadErrorKind::MissingWindow);
        declined("every window null",
                 replaced(R"({"1h":{"long_usd":10,"short_usd":20},"4h":{"long_usd":40,)"
                          R"("short_usd":60},"12h":{"long_usd":90,"short_usd":110},)"
                          R"("24h":{"long_usd":150,"short_usd":250}})",
                          R"({"1h":null,"4h":null,"12h":null,"24h":null})"),
                 LoadErrorKind::MissingWindow);
        declined("window as number", replaced(TotalsSides, R"("1h":5)"), LoadErrorKind::WrongType);
        declined("no short", replaced(BtcSides, R"("1h":{"long_usd":10})"), LoadErrorKind::MissingField);
        declined("negative integer", replaced(BtcSides, R"("1h":{"long_usd":-10,"short_usd":20})"),
                 LoadErrorKind::NegativeAmount);
        declined("negative decimal", replaced(BtcSides, R"("1h":{"long_usd":-0.5,"short_usd":20})"),
                 LoadErrorKind::NegativeAmount);
        declined("negative text", replaced(BtcSides, R"("1h":{"long_usd":"-5","short_usd":20})"),
                 LoadErrorKind::NegativeAmount);
        declined("text not a number", replaced(BtcSides, R"("1h":{"long_usd":"abc","short_usd":20})"),
                 LoadErrorKind::InvalidNumber);
        declined("NaN text", replaced(BtcSides, R"("1h":{"long_usd":"NaN","short_usd":20})"),
                 LoadErrorKind::InvalidNumber);
        declined("NaN literal", replaced(BtcSides, R"("1h":{"long_usd":NaN,"short_usd":20})"),
                 LoadErrorKind::InvalidNumber);
        declined("number out of range", replaced(BtcSides, R"("1h":{"long_usd":1e400,"short_usd":20})"),
                 LoadErrorKind::InvalidNumber);
        declined("null amount", replaced(BtcSides, R"("1h":{"long_usd":null,"short_usd":20})"),
                 LoadErrorKind::InvalidNumber);
        declined("boolean amount", replaced(BtcSides, R"("1h":{"long_usd":true,"short_usd":20})"),
                 LoadErrorKind::WrongType);
        declined("negative stated total",
                 replaced(BtcSides, R"("1h":{"long_usd":1,"short_usd":2,"total_usd":-3})"),
                 LoadErrorKind::NegativeAmount);
        declined("breakdown as array",
                 replaced(R"("breakdown":{"kind":"coin",)", R"("breakdown":[],"x":{"k":1,)"),
                 LoadErrorKind::WrongType);
        declined("no kind", replaced(R"("kind":"coin",)", ""), LoadErrorKind::MissingField);
        declined("unknown kind", replaced(R"("kind":"coin")", R"("kind":"pair")"), LoadErrorKind::WrongType);
        declined("no rows", replaced(Rows, R"("x":[)"), LoadErrorKind::MissingField);
        declined("rows as object", replaced(Rows, R"("rows":{"a":1},"x":[)"), LoadErrorKind::WrongType);
        declined("row as number", replaced(Rows, R"("rows":[1,)"), LoadErrorKind::WrongType);
        declined("row as null", replaced(Rows, R"("rows":[null,)"), LoadErrorKind::WrongType);
        declined("row without name", replaced(R"("name":"BTC",)", ""), LoadErrorKind::MissingField);
        declined("name as number", replaced(R"("name":"BTC")", R"("name":7)"), LoadErrorKind::WrongType);
        declined("row without windows", replaced(R"("name":"ETH","windows")", R"("name":"ETH","w")"),
                 LoadErrorKind::MissingField);
    }

    void streamAgreesWithTheStrictReader()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, streamed);
        QFETCH(LoadErrorKind, kind);
        NameTable streamNames;
        NameTable strictNames;
        ReadOutcome fast;
        const std::string_view view(text.constData(), std::size_t(text.size()));
        QCOMPARE(streamLiqscopeSnapshot(view, &streamNames, &fast), streamed);
        const StrictRead strict = readStrictly(text, &strictNames);
        QCOMPARE(strict.kind, kind);
        if (streamed) {
            QVERIFY(fast.snapshot.has_value());
            QVERIFY(!fast.failure.failed());
            QCOMPARE(*fast.snapshot, *strict.outcome.snapshot);
            QVERIFY(sameStated(fast.statedTotals, strict.outcome.statedTotals));
            QVERIFY(!hasNegativeZero(fast.snapshot->totals));
            for (const BreakdownRow &row : fast.snapshot->breakdown)
                QVERIFY(!hasNegativeZero(row.amounts));
        }

        // The history reader, which tries the stream first, gives what the DOM path gives.
        if (text.trimmed().contains('\n'))
            return; // not one line
        const HistoryLoadResult history = HistoryFile::read(text, QStringLiteral("h.jsonl"));
        if (kind == LoadErrorKind::None) {
            QCOMPARE(history.snapshots, QList<LiquidationSnapshot>{*strict.outcome.snapshot});
            QCOMPARE(history.warnings,
                     Consistency::check(*strict.outcome.snapshot, strict.outcome.statedTotals,
                                        QStringLiteral("h.jsonl:1")));
            QVERIFY(history.badLines.isEmpty());
        } else if (!text.trimmed().isEmpty()) {
            QVERIFY(history.snapshots.isEmpty());
            QCOMPARE(history.badLines.size(), 1);
            QCOMPARE(history.badLines.first().kind, kind);
        }
    }

    // Stated totals keep the DOM path's order (totals first, then the rows, windows in order)
    // whatever the order of the keys, and each names its row.
    void statedTotalsInReadingOrder()
    {
        const QByteArray text
            = R"({"breakdown":{"kind":"coin","rows":[{"windows":{"24h":{"long_usd":1,)"
              R"("short_usd":1,"total_usd":2},"1h":{"long_usd":1,"short_usd":1,"total_usd":9},)"
              R"("4h":null,"12h":null},"name":"BTC"}]},"windows":{"4h":{"long_usd":1,)"
              R"("short_usd":1,"total_usd":5},"1h":null,"12h":null,"24h":null},)"
              R"("as_of":"2026-11-20T14:00:00Z","version":1,"format":"liqscope-snapshot"})";
        NameTable names;
        ReadOutcome fast;
        QVERIFY(streamLiqscopeSnapshot(std::string_view(text.constData(), std::size_t(text.size())), &names,
                                       &fast));
        QCOMPARE(fast.statedTotals.size(), 3);
        QCOMPARE(fast.statedTotals[0].where, QStringLiteral("totals"));
        QCOMPARE(fast.statedTotals[0].window, TimeWindow::H4);
        QCOMPARE(fast.statedTotals[0].statedUsd, 5.0);
        QCOMPARE(fast.statedTotals[1].where, QStringLiteral("BTC"));
        QCOMPARE(fast.statedTotals[1].window, TimeWindow::H1);
        QCOMPARE(fast.statedTotals[1].statedUsd, 9.0);
        QCOMPARE(fast.statedTotals[2].window, TimeWindow::H24);
        QCOMPARE(fast.statedTotals[2].amounts, (SideAmounts{1, 1}));
    }

    // Names are shared through the table, between streamed lines and lines read by the DOM path.
    void namesAreSharedWithTheStrictPath()
    {
        NameTable names;
        const StrictRead strict = readStrictly(replaced(R"("version":1,)", R"("version":1,"x":0,)"), &names);
        QVERIFY(strict.outcome.snapshot.has_value());
        ReadOutcome fast;
        QVERIFY(streamLiqscopeSnapshot(std::string_view(Base.constData(), std::size_t(Base.size())), &names,
                                       &fast));
        QVERIFY(
            fast.snapshot->breakdown.at(1).name.isSharedWith(strict.outcome.snapshot->breakdown.at(1).name));
        QCOMPARE(names.size(), std::size_t(2));
    }

private:
    // A snapshot as the app writes it: decimals, a breakdown with an absent window.
    static LiquidationSnapshot writtenSnapshot()
    {
        LiquidationSnapshot snapshot;
        snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0, 0, 125), Qt::UTC);
        snapshot.source = QStringLiteral("Liqscope demo feed");
        snapshot.scope = QStringLiteral("All exchanges");
        snapshot.totals = TestSupport::windows({SideAmounts{1e5 / 3, 2e5}, SideAmounts{4e5, 6e5 + 0.1},
                                                SideAmounts{9e5, 11e5}, SideAmounts{15e5, 25e5}});
        snapshot.breakdownKind = BreakdownKind::Coin;
        snapshot.breakdown = {
            {QStringLiteral("BTC"), snapshot.totals},
            {QStringLiteral("DOGE"),
             TestSupport::windows({std::nullopt, SideAmounts{1, 2}, SideAmounts{3, 4}, SideAmounts{5, 6}})}};
        return snapshot;
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStream)
#include "tst_snapshotstream.moc"
