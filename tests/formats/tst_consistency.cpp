#include "formats/consistency.h"
#include "formats/snapshotfile.h"
#include "formats/snapshotreader.h"
#include "formattestsupport.h"

#include <QTest>

using namespace Liq;
using namespace Liq::TestSupport;

Q_DECLARE_METATYPE(Liq::LiquidationSnapshot)
Q_DECLARE_METATYPE(Liq::StatedTotal)

namespace {

const QString Origin = QStringLiteral("/data/check.liqscope");

LiquidationSnapshot snapshotWith(const WindowAmounts &totals, const QList<BreakdownRow> &rows = {})
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);
    snapshot.totals = totals;
    snapshot.breakdownKind = rows.isEmpty() ? BreakdownKind::None : BreakdownKind::Coin;
    snapshot.breakdown = rows;
    return snapshot;
}

// Nested windows that are fine: each side grows with the window.
const WindowAmounts Nested = windows(
    {SideAmounts{100, 200}, SideAmounts{400, 600}, SideAmounts{900, 1100}, SideAmounts{1500, 2500}});

} // namespace

class TestConsistency final : public QObject
{
    Q_OBJECT

private slots:
    void warnings_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::addColumn<QList<StatedTotal>>("stated");
        QTest::addColumn<QStringList>("expected"); // one fragment per expected warning

        QTest::newRow("nested windows") << snapshotWith(Nested) << QList<StatedTotal>{} << QStringList{};
        QTest::newRow("shorter long above longer by 10%")
            << snapshotWith(windows({SideAmounts{440, 100}, SideAmounts{400, 600}, SideAmounts{900, 1100},
                                     SideAmounts{1500, 2500}}))
            << QList<StatedTotal>{}
            << QStringList{QStringLiteral("1h long liquidations ($440.00) exceed the 4h ones ($400.00)")};
        QTest::newRow("shorter short above longer, total too")
            << snapshotWith(windows({SideAmounts{100, 200}, SideAmounts{400, 600}, SideAmounts{900, 1100},
                                     SideAmounts{1500, 400}}))
            << QList<StatedTotal>{}
            << QStringList{QStringLiteral("12h short liquidations ($1.10K) exceed the 24h ones ($400.00)"),
                           QStringLiteral("12h total liquidations ($2.00K) exceed the 24h ones ($1.90K)")};
        QTest::newRow("within rounding (0.4%)")
            << snapshotWith(windows({SideAmounts{401.6, 200}, SideAmounts{400, 600}, SideAmounts{900, 1100},
                                     SideAmounts{1500, 2500}}))
            << QList<StatedTotal>{} << QStringList{};
        QTest::newRow("absent windows are skipped")
            << snapshotWith(
                   windows({SideAmounts{2000, 100}, std::nullopt, std::nullopt, SideAmounts{1500, 2500}}))
            << QList<StatedTotal>{}
            << QStringList{QStringLiteral("1h long liquidations ($2.00K) exceed the 24h ones")};
        QTest::newRow("breakdown row names itself")
            << snapshotWith(Nested,
                            {{QStringLiteral("DOGE"),
                              windows({SideAmounts{10, 5}, SideAmounts{10, 5}, SideAmounts{10, 50},
                                       SideAmounts{10, 20}})}})
            << QList<StatedTotal>{}
            << QStringList{QStringLiteral("12h short liquidations ($50.00) exceed the 24h ones ($20.00)"),
                           QStringLiteral("12h total liquidations ($60.00) exceed the 24h ones ($30.00)")};

        // The seed report: $3.70M + $28.02M = $31.72M against a stated $31.71M is rounding.
        QTest::newRow("seed 4h rounding") << snapshotWith(Nested)
                                          << QList<StatedTotal>{{QStringLiteral("totals"), TimeWindow::H4,
                                                                 31.71e6, SideAmounts{3.70e6, 28.02e6}}}
                                          << QStringList{};
        QTest::newRow("stated total off by 1%")
            << snapshotWith(Nested)
            << QList<StatedTotal>{{QStringLiteral("BTC"), TimeWindow::H12, 101.0, SideAmounts{40.0, 60.0}}}
            << QStringList{
                   QStringLiteral("the stated 12h total ($101.00) is not long + short ($100.00): they differ "
                                  "by 1.0% (BTC)")};
        QTest::newRow("stated total off by 0.4%")
            << snapshotWith(Nested)
            << QList<StatedTotal>{{QStringLiteral("BTC"), TimeWindow::H12, 100.4, SideAmounts{40.0, 60.0}}}
            << QStringList{};
    }

    void warnings()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        QFETCH(QList<StatedTotal>, stated);
        QFETCH(QStringList, expected);
        const QStringList warnings = Consistency::check(snapshot, stated, Origin);
        QCOMPARE(warnings.size(), expected.size());
        for (const QString &warning : warnings) {
            QVERIFY2(warning.startsWith(Origin + QStringLiteral(": ")), qPrintable(warning));
            QVERIFY2(!warning.contains(u'\n'), qPrintable(warning));
        }
        for (const QString &fragment : expected) {
            QVERIFY2(warnings.filter(fragment).size() == 1,
                     qPrintable(QStringLiteral("no warning says: ") + fragment + QStringLiteral("\ngot:\n")
                                + warnings.join(u'\n')));
        }
    }

    void toleranceIsHalfAPercentOfTheLarger_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::addColumn<bool>("differs");
        QTest::newRow("equal") << 100.0 << 100.0 << false;
        QTest::newRow("0.49%") << 100.0 << 100.49 << false;
        QTest::newRow("0.6%") << 100.0 << 100.6 << true;
        QTest::newRow("order does not matter") << 100.6 << 100.0 << true;
        QTest::newRow("zero and zero") << 0.0 << 0.0 << false;
        QTest::newRow("zero and a cent") << 0.0 << 0.01 << true;
    }

    void toleranceIsHalfAPercentOfTheLarger()
    {
        QFETCH(double, a);
        QFETCH(double, b);
        QFETCH(bool, differs);
        QCOMPARE(Consistency::differsBeyondRounding(a, b), differs);
    }

    void manyWarningsAreCounted()
    {
        QList<BreakdownRow> rows;
        for (int i = 0; i < 30; ++i) {
            rows.append(
                {QStringLiteral("COIN%1").arg(i),
                 windows({SideAmounts{10, 1}, SideAmounts{1, 1}, SideAmounts{1, 1}, SideAmounts{1, 1}})});
        }
        const QStringList warnings = Consistency::check(snapshotWith(Nested, rows), {}, Origin);
        QCOMPARE(warnings.size(), Consistency::MaxWarnings + 1);
        // 30 rows, each with a long and a total warning: 60, of which 20 are shown.
        QVERIFY2(warnings.last().contains(QStringLiteral("40 more")), qPrintable(warnings.last()));
    }

    // Every reader hands its stated totals to the checks.
    void readersReportStatedTotals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("liqscope total_usd") << QByteArray(
            R"({"format":"liqscope-snapshot","version":1,"as_of":"2026-11-20T14:00:00Z","windows":{)"
            R"("1h":{"long_usd":1,"short_usd":2,"total_usd":3},"4h":{"long_usd":3,"short_usd":4},)"
            R"("12h":{"long_usd":5,"short_usd":6,"total_usd":20},"24h":{"long_usd":7,"short_usd":8}}})")
                                            << QStringLiteral("the stated 12h total ($20.00) is not long + "
                                                              "short ($11.00)");
        QTest::newRow("coin-list liquidation_usd_W")
            << QByteArray(
                   R"([{"symbol":"BTC","long_liquidation_usd_1h":1,"short_liquidation_usd_1h":2,)"
                   R"("long_liquidation_usd_4h":3,"short_liquidation_usd_4h":4,"liquidation_usd_4h":"9",)"
                   R"("long_liquidation_usd_12h":5,"short_liquidation_usd_12h":6,)"
                   R"("long_liquidation_usd_24h":7,"short_liquidation_usd_24h":8}])")
            << QStringLiteral(
                   "the stated 4h total ($9.00) is not long + short ($7.00): they differ by 22.2% (BTC)");
        QTest::newRow("exchange-list liquidation_usd")
            << QByteArray(R"({"1h":{"code":"0","data":[{"exchange":"All","liquidation_usd":50,)"
                          R"("long_liquidation_usd":10,"short_liquidation_usd":20}]}})")
            << QStringLiteral("the stated 1h total ($50.00) is not long + short ($30.00): they differ by "
                              "40.0% (totals)");
        QTest::newRow("csv total_usd")
            << QByteArray("window,long_usd,short_usd,total_usd\n1h,1,2,3\n4h,3,4,7\n12h,5,6,11\n24h,7,8,30\n")
            << QStringLiteral("the stated 24h total ($30.00) is not long + short ($15.00)");
        QTest::newRow("csv nesting")
            << QByteArray("window,long_usd,short_usd\n1h,1,2\n4h,3,4\n12h,50,6\n24h,7,8\n")
            << QStringLiteral("12h long liquidations ($50.00) exceed the 24h ones ($7.00)");
    }

    void readersReportStatedTotals()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, fragment);
        const LoadResult result = SnapshotReader::read(body, ReadContext{Origin, {}, {}});
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY2(result.warnings.filter(fragment).size() == 1,
                 qPrintable(QStringLiteral("no warning says: ") + fragment + QStringLiteral("\ngot:\n")
                            + result.warnings.join(u'\n')));
        QVERIFY(result.warnings.first().startsWith(Origin));
    }

    void seedSampleHasNoWarning()
    {
        const QString path = QStringLiteral(LIQSCOPE_SAMPLE_FILE);
        const LoadResult result = SnapshotFile::load(path);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestConsistency)
#include "tst_consistency.moc"
