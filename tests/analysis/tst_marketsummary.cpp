#include "analysis/marketsummary.h"
#include "analysistestdata.h"

#include <QRegularExpression>
#include <QTest>

#include <limits>

using namespace Liq;
using namespace Liq::TestData;

namespace {

MarketSummary summaryOf(const LiquidationSnapshot &snapshot)
{
    return writeMarketSummary(snapshot, analyzeSnapshot(snapshot));
}

QString textOf(const LiquidationSnapshot &snapshot)
{
    return summaryOf(snapshot).toPlainText();
}

// The text with its line breaks and indents as single spaces, so phrases can be found across lines.
QString flattened(const QString &text)
{
    return QString(text).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

// The last hour carries half the day, all shorts: a spike that is still accelerating.
LiquidationSnapshot spikeSnapshot()
{
    return snapshotOf({{TimeWindow::H1, 10e6, 150e6},
                       {TimeWindow::H4, 15e6, 190e6},
                       {TimeWindow::H12, 20e6, 230e6},
                       {TimeWindow::H24, 25e6, 290e6}});
}

// Balanced over 24h, but the last hours are heavily short-liquidated.
LiquidationSnapshot freshSqueezeSnapshot()
{
    return snapshotOf({{TimeWindow::H1, 1e6, 20e6},
                       {TimeWindow::H4, 10e6, 90e6},
                       {TimeWindow::H12, 120e6, 150e6},
                       {TimeWindow::H24, 250e6, 260e6}});
}

} // namespace

class TestMarketSummary final : public QObject
{
    Q_OBJECT

private slots:
    void seedSummaryCarriesTheFigures()
    {
        const MarketSummary summary = summaryOf(seedSnapshot());
        for (const QString &figure :
             {QStringLiteral("$397.04M"), QStringLiteral("$330.70M"), QStringLiteral("$66.34M"),
              QStringLiteral("83.3%"), QStringLiteral("24h")})
            QVERIFY2(summary.headline.contains(figure),
                     qPrintable(summary.headline + QStringLiteral(" lacks ") + figure));
        QVERIFY2(summary.headline.indexOf(QStringLiteral("shorts"))
                     < summary.headline.indexOf(QStringLiteral("longs")),
                 qPrintable(summary.headline));
        QCOMPARE(summary.title, QStringLiteral("All exchanges, as of 2026-11-20 14:00 UTC"));

        QCOMPARE(summary.breakdown.size(), 4);
        QVERIFY(summary.breakdown.at(0).startsWith(QStringLiteral("1h: $6.90M")));
        QVERIFY(summary.breakdown.at(0).contains(QStringLiteral("$819.85K")));
        QVERIFY(summary.breakdown.at(0).contains(QStringLiteral("$6.08M")));
        QVERIFY(summary.breakdown.at(1).startsWith(QStringLiteral("4h: $31.72M")));
        QVERIFY(summary.breakdown.at(2).startsWith(QStringLiteral("12h: $274.81M")));
        QVERIFY(summary.breakdown.at(3).startsWith(QStringLiteral("24h: $397.04M")));

        QVERIFY2(summary.signal.contains(QStringLiteral("short squeeze")), qPrintable(summary.signal));
        QVERIFY2(summary.signal.contains(QStringLiteral("forced buying")), qPrintable(summary.signal));
        QVERIFY2(summary.signal.contains(QStringLiteral("all 4 windows")), qPrintable(summary.signal));
        QVERIFY2(summary.signal.contains(QStringLiteral("crowded")), qPrintable(summary.signal));

        QVERIFY2(summary.timing.contains(QStringLiteral("4–12h ago")), qPrintable(summary.timing));
        QVERIFY2(summary.timing.contains(QStringLiteral("$30.39M/h")), qPrintable(summary.timing));
        QVERIFY2(summary.timing.contains(QStringLiteral("sustained")), qPrintable(summary.timing));
        QVERIFY2(summary.timing.contains(QStringLiteral("fading")), qPrintable(summary.timing));
        QVERIFY2(summary.timing.contains(QStringLiteral("$6.90M/h")), qPrintable(summary.timing));
        QVERIFY2(summary.timing.contains(QStringLiteral("$16.54M/h")), qPrintable(summary.timing));

        QVERIFY2(summary.bottomLine.contains(QStringLiteral("spot")), qPrintable(summary.bottomLine));
        QVERIFY2(summary.bottomLine.contains(QStringLiteral("longs")), qPrintable(summary.bottomLine));
    }

    // Liqscope reasons like the reference report but in its own words.
    void doesNotReuseTheReferenceWording()
    {
        const QString text = textOf(seedSnapshot()).toLower();
        const QStringList borrowed{
            QStringLiteral("caught off guard"),     QStringLiteral("compelled to close"),
            QStringLiteral("amplifies volatility"), QStringLiteral("reset aggressively"),
            QStringLiteral("against consensus"),    QStringLiteral("short-lived spike"),
            QStringLiteral("overwhelming share"),   QStringLiteral("clear message")};
        for (const QString &phrase : borrowed)
            QVERIFY2(!text.contains(phrase), qPrintable(phrase));
    }

    void marketsReadDifferently_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("long flush") << uniformSnapshot(0.12, 600e6)
                                    << QStringList{QStringLiteral("Extreme long squeeze"),
                                                   QStringLiteral("forced selling"),
                                                   QStringLiteral("cascade"),
                                                   QStringLiteral("longs $528.00M (88.0%)")}
                                    << QStringList{QStringLiteral("forced buying"), QStringLiteral("quiet")};
        QTest::newRow("extreme short squeeze")
            << uniformSnapshot(0.9, 1e9)
            << QStringList{QStringLiteral("Extreme short squeeze"), QStringLiteral("cascade"),
                           QStringLiteral("forced buying")}
            << QStringList{QStringLiteral("forced selling"), QStringLiteral("tilt")};
        QTest::newRow("mild short squeeze")
            << uniformSnapshot(0.85, 0.6 * 350e6)
            << QStringList{QStringLiteral("Mild short squeeze"), QStringLiteral("tilt")}
            << QStringList{QStringLiteral("cascade"), QStringLiteral("quiet")};
        QTest::newRow("quiet one-sided")
            << uniformSnapshot(0.9, 5e6)
            << QStringList{QStringLiteral("quiet market"), QStringLiteral("amounts are small")}
            << QStringList{QStringLiteral("squeeze (score"), QStringLiteral("forced buying")};
        QTest::newRow("balanced") << uniformSnapshot(0.52, 800e6)
                                  << QStringList{QStringLiteral("Neither side dominates"),
                                                 QStringLiteral("two-way"), QStringLiteral("no single burst")}
                                  << QStringList{QStringLiteral("forced buying"),
                                                 QStringLiteral("forced selling"),
                                                 QStringLiteral("sustained move")};
        QTest::newRow("lean") << uniformSnapshot(0.66, 300e6)
                              << QStringList{QStringLiteral("a lean rather than a squeeze"),
                                             QStringLiteral("only moderate")}
                              << QStringList{QStringLiteral("quiet market")};
        QTest::newRow("spike, accelerating")
            << spikeSnapshot()
            << QStringList{QStringLiteral("spike"), QStringLiteral("picking up"),
                           QStringLiteral("still running")}
            << QStringList{QStringLiteral("fading"), QStringLiteral("12–24h ago")};
        QTest::newRow("fresh squeeze in a balanced day")
            << freshSqueezeSnapshot()
            << QStringList{QStringLiteral("Neither side dominates"),
                           QStringLiteral("The last 1h is one-sided"),
                           QStringLiteral("short squeeze may be starting")}
            << QStringList{QStringLiteral("Strong")};
        QTest::newRow("earlier damage") << snapshotOf({{TimeWindow::H1, 1e6, 1e6},
                                                       {TimeWindow::H4, 4e6, 4e6},
                                                       {TimeWindow::H12, 10e6, 20e6},
                                                       {TimeWindow::H24, 400e6, 60e6}})
                                        << QStringList{QStringLiteral("12–24h ago"), QStringLiteral("calmer")}
                                        << QStringList{QStringLiteral("spike")};
    }

    void marketsReadDifferently()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        const QString text = textOf(snapshot);
        const QString flat
            = QString(text).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
        for (const QString &phrase : present)
            QVERIFY2(flat.contains(phrase), qPrintable(phrase + QStringLiteral(" missing from:\n") + text));
        for (const QString &phrase : absent)
            QVERIFY2(!flat.contains(phrase), qPrintable(phrase + QStringLiteral(" unexpected in:\n") + text));
    }

    void differentMarketsGetDifferentReadings()
    {
        const QList<LiquidationSnapshot> markets{seedSnapshot(), mirrored(seedSnapshot()),
                                                 uniformSnapshot(0.9, 5e6), uniformSnapshot(0.52, 800e6),
                                                 spikeSnapshot()};
        QStringList signals_;
        QStringList bottomLines;
        for (const LiquidationSnapshot &market : markets) {
            const MarketSummary summary = summaryOf(market);
            signals_ << summary.signal;
            bottomLines << summary.bottomLine;
        }
        signals_.removeDuplicates();
        bottomLines.removeDuplicates();
        QCOMPARE(signals_.size(), markets.size());
        QCOMPARE(bottomLines.size(), markets.size());
    }

    void sensibleTextForAnyInput_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::addColumn<QString>("headline");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("empty snapshot")
            << LiquidationSnapshot{} << QStringLiteral("No liquidation figures in this snapshot.");
        QTest::newRow("all zero") << uniformSnapshot(0.5, 0) << QStringLiteral("No liquidations over 24h.");
        QTest::newRow("4h only") << snapshotOf({{TimeWindow::H4, 1e6, 3e6}})
                                 << QStringLiteral(
                                        "$4.00M liquidated over 4h (the longest window in this snapshot): "
                                        "shorts $3.00M (75.0%), longs $1.00M (25.0%).");
        QTest::newRow("1h only, zero")
            << snapshotOf({{TimeWindow::H1, 0, 0}})
            << QStringLiteral("No liquidations over 1h (the longest window in this "
                              "snapshot).");
        QTest::newRow("1h and 24h") << snapshotOf({{TimeWindow::H1, 1e6, 0}, {TimeWindow::H24, 30e6, 10e6}})
                                    << QStringLiteral(
                                           "$40.00M liquidated over 24h: longs $30.00M (75.0%), shorts "
                                           "$10.00M (25.0%).");
        QTest::newRow("nan amount") << snapshotOf({{TimeWindow::H1, nan, 1e6}, {TimeWindow::H24, 2e6, nan}})
                                    << QStringLiteral(
                                           "$2.00M liquidated over 24h: longs $2.00M (100.0%), shorts "
                                           "$0.00 (0.0%).");
        QTest::newRow("zero 1h in a busy day")
            << snapshotOf({{TimeWindow::H1, 0, 0},
                           {TimeWindow::H4, 0, 0},
                           {TimeWindow::H12, 100e6, 50e6},
                           {TimeWindow::H24, 200e6, 60e6}})
            << QStringLiteral("$260.00M liquidated over 24h: longs $200.00M "
                              "(76.9%), shorts $60.00M (23.1%).");
    }

    void sensibleTextForAnyInput()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        QFETCH(QString, headline);
        const MarketSummary summary = summaryOf(snapshot);
        QCOMPARE(summary.headline, headline);
        QVERIFY(!summary.signal.isEmpty());
        QVERIFY(!summary.timing.isEmpty());
        QVERIFY(!summary.bottomLine.isEmpty());
        const QString text = summary.toPlainText();
        static const QRegularExpression notANumber(QStringLiteral("\\b(nan|inf|infinity)\\b"),
                                                   QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!notANumber.match(text).hasMatch(), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("—")), qPrintable(text)); // formatUsd's "not a number" dash
    }

    void partialSnapshotSaysWhatIsMissing()
    {
        const MarketSummary summary = summaryOf(snapshotOf({{TimeWindow::H4, 10e6, 150e6}}));
        QCOMPARE(summary.breakdown.size(), 2);
        QCOMPARE(summary.breakdown.constLast(), QStringLiteral("Not in this snapshot: 1h, 12h, 24h."));
        QVERIFY2(summary.timing.contains(QStringLiteral("needs all four windows")),
                 qPrintable(summary.timing));
        QVERIFY2(summary.timing.contains(QStringLiteral("1h and 24h")), qPrintable(summary.timing));
        QVERIFY2(summary.signal.contains(QStringLiteral("only the 4h window")), qPrintable(summary.signal));
    }

    void summaryIsDeterministic()
    {
        const LiquidationSnapshot seed = seedSnapshot();
        const QString first = textOf(seed);
        QCOMPARE(textOf(seed), first);
        QCOMPARE(writeMarketSummary(seed, analyzeSnapshot(seed)).signal, summaryOf(seed).signal);
    }

    void observedSummarySaysWhatWasWatched()
    {
        const MarketSummary summary = summaryOf(observedSnapshot(38 * 60));
        const QString text = flattened(summary.toPlainText());
        for (const QString &phrase :
             {QStringLiteral("observed on Binance, Bybit, OKX"), QStringLiteral("not the whole market"),
              QStringLiteral("watched without a gap for 38 min"),
              QStringLiteral("1h: partial, 38 min observed"), QStringLiteral("12h: partial, 38 min observed"),
              QStringLiteral("24h: partial, 38 min observed"),
              QStringLiteral("52 in the last hour (40 longs, 12 shorts)"),
              QStringLiteral("a $250.00K BTC long on Binance at 13:51 UTC")})
            QVERIFY2(text.contains(phrase), qPrintable(phrase + QStringLiteral(" missing from:\n") + text));
        QVERIFY2(summary.toPlainText().split(QLatin1Char('\n')).contains(QStringLiteral("Observed")),
                 qPrintable(summary.toPlainText()));
    }

    void completeWindowsAreNotPartial()
    {
        // Watched for 2 h: the 1h window is complete, the longer ones are not.
        const MarketSummary summary = summaryOf(observedSnapshot(2 * 3600));
        QCOMPARE(summary.breakdown.size(), 4);
        QVERIFY2(summary.breakdown.at(0).startsWith(QStringLiteral("1h: $1.50M")),
                 qPrintable(summary.breakdown.at(0)));
        QVERIFY2(summary.breakdown.at(1).startsWith(
                     QStringLiteral("4h: partial, 2 h 0 min observed, $1.50M so far")),
                 qPrintable(summary.breakdown.at(1)));
        // Watched all day: nothing partial, and nothing says so.
        const QString text = textOf(observedSnapshot(25 * 3600));
        QVERIFY2(!text.contains(QStringLiteral("partial")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("observed on Binance, Bybit, OKX")), qPrintable(text));
    }

    // The same small figures read as a quiet market when complete, but never when partial.
    void partialWindowIsNeverQuiet_data()
    {
        QTest::addColumn<qint64>("watched");
        QTest::newRow("38 min") << qint64(38 * 60);
        QTest::newRow("2 h") << qint64(2 * 3600);
        QTest::newRow("13 h") << qint64(13 * 3600);
    }

    void partialWindowIsNeverQuiet()
    {
        QFETCH(qint64, watched);
        const QStringList quietWords{QStringLiteral("quiet"),           QStringLiteral("calm"),
                                     QStringLiteral("light"),           QStringLiteral("small"),
                                     QStringLiteral("little leverage"), QStringLiteral("only moderate"),
                                     QStringLiteral("fading"),          QStringLiteral("drying up")};
        LiquidationSnapshot complete = observedSnapshot(watched);
        complete.observation.reset();
        const QString completeText = textOf(complete).toLower();
        QVERIFY2(completeText.contains(QStringLiteral("quiet market")), qPrintable(completeText));

        const QString text = flattened(textOf(observedSnapshot(watched)));
        for (const QString &word : quietWords)
            QVERIFY2(!text.toLower().contains(word), qPrintable(word + QStringLiteral(" in:\n") + text));
        QVERIFY2(text.contains(QStringLiteral("can't be weighed yet")), qPrintable(text));
    }

    void partialTimingIsNotRead()
    {
        // An early damage pattern (the last 12h calmer) must not be read when 12h is unfinished.
        LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H1, 1e6, 1e6},
                                                   {TimeWindow::H4, 4e6, 4e6},
                                                   {TimeWindow::H12, 10e6, 20e6},
                                                   {TimeWindow::H24, 400e6, 60e6}});
        QVERIFY(textOf(snapshot).contains(QStringLiteral("calmer")));
        snapshot.observation = observedSnapshot(6 * 3600).observation;
        const MarketSummary summary = summaryOf(snapshot);
        QVERIFY2(!summary.timing.contains(QStringLiteral("calmer")), qPrintable(summary.timing));
        QVERIFY2(summary.timing.contains(QStringLiteral("the 12h and 24h windows are partial (only 6 h 0 min "
                                                        "observed)")),
                 qPrintable(summary.timing));
    }

    void nothingObservedYet()
    {
        LiquidationSnapshot snapshot = observedSnapshot(45);
        for (TimeWindow window : AllTimeWindows)
            snapshot.totals.set(window, {0, 0});
        const MarketSummary summary = summaryOf(snapshot);
        QCOMPARE(summary.headline, QStringLiteral("No liquidations over 24h (partial: only 45 s observed)."));
        QVERIFY2(summary.bottomLine.contains(QStringLiteral("Nothing has been observed yet in the 45 s")),
                 qPrintable(summary.bottomLine));
        QVERIFY2(!summary.bottomLine.contains(QStringLiteral("not live")), qPrintable(summary.bottomLine));
        QCOMPARE(summary.breakdown.at(0),
                 QStringLiteral("1h: partial, 45 s observed, nothing liquidated so far"));
    }

    void plainTextLayout_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::newRow("seed") << seedSnapshot();
        QTest::newRow("long flush") << uniformSnapshot(0.12, 600e6);
        QTest::newRow("fresh squeeze") << freshSqueezeSnapshot();
        QTest::newRow("empty") << LiquidationSnapshot{};
        QTest::newRow("partial") << snapshotOf({{TimeWindow::H12, 1e6, 2e6}});
        QTest::newRow("observed, 38 min") << observedSnapshot(38 * 60);
    }

    void plainTextLayout()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        const QString text = textOf(snapshot);
        QVERIFY(text.endsWith(QLatin1Char('\n')));
        QVERIFY(!text.endsWith(QStringLiteral("\n\n")));
        QVERIFY2(!text.contains(QStringLiteral("\n\n\n")), qPrintable(text));
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            QVERIFY2(!line.endsWith(QLatin1Char(' ')), qPrintable(QStringLiteral("trailing space: ") + line));
            QVERIFY2(line.size() <= 78 || !line.trimmed().contains(QLatin1Char(' ')), qPrintable(line));
        }
        for (const QString &heading : {QStringLiteral("Breakdown"), QStringLiteral("Signal"),
                                       QStringLiteral("Timing"), QStringLiteral("Bottom line")}) {
            if (heading == QStringLiteral("Breakdown") && snapshot.totals.isEmpty())
                continue; // nothing to break down
            QVERIFY2(lines.contains(heading),
                     qPrintable(heading + QStringLiteral(" missing from:\n") + text));
        }
        // Section bodies are indented under their heading.
        const int signalAt = int(lines.indexOf(QStringLiteral("Signal")));
        QVERIFY(lines.at(signalAt + 1).startsWith(QStringLiteral("  ")));
    }
};

QTEST_GUILESS_MAIN(TestMarketSummary)
#include "tst_marketsummary.moc"
