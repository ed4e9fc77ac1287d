#include "analysis/marketsummary.h"
#include "domain/money.h"
#include "formats/snapshotfile.h"
#include "formats/snapshotreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Liq;

// The bundled sample read by the real reader, then analysed, summarised and exported.
class TestSeedSample final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_loaded = SnapshotFile::load(QStringLiteral(LIQSCOPE_SAMPLE_FILE));
        QVERIFY2(m_loaded.ok(), qPrintable(m_loaded.error.message));
        m_analysis = analyzeSnapshot(*m_loaded.snapshot);
    }

    void analysis()
    {
        QCOMPARE(m_analysis.windows.size(), TimeWindowCount);
        QCOMPARE(formatPercent(*m_analysis.windows.constLast().shortShare), QStringLiteral("83.3%"));
        QCOMPARE(m_analysis.signal.side, SqueezeSide::ShortSqueeze);
        QVERIFY(m_analysis.signal.level == SqueezeLevel::Strong
                || m_analysis.signal.level == SqueezeLevel::Extreme);
        QCOMPARE(m_analysis.heaviestBucket->fromHours, 4);
        QCOMPARE(m_analysis.heaviestBucket->toHours, 12);
        QCOMPARE(formatUsd(m_analysis.heaviestBucket->usdPerHour()), QStringLiteral("$30.39M"));
        QCOMPARE(m_analysis.momentum, Momentum::Fading);
        QVERIFY(m_analysis.warnings.isEmpty());
    }

    // A figure that breaks the nesting is reported once, by the reader, with the reader's tolerance
    // (0.5% of the larger amount); the analysis of the same snapshot adds no second report.
    void oneReportPerInconsistency_data()
    {
        QTest::addColumn<QByteArray>("longs24h");
        QTest::addColumn<int>("reports"); // of the 12h longs
        QTest::addColumn<int>("all"); // with the 12h total
        QTest::newRow("far off") << QByteArray("2") << 1 << 2;
        QTest::newRow("0.7% short: beyond rounding") << QByteArray("9.93") << 1 << 1;
        QTest::newRow("0.3% short: rounding") << QByteArray("9.97") << 0 << 0;
        QTest::newRow("nested") << QByteArray("12") << 0 << 0;
    }

    void oneReportPerInconsistency()
    {
        QFETCH(QByteArray, longs24h);
        QFETCH(int, reports);
        QFETCH(int, all);
        const QByteArray csv
            = "window,long_usd,short_usd\n1h,1,1\n4h,2,2\n12h,10,3\n24h," + longs24h + ",4\n";
        const LoadResult loaded = SnapshotReader::read(csv, ReadContext{u"check.csv"_qs, {}, {}});
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        const QStringList warnings = mergedWarnings(loaded.warnings, analyzeSnapshot(*loaded.snapshot));
        QCOMPARE(warnings.filter(u"12h long liquidations"_qs).size(), reports);
        QCOMPARE(warnings.size(), all);
    }

    void summary()
    {
        const QString text = writeMarketSummary(*m_loaded.snapshot, m_analysis).toPlainText();
        for (const QString &expected :
             {QStringLiteral("$397.04M"), QStringLiteral("$330.70M"), QStringLiteral("$66.34M"),
              QStringLiteral("83.3%"), QStringLiteral("All exchanges"), QStringLiteral("short squeeze"),
              QStringLiteral("4–12h"), QStringLiteral("fading")})
            QVERIFY2(text.contains(expected),
                     qPrintable(expected + QStringLiteral(" missing from:\n") + text));
    }

    void json()
    {
        const QByteArray bytes = analysisToJson(*m_loaded.snapshot, m_analysis, m_loaded.warnings);
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(root.value(u"scope").toString(), QStringLiteral("All exchanges"));
        QCOMPARE(root.value(u"as_of").toString(), QStringLiteral("2026-11-20T14:00:00Z"));
        QCOMPARE(root.value(u"timeframes").toArray().size(), 4);
        QCOMPARE(root.value(u"signal").toObject().value(u"side").toString(), QStringLiteral("short_squeeze"));
        QCOMPARE(root.value(u"momentum").toString(), QStringLiteral("fading"));
        // The reader's warnings (if any) come through.
        QCOMPARE(root.value(u"warnings").toArray().size(), m_loaded.warnings.size());
    }

private:
    LoadResult m_loaded;
    MarketAnalysis m_analysis;
};

QTEST_GUILESS_MAIN(TestSeedSample)
#include "tst_seedsample.moc"
