#include "formats/numbertext.h"
#include "formats/snapshotreader.h"
#include "formattestsupport.h"

#include <QFile>
#include <QTest>

#include <limits>

using namespace Liq;
using namespace Liq::TestSupport;

Q_DECLARE_METATYPE(Liq::WindowAmounts)
Q_DECLARE_METATYPE(Liq::BreakdownRow)

namespace {

const QDateTime FallbackAsOf(QDate(2026, 11, 21), QTime(9, 30), Qt::UTC);
const QDateTime SampleAsOf(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

// The coins of the coin-list, CSV and breakdown test files (see tests/data/good).
const WindowAmounts Btc = windows(
    {SideAmounts{1e6, 2e6}, SideAmounts{4e6, 6e6}, SideAmounts{9e6, 11e6}, SideAmounts{15e6, 25e6}});
const WindowAmounts Eth = windows(
    {SideAmounts{5e5, 2.5e5}, SideAmounts{1.5e6, 1e6}, SideAmounts{3e6, 2e6}, SideAmounts{6e6, 4e6}});
const WindowAmounts BtcPlusEth = windows(
    {SideAmounts{1.5e6, 2.25e6}, SideAmounts{5.5e6, 7e6}, SideAmounts{12e6, 13e6}, SideAmounts{21e6, 29e6}});
// The published figures of the seed report (resources/sample/seed-market.liqscope).
const WindowAmounts Seed = windows({SideAmounts{819850, 6080000}, SideAmounts{3700000, 28020000},
                                    SideAmounts{49950000, 224860000}, SideAmounts{66340000, 330700000}});

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test file %s", qPrintable(path));
    return file.readAll();
}

} // namespace

class TestSnapshotReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsGoodFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("hint"); // window index, -1 for none
        QTest::addColumn<QString>("source");
        QTest::addColumn<QDateTime>("asOf");
        QTest::addColumn<WindowAmounts>("totals");
        QTest::addColumn<BreakdownKind>("kind");
        QTest::addColumn<QList<BreakdownRow>>("rows");

        const QList<BreakdownRow> coins{{QStringLiteral("BTC"), Btc}, {QStringLiteral("ETH"), Eth}};
        const QString coinList = QStringLiteral("CoinGlass coin-list");
        const QString exchangeList = QStringLiteral("CoinGlass exchange-list");

        QTest::newRow("liqscope with breakdown and ms")
            << "snapshot-with-breakdown.liqscope" << -1 << "Test source"
            << QDateTime(QDate(2026, 11, 20), QTime(14, 0, 0, 250), Qt::UTC) << BtcPlusEth
            << BreakdownKind::Coin << coins;
        QTest::newRow("liqscope with BOM")
            << "bom.liqscope" << -1 << "Liqscope sample (figures of a published market report)" << SampleAsOf
            << Seed << BreakdownKind::None << QList<BreakdownRow>{};
        QTest::newRow("liqscope with null windows")
            << "partial-windows.liqscope" << -1 << "Test source" << SampleAsOf
            << windows({std::nullopt, SideAmounts{5.5e6, 7e6}, std::nullopt, std::nullopt})
            << BreakdownKind::Exchange
            << QList<BreakdownRow>{
                   {QStringLiteral("Binance"),
                    windows({std::nullopt, SideAmounts{3e6, 4e6}, std::nullopt, std::nullopt})}};

        QTest::newRow("coin-list v4 envelope") << "coin-list-v4.json" << -1 << coinList << FallbackAsOf
                                               << BtcPlusEth << BreakdownKind::Coin << coins;
        QTest::newRow("coin-list v4 bare array") << "coin-list-v4-bare.json" << -1 << coinList << FallbackAsOf
                                                 << BtcPlusEth << BreakdownKind::Coin << coins;
        const WindowAmounts sol
            = windows({SideAmounts{12000.5, 8000.25}, SideAmounts{50000, 30000.75},
                       SideAmounts{120000, 90000}, SideAmounts{2369935.19562, 1500000.8}});
        const WindowAmounts doge = windows({SideAmounts{1000, 2000}, SideAmounts{3000, 4000},
                                            SideAmounts{5000, 6000}, SideAmounts{7000, 8000}});
        const WindowAmounts solPlusDoge
            = windows({SideAmounts{13000.5, 10000.25}, SideAmounts{53000, 34000.75},
                       SideAmounts{125000, 96000}, SideAmounts{2369935.19562 + 7000, 1500000.8 + 8000}});
        QTest::newRow("coin-list numeric strings")
            << "coin-list-v4-strings.json" << -1 << coinList << FallbackAsOf << solPlusDoge
            << BreakdownKind::Coin
            << QList<BreakdownRow>{{QStringLiteral("SOL"), sol}, {QStringLiteral("DOGE"), doge}};
        QTest::newRow("coin-list v3 camelCase") << "coin-list-v3.json" << -1 << coinList << FallbackAsOf
                                                << BtcPlusEth << BreakdownKind::Coin << coins;
        QTest::newRow("coin-list older spelling") << "coin-list-old.json" << -1 << coinList << FallbackAsOf
                                                  << BtcPlusEth << BreakdownKind::Coin << coins;

        const auto only4h = [](SideAmounts amounts) {
            return windows({std::nullopt, amounts, std::nullopt, std::nullopt});
        };
        QTest::newRow("exchange-list with hint")
            << "exchange-list-4h.json" << windowIndex(TimeWindow::H4) << exchangeList << FallbackAsOf
            << only4h({5.5e6, 7e6}) << BreakdownKind::Exchange
            << QList<BreakdownRow>{{QStringLiteral("Binance"), only4h({3e6, 4e6})},
                                   {QStringLiteral("OKX"), only4h({2.5e6, 3e6})}};
        QTest::newRow("exchange-list combined windows")
            << "exchange-list-combined.json" << -1 << exchangeList << FallbackAsOf << BtcPlusEth
            << BreakdownKind::Exchange
            << QList<BreakdownRow>{
                   {QStringLiteral("Binance"),
                    windows({SideAmounts{1e6, 1.5e6}, SideAmounts{3e6, 4e6}, SideAmounts{7e6, 8e6},
                             SideAmounts{12e6, 18e6}})},
                   // In the order of the 24h ranking (mergeExchangeListWindows), OKX after it.
                   {QStringLiteral("Bybit"),
                    windows({std::nullopt, std::nullopt, std::nullopt, SideAmounts{9e6, 11e6}})},
                   {QStringLiteral("OKX"),
                    windows({SideAmounts{5e5, 7.5e5}, SideAmounts{2.5e6, 3e6}, SideAmounts{5e6, 5e6},
                             std::nullopt})}};

        QTest::newRow("csv totals") << "totals.csv" << -1 << "CSV" << FallbackAsOf << Seed
                                    << BreakdownKind::None << QList<BreakdownRow>{};
        QTest::newRow("csv symbols only")
            << "by-symbol.csv" << -1 << "CSV" << FallbackAsOf << BtcPlusEth << BreakdownKind::Coin << coins;
        QTest::newRow("csv totals and symbols, CRLF")
            << "totals-and-symbols-crlf.csv" << -1 << "CSV" << FallbackAsOf << BtcPlusEth
            << BreakdownKind::Coin << coins;
        QTest::newRow("csv quoted fields")
            << "quoted.csv" << -1 << "CSV" << FallbackAsOf
            << windows({SideAmounts{1000.5, 2000}, SideAmounts{3000, 4000}, SideAmounts{5000, 6000},
                        SideAmounts{7000, 8000}})
            << BreakdownKind::Coin
            << QList<BreakdownRow>{{QStringLiteral("Wrapped, \"BTC\""),
                                    windows({SideAmounts{10, 20}, SideAmounts{30, 40}, SideAmounts{50, 60},
                                             SideAmounts{70, 80}})}};
        QTest::newRow("csv with BOM and blank lines")
            << "bom.csv" << -1 << "CSV" << FallbackAsOf
            << windows({SideAmounts{1, 2}, SideAmounts{3, 4}, SideAmounts{5, 6}, SideAmounts{7, 8}})
            << BreakdownKind::None << QList<BreakdownRow>{};
    }

    void readsGoodFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, hint);
        QFETCH(QString, source);
        QFETCH(QDateTime, asOf);
        QFETCH(WindowAmounts, totals);
        QFETCH(BreakdownKind, kind);
        QFETCH(QList<BreakdownRow>, rows);

        const QByteArray bytes = readBytes(goodFile(file));

        ReadContext context;
        context.origin = goodFile(file);
        context.fallbackAsOf = FallbackAsOf;
        if (hint >= 0)
            context.windowHint = AllTimeWindows[size_t(hint)];
        const LoadResult result = SnapshotReader::read(bytes, context);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.error.kind, LoadErrorKind::None);
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));

        const LiquidationSnapshot &snapshot = *result.snapshot;
        QCOMPARE(snapshot.source, source);
        QCOMPARE(snapshot.asOf, asOf);
        LIQ_COMPARE_AMOUNTS(snapshot.totals, totals);
        QCOMPARE(snapshot.breakdownKind, kind);
        QCOMPARE(snapshot.breakdown.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(snapshot.breakdown.at(i).name, rows.at(i).name);
            LIQ_COMPARE_AMOUNTS(snapshot.breakdown.at(i).amounts, rows.at(i).amounts);
        }
    }

    void exchangeListWindowComesFromTheHint()
    {
        const QByteArray bytes = readBytes(goodFile(QStringLiteral("exchange-list-4h.json")));
        ReadContext context;
        context.origin = QStringLiteral("https://example.invalid/exchange-list");
        context.windowHint = TimeWindow::H24;
        const LoadResult result = SnapshotReader::read(bytes, context);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.snapshot->totals.count(), 1);
        QVERIFY(result.snapshot->totals.has(TimeWindow::H24));
        QCOMPARE(result.snapshot->totals.at(TimeWindow::H24).shortUsd, 7e6);
        // Without a fallback time the reader stamps the current time.
        QVERIFY(qAbs(result.snapshot->asOf.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    void coinListScopeFollowsTheResponse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("scope");
        const QByteArray row = R"({"symbol":"BTC","long_liquidation_usd_1h":1,"short_liquidation_usd_1h":2,)"
                               R"("long_liquidation_usd_4h":3,"short_liquidation_usd_4h":4,)"
                               R"("long_liquidation_usd_12h":5,"short_liquidation_usd_12h":6,)"
                               R"("long_liquidation_usd_24h":7,"short_liquidation_usd_24h":8})";
        QTest::newRow("no exchange stated")
            << QByteArray(R"({"code":"0","msg":"success","data":[)" + row + "]}")
            << QStringLiteral("All exchanges");
        QTest::newRow("exchange stated")
            << QByteArray(R"({"code":0,"exchange":"Binance","data":[)" + row + "]}")
            << QStringLiteral("Binance");
    }

    void coinListScopeFollowsTheResponse()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, scope);
        const LoadResult result
            = SnapshotReader::read(body, ReadContext{QStringLiteral("body"), FallbackAsOf, {}});
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.snapshot->scope, scope);
        QCOMPARE(result.snapshot->totals.at(TimeWindow::H12), (SideAmounts{5, 6}));
    }

    void nullBreakdownMeansNone()
    {
        const QByteArray body
            = R"({"format":"liqscope-snapshot","version":1,"as_of":"2026-11-20T15:00:00+01:00",)"
              R"("breakdown":null,"windows":{"1h":{"long_usd":"1","short_usd":2},"4h":null,)"
              R"("12h":null,"24h":{"long_usd":3,"short_usd":4.5}}})";
        const LoadResult result
            = SnapshotReader::read(body, ReadContext{QStringLiteral("body"), FallbackAsOf, {}});
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.snapshot->breakdownKind, BreakdownKind::None);
        QVERIFY(result.snapshot->breakdown.isEmpty());
        QCOMPARE(result.snapshot->asOf, QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));
        QCOMPARE(result.snapshot->totals.count(), 2);
        QCOMPARE(result.snapshot->totals.at(TimeWindow::H24), (SideAmounts{3, 4.5}));
        QVERIFY(result.snapshot->source.isEmpty()); // optional fields
    }

    // Numeric strings are read strictly: the whole trimmed text must be one finite decimal.
    void amountText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<LoadErrorKind>("kind");
        QTest::addColumn<double>("value");
        QTest::newRow("decimal") << QByteArray("2369935.19562") << LoadErrorKind::None << 2369935.19562;
        QTest::newRow("padded") << QByteArray(" \t42 ") << LoadErrorKind::None << 42.0;
        QTest::newRow("exponent") << QByteArray("1.5e6") << LoadErrorKind::None << 1.5e6;
        QTest::newRow("negative zero") << QByteArray("-0") << LoadErrorKind::None << 0.0;
        QTest::newRow("largest double") << QByteArray("1.7976931348623157e308") << LoadErrorKind::None
                                        << std::numeric_limits<double>::max();
        QTest::newRow("empty") << QByteArray("") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("blank") << QByteArray("   ") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("letters") << QByteArray("abc") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("dangling exponent") << QByteArray("1e") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("hex") << QByteArray("0x10") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("NaN") << QByteArray("NaN") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("nan") << QByteArray("nan") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("Infinity") << QByteArray("Infinity") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("inf") << QByteArray("-inf") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("thousands separator") << QByteArray("1,000") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("overflow") << QByteArray("1e400") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("trailing text") << QByteArray("12 USD") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("plus sign") << QByteArray("+5") << LoadErrorKind::InvalidNumber << 0.0;
        QTest::newRow("negative") << QByteArray("-5") << LoadErrorKind::NegativeAmount << 0.0;
    }

    void amountText()
    {
        QFETCH(QByteArray, text);
        QFETCH(LoadErrorKind, kind);
        QFETCH(double, value);
        double parsed = -1.0;
        const Formats::ReadFailure failure
            = Formats::parseAmountText(std::string_view(text.constData(), size_t(text.size())), &parsed);
        QCOMPARE(failure.kind, kind);
        if (kind == LoadErrorKind::None) {
            QCOMPARE(parsed, value);
            QVERIFY(!std::signbit(parsed));
        } else {
            QVERIFY(!failure.what.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSnapshotReader)
#include "tst_snapshotreader.moc"
