#include "formats/csvwriter.h"
#include "formats/snapshotfile.h"
#include "formats/snapshotreader.h"
#include "formattestsupport.h"

#include <QTest>

using namespace Liq;
using namespace Liq::TestSupport;

namespace {

LiquidationSnapshot readBack(const QByteArray &csv)
{
    const LoadResult result = SnapshotReader::read(csv, ReadContext{u"export.csv"_qs, {}, {}});
    if (!result.ok())
        qWarning("%s", qPrintable(result.error.message));
    if (!result.warnings.isEmpty())
        qWarning("%s", qPrintable(result.warnings.join(u'\n')));
    return result.ok() && result.warnings.isEmpty() ? *result.snapshot : LiquidationSnapshot{};
}

// Exact, not nearly: what Liqscope exports must read back to the very same doubles.
void compareExactly(const WindowAmounts &actual, const WindowAmounts &expected)
{
    for (TimeWindow window : AllTimeWindows) {
        QCOMPARE(actual.has(window), expected.has(window));
        if (expected.has(window))
            QCOMPARE(actual.at(window), expected.at(window));
    }
}

} // namespace

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private slots:
    void whatLiqscopeExportsItReadsBack_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("the bundled sample") << QStringLiteral(LIQSCOPE_SAMPLE_FILE);
        QTest::newRow("with a breakdown") << goodFile(u"snapshot-with-breakdown.liqscope"_qs);
        QTest::newRow("a coin-list") << goodFile(u"coin-list-v4-strings.json"_qs);
    }

    void whatLiqscopeExportsItReadsBack()
    {
        QFETCH(QString, file);
        const LoadResult loaded = SnapshotFile::load(file);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        const LiquidationSnapshot &original = *loaded.snapshot;

        const LiquidationSnapshot read = readBack(CsvWriter::toCsv(original));
        QVERIFY(read.isValid());
        compareExactly(read.totals, original.totals);
        QCOMPARE(read.breakdown.size(), original.breakdown.size());
        for (qsizetype i = 0; i < original.breakdown.size(); ++i) {
            QCOMPARE(read.breakdown.at(i).name, original.breakdown.at(i).name);
            compareExactly(read.breakdown.at(i).amounts, original.breakdown.at(i).amounts);
        }
    }

    void awkwardNamesAndAmountsSurvive()
    {
        const WindowAmounts amounts
            = windows({SideAmounts{0.1, 2369935.19562}, SideAmounts{0.3, 123456789.125},
                       SideAmounts{1.0 / 3.0, 1e15}, SideAmounts{7, 1.5e15}});
        LiquidationSnapshot snapshot;
        snapshot.totals = amounts;
        snapshot.breakdownKind = BreakdownKind::Coin;
        snapshot.breakdown = {
            {u"A, \"quoted\" coin"_qs, amounts}, {u"ビットコイン"_qs, amounts}, {u"two\nlines"_qs, amounts}};

        const QByteArray csv = CsvWriter::toCsv(snapshot);
        QVERIFY2(!csv.contains("e+"), csv.constData()); // plain decimals for spreadsheets
        const LiquidationSnapshot read = readBack(csv);
        QVERIFY(read.isValid());
        compareExactly(read.totals, amounts);
        QCOMPARE(read.breakdown.size(), 3);
        for (qsizetype i = 0; i < 3; ++i) {
            QCOMPARE(read.breakdown.at(i).name, snapshot.breakdown.at(i).name);
            compareExactly(read.breakdown.at(i).amounts, amounts);
        }
    }

    void theLayout()
    {
        LiquidationSnapshot snapshot;
        snapshot.totals = windows({SideAmounts{1, 3}, std::nullopt, std::nullopt, SideAmounts{0, 0}});
        snapshot.breakdown
            = {{u"BTC"_qs, windows({SideAmounts{0.5, 1.5}, std::nullopt, std::nullopt, std::nullopt})}};
        QCOMPARE(CsvWriter::toCsv(snapshot),
                 QByteArray("symbol,window,long_usd,short_usd,total_usd,short_share\n"
                            "ALL,1h,1,3,4,0.750000\n"
                            "ALL,24h,0,0,0,\n"
                            "BTC,1h,0.5,1.5,2,0.750000\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
