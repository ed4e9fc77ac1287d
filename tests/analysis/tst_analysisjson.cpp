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
