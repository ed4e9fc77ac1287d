#include "analysis/analysisjson.h"
#include "analysistestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Liq;
using namespace Liq::TestData;

namespace {

QJsonObject parsed(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("invalid JSON at %d: %s", error.offset, qPrintable(error.errorString()));
    return document.object();
}

QJsonObject jsonOf(const LiquidationSnapshot &snapshot, const QStringList &loadWarnings = {})
{
    return parsed(analysisToJson(snapshot, analyzeSnapshot(snapshot), loadWarnings));
}

} // namespace

class TestAnalysisJson final : public QObject
{
    Q_OBJECT

private slots:
    void seedFields()
    {
        const LiquidationSnapshot seed = seedSnapshot();
        const MarketAnalysis analysis = analyzeSnapshot(seed);
        const QJsonObject root = parsed(analysisToJson(seed, analysis, {}));

        QCOMPARE(root.value(u"scope").toString(), seed.scope);
        QCOMPARE(root.value(u"source").toString(), seed.source);
        QCOMPARE(root.value(u"as_of").toString(), QStringLiteral("2026-11-20T14:00:00Z"));

        const QJsonArray timeframes = root.value(u"timeframes").toArray();
        QCOMPARE(timeframes.size(), 4);
        const QStringList labels{QStringLiteral("1h"), QStringLiteral("4h"), QStringLiteral("12h"),
                                 QStringLiteral("24h")};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject frame = timeframes.at(i).toObject();
            const SideAmounts &input = seed.totals.at(AllTimeWindows[i]);
            QCOMPARE(frame.value(u"window").toString(), labels.at(i));
            QCOMPARE(frame.value(u"seconds").toInteger(), windowSeconds(AllTimeWindows[i]));
            QCOMPARE(frame.value(u"long_usd").toDouble(), input.longUsd);
            QCOMPARE(frame.value(u"short_usd").toDouble(), input.shortUsd);
            QCOMPARE(frame.value(u"total_usd").toDouble(), input.total());
            QCOMPARE(frame.value(u"short_share").toDouble(), input.shortUsd / input.total());
            QCOMPARE(frame.value(u"dominant_side").toString(), QStringLiteral("shorts"));
        }
        QCOMPARE(timeframes.at(0).toObject().value(u"long_usd").toDouble(), 819850.0);

        const QJsonObject signal = root.value(u"signal").toObject();
        QCOMPARE(signal.value(u"side").toString(), QStringLiteral("short_squeeze"));
        const QString level = signal.value(u"level").toString();
        QVERIFY2(level == QStringLiteral("strong") || level == QStringLiteral("extreme"), qPrintable(level));
        QCOMPARE(signal.value(u"score").toInt(), analysis.signal.score);
        QVERIFY(signal.value(u"score").isDouble());
        QCOMPARE(signal.value(u"basis_window").toString(), QStringLiteral("24h"));
        QCOMPARE(signal.value(u"agreeing_windows").toInt(), 4);
        QCOMPARE(signal.value(u"quiet").toBool(), false);

        const QJsonObject heaviest = root.value(u"heaviest_bucket").toObject();
        QCOMPARE(heaviest.value(u"from_hours").toInt(), 4);
        QCOMPARE(heaviest.value(u"to_hours").toInt(), 12);
        QCOMPARE(heaviest.value(u"usd_per_hour").toDouble(), analysis.heaviestBucket->usdPerHour());
        QVERIFY(std::fabs(heaviest.value(u"usd_per_hour").toDouble() - 30.4e6) < 0.05e6);

        QCOMPARE(root.value(u"buckets").toArray().size(), 4);
        QCOMPARE(root.value(u"momentum").toString(), QStringLiteral("fading"));
        QCOMPARE(root.value(u"momentum_ratio").toDouble(), *analysis.momentumRatio);
        QVERIFY(root.value(u"warnings").isArray());
        QVERIFY(root.value(u"warnings").toArray().isEmpty());
    }

    void unknownValuesAreNull()
    {
        LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H4, 0, 0}});
        snapshot.source.clear();
        snapshot.asOf = {};
        const QJsonObject root = jsonOf(snapshot);
        QVERIFY(root.value(u"source").isNull());
        QVERIFY(root.value(u"as_of").isNull());
        const QJsonObject frame = root.value(u"timeframes").toArray().at(0).toObject();
        QCOMPARE(frame.value(u"window").toString(), QStringLiteral("4h"));
        QCOMPARE(frame.value(u"total_usd").toDouble(), 0.0);
        QVERIFY(frame.value(u"short_share").isNull());
        QVERIFY(frame.value(u"long_short_ratio").isNull());
        QVERIFY(frame.value(u"dominant_side").isNull());
        QVERIFY(root.value(u"heaviest_bucket").isNull());
        QVERIFY(root.value(u"momentum").isNull());
        QVERIFY(root.value(u"momentum_ratio").isNull());
        QCOMPARE(root.value(u"buckets").toArray().size(), 0);
        QCOMPARE(root.value(u"signal").toObject().value(u"side").toString(), QStringLiteral("balanced"));
        QCOMPARE(root.value(u"signal").toObject().value(u"level").toString(), QStringLiteral("none"));
    }

    void emptySnapshotStillGivesValidJson()
    {
        const QJsonObject root = jsonOf(LiquidationSnapshot{});
        QCOMPARE(root.value(u"timeframes").toArray().size(), 0);
        QVERIFY(root.value(u"signal").toObject().value(u"basis_window").isNull());
        QCOMPARE(root.value(u"signal").toObject().value(u"score").toInt(), 0);
    }

    void warningsAreMergedOnce()
    {
        // A negative amount: the analysis counts it as $0 and warns.
        const LiquidationSnapshot snapshot
            = snapshotOf({{TimeWindow::H1, -5e6, 1e6}, {TimeWindow::H24, 1e6, 9e6}});
        const MarketAnalysis analysis = analyzeSnapshot(snapshot);
        QCOMPARE(analysis.warnings.size(), 1);
        const QString loaderWarning = QStringLiteral("file.json: 24h total_usd differs from longs + shorts");
        const QJsonArray warnings
            = parsed(analysisToJson(snapshot, analysis,
                                    {loaderWarning, analysis.warnings.constFirst(), loaderWarning}))
                  .value(u"warnings")
                  .toArray();
        QCOMPARE(warnings.size(), 2);
        QCOMPARE(warnings.at(0).toString(), loaderWarning);
        QCOMPARE(warnings.at(1).toString(), analysis.warnings.constFirst());
    }

    void observedFields()
    {
        const QJsonObject root = jsonOf(observedSnapshot(38 * 60));
        QVERIFY(root.value(u"observed").isBool());
        QCOMPARE(root.value(u"observed").toBool(), true);
        QCOMPARE(root.value(u"source").toString(), QStringLiteral("Observed on Binance, Bybit, OKX"));

        const QJsonObject events = root.value(u"events").toObject();
        QCOMPARE(events.keys(),
                 (QStringList{QStringLiteral("12h"), QStringLiteral("1h"), QStringLiteral("24h"),
                              QStringLiteral("4h")}));
        const QJsonObject hour = events.value(u"1h").toObject();
        QCOMPARE(hour.value(u"count").toInt(), 52);
        QCOMPARE(hour.value(u"long").toInt(), 40);
        QCOMPARE(hour.value(u"short").toInt(), 12);

        const QJsonObject largest = root.value(u"largest").toObject().value(u"24h").toObject();
        QCOMPARE(largest.value(u"exchange").toString(), QStringLiteral("Binance"));
        QCOMPARE(largest.value(u"coin").toString(), QStringLiteral("BTC"));
        QCOMPARE(largest.value(u"side").toString(), QStringLiteral("long"));
        QCOMPARE(largest.value(u"usd").toDouble(), 250e3);
        QCOMPARE(largest.value(u"time").toString(), QStringLiteral("2026-11-20T13:51:00Z"));

        const QJsonObject coverage = root.value(u"coverage").toObject();
        QCOMPARE(coverage.keys(),
                 (QStringList{QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("okx")}));
        const QJsonObject binance = coverage.value(u"binance").toObject();
        QCOMPARE(binance.value(u"observed_since").toString(), QStringLiteral("2026-11-20T13:22:00Z"));
        QCOMPARE(binance.value(u"observed_seconds").toInteger(), 38 * 60);
        QCOMPARE(coverage.value(u"bybit").toObject().value(u"observed_seconds").toInteger(), 40 * 60);
        QCOMPARE(coverage.value(u"okx").toObject().value(u"observed_seconds").toInteger(), 24 * 3600);
    }

    void largestIsNullWhereThereIsNone()
    {
        LiquidationSnapshot snapshot = observedSnapshot(38 * 60);
        (*snapshot.observation->events)[0].largest.reset();
        snapshot.observation->coverage.append({Exchange::Okx, QDateTime()});
        const QJsonObject root = jsonOf(snapshot);
        QVERIFY(root.value(u"largest").toObject().value(u"1h").isNull());
        QVERIFY(root.value(u"largest").toObject().value(u"4h").isObject());
        // An exchange that has delivered nothing yet: no start, no seconds.
        const QJsonObject okx = root.value(u"coverage").toObject().value(u"okx").toObject();
        QVERIFY(okx.value(u"observed_since").isNull());
        QCOMPARE(okx.value(u"observed_seconds").toInteger(), 0);
    }

    void countsUnknownForOneRow()
    {
        // Scoped to one coin, the counts (of the whole market) are dropped, the coverage stays.
        const QJsonObject root = jsonOf(observedSnapshot(38 * 60).scopedTo(0));
        QCOMPARE(root.value(u"observed").toBool(), true);
        QVERIFY(root.value(u"events").isNull());
        QVERIFY(root.value(u"largest").isNull());
        QCOMPARE(root.value(u"coverage").toObject().size(), 3);
        QVERIFY(!root.contains(u"breakdowns"));
    }

    void partialFlags_data()
    {
        QTest::addColumn<qint64>("watched");
        QTest::addColumn<QList<bool>>("partial"); // 1h, 4h, 12h, 24h
        QTest::newRow("38 min") << qint64(38 * 60) << QList<bool>{true, true, true, true};
        QTest::newRow("exactly 1 h") << qint64(3600) << QList<bool>{false, true, true, true};
        QTest::newRow("2 h") << qint64(2 * 3600) << QList<bool>{false, true, true, true};
        QTest::newRow("13 h") << qint64(13 * 3600) << QList<bool>{false, false, false, true};
        QTest::newRow("a day") << qint64(24 * 3600) << QList<bool>{false, false, false, false};
    }

    void partialFlags()
    {
        QFETCH(qint64, watched);
        QFETCH(QList<bool>, partial);
        const QJsonArray timeframes = jsonOf(observedSnapshot(watched)).value(u"timeframes").toArray();
        QCOMPARE(timeframes.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QJsonValue flag = timeframes.at(i).toObject().value(u"partial");
            QVERIFY2(flag.isBool(), qPrintable(timeframes.at(i).toObject().value(u"window").toString()));
            QCOMPARE(flag.toBool(), partial.at(i));
        }
    }

    void bothBreakdowns()
    {
        const LiquidationSnapshot snapshot = observedSnapshot(38 * 60);
        // Whichever one is shown, both appear, under their own kind.
        for (BreakdownKind shown : {BreakdownKind::Coin, BreakdownKind::Exchange}) {
            const QJsonObject breakdowns
                = jsonOf(snapshot.showingBreakdown(shown)).value(u"breakdowns").toObject();
            QCOMPARE(breakdowns.keys(), (QStringList{QStringLiteral("coin"), QStringLiteral("exchange")}));
            const QJsonArray coins = breakdowns.value(u"coin").toArray();
            QCOMPARE(coins.size(), 2);
            QCOMPARE(coins.at(0).toObject().value(u"name").toString(), QStringLiteral("BTC"));
            QCOMPARE(coins.at(1).toObject().value(u"name").toString(), QStringLiteral("ETH"));
            const QJsonObject btc24h
                = coins.at(0).toObject().value(u"windows").toObject().value(u"24h").toObject();
            QCOMPARE(btc24h.value(u"long_usd").toDouble(), 0.9e6);
            QCOMPARE(btc24h.value(u"short_usd").toDouble(), 0.2e6);
            const QJsonArray exchanges = breakdowns.value(u"exchange").toArray();
            QCOMPARE(exchanges.size(), 2);
            QCOMPARE(exchanges.at(1).toObject().value(u"name").toString(), QStringLiteral("OKX"));
            QCOMPARE(exchanges.at(1).toObject().value(u"windows").toObject().size(), 4);
        }
    }

    void fileSnapshotWithOneBreakdown()
    {
        LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H24, 30e6, 10e6}});
        WindowAmounts binance;
        binance.set(TimeWindow::H24, {20e6, 5e6});
        snapshot.breakdownKind = BreakdownKind::Exchange;
        snapshot.breakdown = {{QStringLiteral("Binance"), binance}};
        const QJsonObject root = jsonOf(snapshot);
        const QJsonObject breakdowns = root.value(u"breakdowns").toObject();
        QCOMPARE(breakdowns.keys(), QStringList{QStringLiteral("exchange")});
        const QJsonObject row = breakdowns.value(u"exchange").toArray().at(0).toObject();
        QCOMPARE(row.value(u"name").toString(), QStringLiteral("Binance"));
        // Only the windows the row has.
        QCOMPARE(row.value(u"windows").toObject().keys(), QStringList{QStringLiteral("24h")});
        QCOMPARE(row.value(u"windows").toObject().value(u"24h").toObject().value(u"long_usd").toDouble(),
                 20e6);
        // Not observed: none of the observation keys.
        for (const char16_t *key : {u"observed", u"events", u"largest", u"coverage"})
            QVERIFY2(!root.contains(QStringView(key)), qPrintable(QStringView(key).toString()));
        QVERIFY(!root.value(u"timeframes").toArray().at(0).toObject().contains(u"partial"));
    }

    // Scripts read these keys: a snapshot without a breakdown or an observation gets exactly them.
    void plainSnapshotKeepsItsKeys()
    {
        const QJsonObject root = jsonOf(seedSnapshot());
        QStringList expected{QStringLiteral("scope"),           QStringLiteral("source"),
                             QStringLiteral("as_of"),           QStringLiteral("timeframes"),
                             QStringLiteral("signal"),          QStringLiteral("buckets"),
                             QStringLiteral("heaviest_bucket"), QStringLiteral("momentum"),
                             QStringLiteral("momentum_ratio"),  QStringLiteral("warnings")};
        expected.sort();
        QCOMPARE(root.keys(), expected);
        const QJsonObject frame = root.value(u"timeframes").toArray().at(0).toObject();
        QCOMPARE(frame.size(), 9);
    }

    void utf8AndIndentedByTwo()
    {
        LiquidationSnapshot snapshot = seedSnapshot();
        snapshot.scope = QStringLiteral("Börse — ビットコイン");
        const QByteArray json = analysisToJson(snapshot, analyzeSnapshot(snapshot), {});
        QVERIFY(json.startsWith("{\n  \"scope\": "));
        QVERIFY(json.endsWith("}\n"));
        QVERIFY(json.contains(snapshot.scope.toUtf8()));
        QCOMPARE(parsed(json).value(u"scope").toString(), snapshot.scope);
        // The same input gives the same bytes.
        QCOMPARE(analysisToJson(snapshot, analyzeSnapshot(snapshot), {}), json);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisJson)
#include "tst_analysisjson.moc"
