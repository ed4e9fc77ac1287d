#include "domain/money.h"

#include <QTest>

#include <limits>

using namespace Liq;

class TestMoney final : public QObject
{
    Q_OBJECT

private slots:
    void formatUsd_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seed 24h total") << 397.04e6 << QStringLiteral("$397.04M");
        QTest::newRow("seed 1h longs") << 819850.0 << QStringLiteral("$819.85K");
        QTest::newRow("billions") << 1.23e9 << QStringLiteral("$1.23B");
        QTest::newRow("trillions") << 2.5e12 << QStringLiteral("$2.50T");
        QTest::newRow("dollars") << 512.0 << QStringLiteral("$512.00");
        QTest::newRow("zero") << 0.0 << QStringLiteral("$0.00");
        QTest::newRow("rounds up across a unit") << 999999.0 << QStringLiteral("$1.00M");
        QTest::newRow("just below a unit") << 999990.0 << QStringLiteral("$999.99K");
        QTest::newRow("negative") << -1.2e6 << QStringLiteral("-$1.20M");
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("—");
    }

    void formatUsd()
    {
        QFETCH(double, usd);
        QFETCH(QString, expected);
        QCOMPARE(Liq::formatUsd(usd), expected);
    }

    void formatUsdAxis_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0.0 << 50e6 << QStringLiteral("$0");
        QTest::newRow("whole millions") << 150e6 << 50e6 << QStringLiteral("$150M");
        QTest::newRow("half billions") << 1.5e9 << 0.5e9 << QStringLiteral("$1.5B");
        QTest::newRow("thousands") << 250e3 << 250e3 << QStringLiteral("$250K");
    }

    void formatUsdAxis()
    {
        QFETCH(double, usd);
        QFETCH(double, step);
        QFETCH(QString, expected);
        QCOMPARE(Liq::formatUsdAxis(usd, step), expected);
    }

    void formatPercent()
    {
        QCOMPARE(Liq::formatPercent(330.70 / 397.04), QStringLiteral("83.3%"));
        QCOMPARE(Liq::formatPercent(0.5, 0), QStringLiteral("50%"));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
