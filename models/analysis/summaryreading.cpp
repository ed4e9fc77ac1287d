#include "summaryreading.h"

#include "domain/duration.h"
#include "domain/money.h"

#include <QCoreApplication>
#include <QStringList>

namespace Liq {
namespace {

// Timing narrative thresholds, as shares of the 24h total.
constexpr double HourSpikeShare = 0.30; // the last hour alone holds this much: a spike
constexpr double BurstShare = 0.50; // the last 4h hold this much: a burst
constexpr double EarlierShare = 0.60; // the 12-24h slice holds this much: the damage is old
constexpr double SustainedShare = 0.50; // the last 12h hold this much, spread out: sustained

QString victims(SqueezeSide side)
{
    switch (side) {
    case SqueezeSide::ShortSqueeze: return QCoreApplication::translate("Liq::Analysis", "shorts");
    case SqueezeSide::LongSqueeze: return QCoreApplication::translate("Liq::Analysis", "longs");
    case SqueezeSide::Balanced: break;
    }
    return QCoreApplication::translate("Liq::Analysis", "neither side");
}

QString capitalized(const QString &text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

double sideShare(const WindowStats &stats, SqueezeSide side)
{
    if (!(stats.totalUsd > 0.0))
        return 0.0;
    return (side == SqueezeSide::LongSqueeze ? stats.amounts.longUsd : stats.amounts.shortUsd)
        / stats.totalUsd;
}

// "1h", "1h and 4h", "1h, 4h and 12h"
QString joinedLabels(const QList<TimeWindow> &windows)
{
    QStringList labels;
    for (TimeWindow window : windows)
        labels.append(windowLabel(window));
    if (labels.size() <= 1)
        return labels.join(QString());
    const QString last = labels.takeLast();
    return labels.join(QStringLiteral(", ")) + QCoreApplication::translate("Liq::Analysis", " and ") + last;
}

QString bucketSpan(const LiquidationBucket &bucket)
{
    if (bucket.fromHours == 0)
        return bucket.toHours == 1
            ? QCoreApplication::translate("Liq::Analysis", "the last hour")
            : QCoreApplication::translate("Liq::Analysis", "the last %1h").arg(bucket.toHours);
    return QCoreApplication::translate("Liq::Analysis", "%1–%2h ago")
        .arg(bucket.fromHours)
        .arg(bucket.toHours);
}

// "a $250.00K BTC long on Binance at 13:51 UTC"
QString largestText(const LargestLiquidation &largest)
{
    const QString side = largest.side == LiquidatedSide::Long
        ? QCoreApplication::translate("Liq::Analysis", "long")
        : QCoreApplication::translate("Liq::Analysis", "short");
    QString text = QCoreApplication::translate("Liq::Analysis", "a %1 %2 %3 on %4")
                       .arg(formatUsd(largest.usd), largest.coin, side, exchangeName(largest.exchange));
    if (largest.time.isValid())
        text += QCoreApplication::translate("Liq::Analysis", " at %1 UTC")
                    .arg(largest.time.toUTC().toString(QStringLiteral("HH:mm")));
    return text;
}

// The 1h and 24h counts and the largest single liquidation of the day (which holds the hour's).
QString eventsSentence(const Observation &observation)
{
    const WindowEvents &hour = observation.eventsIn(TimeWindow::H1);
    const WindowEvents &day = observation.eventsIn(TimeWindow::H24);
    QString sentence
        = QCoreApplication::translate(
              "Liq::Analysis", "Liquidations counted: %1 in the last hour (%2 longs, %3 shorts), %4 over 24h")
              .arg(hour.count())
              .arg(hour.longCount)
              .arg(hour.shortCount)
              .arg(day.count());
    const std::optional<LargestLiquidation> &largest = day.largest ? day.largest : hour.largest;
    if (largest)
        sentence += QCoreApplication::translate("Liq::Analysis", "; the largest single one was %1")
                        .arg(largestText(*largest));
    return sentence + QLatin1Char('.');
}

// The window largest against its baseline: the one that carries the magnitude.
const WindowStats *busiestWindow(const MarketAnalysis &analysis)
{
    const WindowStats *busiest = nullptr;
    for (const WindowStats &stats : analysis.windows) {
        if (!busiest || stats.baselineRatio > busiest->baselineRatio)
            busiest = &stats;
    }
    return busiest;
}

// "the 12h total of $274.82M is 1.37× its baseline"
QString scaleClause(const MarketAnalysis &analysis)
{
    const WindowStats *busiest = busiestWindow(analysis);
    return QCoreApplication::translate("Liq::Analysis", "the %1 total of %2 is %3 its baseline")
        .arg(windowLabel(busiest->window), formatUsd(busiest->totalUsd), ratioText(busiest->baselineRatio));
}

QString agreementClause(const MarketAnalysis &analysis)
{
    const SqueezeSignal &signal = analysis.signal;
    if (signal.windowCount <= 1)
        return QCoreApplication::translate(
                   "Liq::Analysis", "only the %1 window is available, so no other window can confirm it")
            .arg(windowLabel(signal.window));
    if (signal.agreeingWindows == signal.windowCount)
        return QCoreApplication::translate("Liq::Analysis", "all %1 windows lean the same way")
            .arg(signal.windowCount);
    QString clause = QCoreApplication::translate("Liq::Analysis", "%1 of %2 windows lean the same way")
                         .arg(signal.agreeingWindows)
                         .arg(signal.windowCount);
    QList<TimeWindow> opposing;
    for (const WindowStats &stats : analysis.windows) {
        if (stats.dominantSide != signal.side && stats.dominantSide != SqueezeSide::Balanced)
            opposing.append(stats.window);
    }
    if (!opposing.isEmpty())
        clause += QCoreApplication::translate("Liq::Analysis", " while the %1 %2 the other way")
                      .arg(joinedLabels(opposing),
                           opposing.size() == 1 ? QCoreApplication::translate("Liq::Analysis", "leans")
                                                : QCoreApplication::translate("Liq::Analysis", "lean"));
    return clause;
}

// What the flow did to price and positioning, worded for the level.
QString meaning(SqueezeSide side, SqueezeLevel level)
{
    if (side == SqueezeSide::ShortSqueeze) {
        switch (level) {
        case SqueezeLevel::Mild:
            return QCoreApplication::translate(
                "Liq::Analysis",
                "Each liquidated short is closed with a market buy, so some forced buying helped price "
                "higher; bearish bets were caught leaning the wrong way, but this was a tilt, not a "
                "rout.");
        case SqueezeLevel::Strong:
            return QCoreApplication::translate(
                "Liq::Analysis",
                "Each liquidated short is closed with a market buy: this was forced buying (short "
                "covering) pushing price up, and every leg higher forced out more shorts. Bearish "
                "positioning was crowded, and much of it has now been cleared out.");
        case SqueezeLevel::Extreme:
            return QCoreApplication::translate(
                "Liq::Analysis",
                "Each liquidated short is closed with a market buy: a cascade of forced buying (short "
                "covering) drove price up, one wave of liquidations setting off the next. Bearish "
                "positioning was badly crowded and has been wiped out.");
        case SqueezeLevel::None: break;
        }
    } else if (side == SqueezeSide::LongSqueeze) {
        switch (level) {
        case SqueezeLevel::Mild:
            return QCoreApplication::translate(
                "Liq::Analysis",
                "Each liquidated long is closed with a market sell, so some forced selling pushed price "
                "lower; bullish bets were caught, but this was a tilt, not a full flush.");
        case SqueezeLevel::Strong:
            return QCoreApplication::translate(
                "Liq::Analysis",
                "Each liquidated long is closed with a market sell: this was forced selling (a long "
                "flush) pushing price down, and every leg lower forced out more longs. Bullish leverage "
                "was crowded, and much of it has now been cleared out.");
        case SqueezeLevel::Extreme:
            return QCoreApplication::translate(
                "Liq::Analysis",
                "Each liquidated long is closed with a market sell: a cascade of forced selling (long "
                "capitulation) drove price down, one wave of liquidations setting off the next. Bullish "
                "leverage was badly crowded and has been wiped out.");
        case SqueezeLevel::None: break;
        }
    }
    return {};
}

// A short window of real size dominated by another side than the call: a new move may be starting.
QString freshImbalance(const MarketAnalysis &analysis)
{
    for (TimeWindow window : {TimeWindow::H1, TimeWindow::H4}) {
        const WindowStats *stats = analysis.stats(window);
        if (!stats || stats->window == analysis.signal.window || stats->dominantSide == SqueezeSide::Balanced
            || stats->dominantSide == analysis.signal.side
            || stats->baselineRatio < analysis.config.quietMagnitude)
            continue;
        const QString evidence
            = QCoreApplication::translate("Liq::Analysis", "%1 took %2 of its %3")
                  .arg(victims(stats->dominantSide), formatPercent(sideShare(*stats, stats->dominantSide)),
                       formatUsd(stats->totalUsd));
        if (analysis.signal.side == SqueezeSide::Balanced)
            return QCoreApplication::translate(
                       "Liq::Analysis", "The last %1 is one-sided, though: %2, so a %3 may be starting.")
                .arg(windowLabel(window), evidence, squeezeSideText(stats->dominantSide));
        return QCoreApplication::translate("Liq::Analysis",
                                           "The last %1 has flipped: %2, so the pressure may be turning.")
            .arg(windowLabel(window), evidence);
    }
    return {};
}

// partial: partialClause(), empty when every window is complete.
QString leanReason(const MarketAnalysis &analysis, const QString &partial)
{
    const SqueezeSignal &signal = analysis.signal;
    QStringList reasons;
    // Small amounts in a partial window are not small: they are unfinished.
    if (signal.magnitude < 1.0 && !partial.isEmpty())
        reasons.append(QCoreApplication::translate("Liq::Analysis", "the amounts can't be weighed yet (%1)")
                           .arg(partial));
    else if (signal.magnitude < 1.0)
        reasons.append(QCoreApplication::translate("Liq::Analysis", "the amounts are only moderate (%1)")
                           .arg(scaleClause(analysis)));
    if (signal.agreeingWindows < signal.windowCount || signal.windowCount <= 1)
        reasons.append(agreementClause(analysis));
    if (reasons.isEmpty())
        reasons.append(
            QCoreApplication::translate("Liq::Analysis", "the imbalance is only just past the line"));
    return reasons.join(QCoreApplication::translate("Liq::Analysis", " and "));
}

// Where the heaviest stretch of the day was, and how hard it hit.
QString heaviestStretchSentence(const LiquidationBucket &heaviest, double dayTotal)
{
    const QString tense = heaviest.fromHours == 0 ? QCoreApplication::translate("Liq::Analysis", "is")
                                                  : QCoreApplication::translate("Liq::Analysis", "was");
    const QString within = heaviest.hours() == 1
        ? QCoreApplication::translate("Liq::Analysis", "that hour")
        : QCoreApplication::translate("Liq::Analysis", "those %1 hours").arg(heaviest.hours());
    return QCoreApplication::translate("Liq::Analysis",
                                       "The heaviest stretch %1 %2, at %3/h: %4 of the 24h total in %5.")
        .arg(tense, bucketSpan(heaviest), formatUsd(heaviest.usdPerHour()),
             formatPercent(heaviest.amounts.total() / dayTotal), within);
}

// Spike, burst, old damage or a sustained move: how the day's liquidations were spread.
QString shapeSentence(const MarketAnalysis &analysis, double dayTotal)
{
    const bool directional = analysis.signal.side != SqueezeSide::Balanced && !analysis.signal.quiet;
    const double hourShare = analysis.stats(TimeWindow::H1)->totalUsd / dayTotal;
    const double burstShare = analysis.stats(TimeWindow::H4)->totalUsd / dayTotal;
    const double halfDayShare = analysis.stats(TimeWindow::H12)->totalUsd / dayTotal;
    const double earlierShare = analysis.buckets.constLast().amounts.total() / dayTotal;
    if (hourShare >= HourSpikeShare)
        return QCoreApplication::translate(
                   "Liq::Analysis",
                   "With %1 of the day's total inside the last hour, this is a spike, not a "
                   "sustained move.")
            .arg(formatPercent(hourShare));
    if (burstShare >= BurstShare)
        return QCoreApplication::translate(
                   "Liq::Analysis",
                   "With %1 of the day's total packed into the last 4h, this was a sharp burst "
                   "rather than a sustained move.")
            .arg(formatPercent(burstShare));
    if (earlierShare >= EarlierShare)
        return QCoreApplication::translate(
                   "Liq::Analysis",
                   "Most of the damage (%1) was done 12–24h ago; the last 12h have been calmer.")
            .arg(formatPercent(earlierShare));
    if (halfDayShare >= SustainedShare && directional)
        return QCoreApplication::translate(
                   "Liq::Analysis",
                   "With %1 of the day's total inside the last 12h and spread over many hours "
                   "rather than one burst, this was a sustained move, not a single spike.")
            .arg(formatPercent(halfDayShare));
    if (directional)
        return QCoreApplication::translate(
            "Liq::Analysis",
            "The damage was spread across the whole day rather than packed into one "
            "burst: a grinding, sustained move.");
    // Without a one-sided call there is no "move" to describe, only how evenly it came.
    return QCoreApplication::translate(
        "Liq::Analysis", "Liquidations came steadily, spread over the day with no single burst.");
}

// Neither side dominates the basis window: chop, or little happening (unless that is unfinished).
QStringList balancedSentences(const MarketAnalysis &analysis, const WindowStats &basis,
                              const QString &partial)
{
    QStringList sentences;
    sentences << QCoreApplication::translate(
                     "Liq::Analysis",
                     "Neither side dominates: shorts took %1 and longs %2 of the %3 liquidations.")
                     .arg(formatPercent(sideShare(basis, SqueezeSide::ShortSqueeze)),
                          formatPercent(sideShare(basis, SqueezeSide::LongSqueeze)),
                          windowLabel(basis.window));
    if (analysis.signal.quiet && !partial.isEmpty())
        sentences << QCoreApplication::translate("Liq::Analysis", "The amounts can't be weighed yet: %1.")
                         .arg(partial);
    else if (analysis.signal.quiet)
        sentences << QCoreApplication::translate(
                         "Liq::Analysis",
                         "Volumes are light as well (%1): little leverage is being forced out in "
                         "either direction.")
                         .arg(scaleClause(analysis));
    else
        sentences << QCoreApplication::translate(
            "Liq::Analysis", "That is two-way chop: stops were run on both sides and no camp is trapped.");
    return sentences;
}

// One side dominates but no squeeze is called: the amounts are small, or the lean is not enough.
QString leanSentence(const MarketAnalysis &analysis, const QString &lead, const QString &partial)
{
    const SqueezeSignal &signal = analysis.signal;
    if (signal.quiet && !partial.isEmpty())
        return QCoreApplication::translate("Liq::Analysis", "%1, but the amounts can't be weighed yet: %2.")
            .arg(capitalized(lead), partial);
    if (signal.quiet)
        return QCoreApplication::translate(
                   "Liq::Analysis", "%1, but the amounts are small (%2): a quiet market, not a squeeze.")
            .arg(capitalized(lead), scaleClause(analysis));
    return QCoreApplication::translate("Liq::Analysis",
                                       "%1: a lean rather than a squeeze (score %2/100), because %3.")
        .arg(capitalized(lead))
        .arg(signal.score)
        .arg(leanReason(analysis, partial));
}

// Forced flows of a called squeeze: what to watch, given how the pace is moving.
QString squeezeBottomLine(bool shortSqueeze, Momentum momentum)
{
    switch (momentum) {
    case Momentum::Fading:
        return shortSqueeze
            ? QCoreApplication::translate(
                "Liq::Analysis",
                "Forced buying is drying up and short leverage has been flushed, so there is less "
                "fuel for another leg up. What matters now is whether spot buyers and new longs carry "
                "the move on; without them, price tends to give back part of the squeeze once the "
                "short covering stops.")
            : QCoreApplication::translate(
                "Liq::Analysis",
                "Forced selling is drying up and long leverage has been flushed. Watch whether "
                "spot buyers absorb what is left: if they do, the flush may mark a local low; if price "
                "keeps sliding without liquidations, the selling is genuine.");
    case Momentum::Accelerating:
        return shortSqueeze
            ? QCoreApplication::translate(
                "Liq::Analysis",
                "The squeeze is still running. Chasing it is risky: once the hourly liquidation rate "
                "rolls over, forced buying ends and price can reverse sharply.")
            : QCoreApplication::translate(
                "Liq::Analysis",
                "The flush is still running. Buying into it is risky until the hourly liquidation rate "
                "rolls over; cascades tend to overshoot before they stop.");
    case Momentum::Steady:
    case Momentum::Unknown: break;
    }
    return shortSqueeze
        ? QCoreApplication::translate(
            "Liq::Analysis",
            "Forced buying is still coming through. Watch whether shorts rebuild into the rally "
            "(funding turning negative, open interest rising), which would be fuel for another "
            "squeeze, or whether liquidations dry up and the move has to stand on spot demand.")
        : QCoreApplication::translate(
            "Liq::Analysis",
            "Forced selling is still coming through. Watch whether longs reload into the decline "
            "(funding staying positive, open interest rising), which would be fuel for another "
            "flush, or whether liquidations dry up and price finds spot buyers.");
}

// No squeeze called: nothing to act on, or what would turn it into one.
QString unsignalledBottomLine(const MarketAnalysis &analysis, const QString &partial)
{
    const SqueezeSignal &signal = analysis.signal;
    if (signal.quiet && !partial.isEmpty())
        return QCoreApplication::translate("Liq::Analysis",
                                           "Too little has been watched to weigh the amounts: %1. Read the "
                                           "windows again as they fill.")
            .arg(partial);
    if (signal.quiet)
        return QCoreApplication::translate(
            "Liq::Analysis",
            "Little leverage is being forced out. Quiet stretches let leverage build up again, "
            "and that is the fuel for the next squeeze: watch for a window that turns both "
            "large and one-sided.");
    if (signal.side == SqueezeSide::Balanced)
        return QCoreApplication::translate(
            "Liq::Analysis",
            "With no side trapped, liquidations give no directional edge here. Watch the 1h "
            "and 4h windows: one side starting to dominate them with growing amounts is how a "
            "squeeze begins.");
    return QCoreApplication::translate(
               "Liq::Analysis",
               "%1 are taking more of the pain, but not enough to call a squeeze. Watch whether the "
               "1h and 4h windows tip further toward %2 as the amounts grow.")
        .arg(capitalized(victims(signal.side)), victims(signal.side));
}

} // namespace

QList<TimeWindow> WindowCoverage::partialWindows(const MarketAnalysis &analysis) const
{
    QList<TimeWindow> windows;
    for (const WindowStats &stats : analysis.windows) {
        if (isPartial(stats.window))
            windows.append(stats.window);
    }
    return windows;
}

WindowCoverage windowCoverage(const LiquidationSnapshot &snapshot)
{
    WindowCoverage coverage;
    if (!snapshot.observation)
        return coverage;
    coverage.observedSeconds = snapshot.observation->coveredSeconds(snapshot.asOf);
    for (TimeWindow window : AllTimeWindows)
        coverage.partial[size_t(windowIndex(window))]
            = snapshot.observation->isPartial(window, snapshot.asOf);
    return coverage;
}

QString windowHeading(TimeWindow window, const WindowCoverage &coverage)
{
    if (!coverage.isPartial(window))
        return windowLabel(window);
    return QCoreApplication::translate("Liq::Analysis", "%1: partial, %2 observed")
        .arg(windowLabel(window), formatDuration(coverage.observedSeconds));
}

QString partialClause(const MarketAnalysis &analysis, const WindowCoverage &coverage)
{
    const QList<TimeWindow> partial = coverage.partialWindows(analysis);
    if (partial.isEmpty())
        return {};
    const QString observed = formatDuration(coverage.observedSeconds);
    if (partial.size() == 1)
        return QCoreApplication::translate("Liq::Analysis", "the %1 window is partial (only %2 observed)")
            .arg(joinedLabels(partial), observed);
    return QCoreApplication::translate("Liq::Analysis", "the %1 windows are partial (only %2 observed)")
        .arg(joinedLabels(partial), observed);
}

QString observationReading(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis)
{
    if (!snapshot.observation)
        return {};
    const Observation &observation = *snapshot.observation;
    QStringList sentences;
    // Streams drop some liquidations (Binance sends at most one per symbol per second, OKX's channel
    // is partial): the reader must not take these for the market's totals.
    sentences << QCoreApplication::translate(
                     "Liq::Analysis",
                     "These are the liquidations observed on %1, not the whole market: the public "
                     "streams leave some out, so the true amounts are higher.")
                     .arg(observation.exchangeList());
    const QDateTime since = observation.coveredSince();
    if (since.isValid())
        sentences << QCoreApplication::translate("Liq::Analysis",
                                                 "Every exchange has been watched without a gap for %1 "
                                                 "(since %2 UTC).")
                         .arg(formatDuration(observation.coveredSeconds(snapshot.asOf)),
                              since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    else
        sentences << QCoreApplication::translate("Liq::Analysis", "Not every exchange has been watched yet.");
    const QString partial = partialClause(analysis, windowCoverage(snapshot));
    if (!partial.isEmpty())
        sentences << capitalized(partial) + QLatin1Char('.');
    if (observation.events)
        sentences << eventsSentence(observation);
    return sentences.join(QLatin1Char(' '));
}

QString signalReading(const MarketAnalysis &analysis, const WindowCoverage &coverage)
{
    const SqueezeSignal &signal = analysis.signal;
    const WindowStats *basis = analysis.stats(signal.window);
    if (!basis)
        return QCoreApplication::translate("Liq::Analysis", "No figures, so no signal.");
    const QString window = windowLabel(basis->window);
    if (!(basis->totalUsd > 0.0))
        return QCoreApplication::translate(
                   "Liq::Analysis", "Nothing was liquidated over %1, so there is no imbalance to read.")
            .arg(window);

    const QString partial = partialClause(analysis, coverage);
    QStringList sentences;
    if (signal.side == SqueezeSide::Balanced) {
        sentences << balancedSentences(analysis, *basis, partial);
    } else {
        const QString lead
            = QCoreApplication::translate("Liq::Analysis", "%1 took %2 of the %3 liquidations")
                  .arg(victims(signal.side), formatPercent(sideShare(*basis, signal.side)), window);
        if (signal.level == SqueezeLevel::None) {
            sentences << leanSentence(analysis, lead, partial);
        } else {
            sentences << QCoreApplication::translate("Liq::Analysis", "%1 %2 (score %3/100): %4.")
                             .arg(capitalized(squeezeLevelText(signal.level)), squeezeSideText(signal.side))
                             .arg(signal.score)
                             .arg(lead);
            sentences << capitalized(QCoreApplication::translate("Liq::Analysis", "%1, and %2.")
                                         .arg(scaleClause(analysis), agreementClause(analysis)));
            sentences << meaning(signal.side, signal.level);
        }
    }
    const QString fresh = freshImbalance(analysis);
    if (!fresh.isEmpty())
        sentences << fresh;
    return sentences.join(QLatin1Char(' '));
}

QString timingReading(const MarketAnalysis &analysis, const WindowCoverage &coverage)
{
    const WindowStats *longest = analysis.longestWindow();
    if (!longest || !(longest->totalUsd > 0.0))
        return QCoreApplication::translate("Liq::Analysis",
                                           "No liquidations, so there is no timing to read.");

    // Buckets and the pace compare windows with each other; with some of them unfinished that
    // would read the start of the watch as a change in the market.
    const QString partial = partialClause(analysis, coverage);
    if (!partial.isEmpty())
        return QCoreApplication::translate("Liq::Analysis",
                                           "Placing the damage in time and judging the pace need complete "
                                           "windows, and %1.")
            .arg(partial);

    QStringList sentences;
    const WindowStats *day = analysis.stats(TimeWindow::H24);
    if (analysis.heaviestBucket && day && analysis.buckets.size() == TimeWindowCount) {
        sentences << heaviestStretchSentence(*analysis.heaviestBucket, day->totalUsd);
        sentences << shapeSentence(analysis, day->totalUsd);
    } else {
        QList<TimeWindow> present;
        for (const WindowStats &stats : analysis.windows)
            present.append(stats.window);
        sentences << QCoreApplication::translate(
                         "Liq::Analysis",
                         "Placing the damage in time needs all four windows; this snapshot has %1.")
                         .arg(joinedLabels(present));
    }

    const WindowStats *hour = analysis.stats(TimeWindow::H1);
    if (analysis.momentum != Momentum::Unknown && analysis.momentumRatio && hour && day) {
        sentences << momentumSentence(analysis.momentum, hour->totalUsd,
                                      day->totalUsd / windowHours(TimeWindow::H24), *analysis.momentumRatio);
    } else if (!hour || !day) {
        sentences << QCoreApplication::translate(
            "Liq::Analysis", "The current pace can't be judged without both the 1h and 24h windows.");
    }
    return sentences.join(QLatin1Char(' '));
}

QString bottomLineReading(const MarketAnalysis &analysis, const WindowCoverage &coverage)
{
    const WindowStats *longest = analysis.longestWindow();
    if (!longest)
        return QCoreApplication::translate("Liq::Analysis", "No figures to act on.");
    const QString partial = partialClause(analysis, coverage);
    if (!(longest->totalUsd > 0.0) && !partial.isEmpty())
        return QCoreApplication::translate("Liq::Analysis",
                                           "Nothing has been observed yet in the %1 watched; read the "
                                           "windows again as they fill.")
            .arg(formatDuration(coverage.observedSeconds));
    if (!(longest->totalUsd > 0.0))
        return QCoreApplication::translate(
            "Liq::Analysis",
            "Nothing was liquidated, so there are no forced flows to read; for the whole market "
            "that usually means the source is not live.");
    if (analysis.signal.level == SqueezeLevel::None)
        return unsignalledBottomLine(analysis, partial);
    // Partial windows make the 1h-against-24h pace meaningless, so it is not read.
    return squeezeBottomLine(analysis.signal.side == SqueezeSide::ShortSqueeze,
                             partial.isEmpty() ? analysis.momentum : Momentum::Unknown);
}

} // namespace Liq
