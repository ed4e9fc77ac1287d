#include "alertcheck.h"

#include "domain/money.h"

#include <QCoreApplication>

#include <algorithm>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::AlertCheck", text);
}

// As the scoped dashboard (DashboardSession::MinimumScopeShare): a row that liquidated nothing is not
// judged against a zero baseline.
constexpr double MinimumScopeShare = 0.001;

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// " on BTC", " on Binance" or empty.
QString onScope(const AlertScope &scope)
{
    return scope.isMarket() ? QString() : tr(" on %1").arg(scope.displayName());
}

// One scope of the market: its snapshot and its analysis under the threshold asked for.
struct ScopeView
{
    LiquidationSnapshot snapshot;
    MarketAnalysis analysis;
};

std::optional<ScopeView> viewOf(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis,
                                const AlertScope &scope, AlertThreshold threshold)
{
    if (scope.isMarket() && threshold == AlertThreshold::Enter)
        return ScopeView{snapshot, analysis};
    ScopeView view;
    double share = 1.0;
    if (scope.isMarket()) {
        view.snapshot = snapshot;
    } else {
        const BreakdownKind kind
            = scope.kind == AlertScope::Kind::Coin ? BreakdownKind::Coin : BreakdownKind::Exchange;
        if (!snapshot.breakdownKinds().contains(kind))
            return std::nullopt;
        const LiquidationSnapshot shown = snapshot.showingBreakdown(kind);
        const int row = shown.breakdownRowNamed(scope.displayName());
        if (row < 0)
            return std::nullopt;
        view.snapshot = shown.scopedTo(row);
        share = shareOfMarket(shown.totals, shown.breakdown.at(row).amounts, MinimumScopeShare);
    }
    // analysis.config is already adjusted for observed data and its coverage; judging the scope's amounts
    // without the observation applies it once, scaled by the scope's share.
    const AnalysisConfig config
        = threshold == AlertThreshold::Stay ? AlertHysteresis::relaxed(analysis.config) : analysis.config;
    LiquidationSnapshot judged = view.snapshot;
    judged.observation.reset();
    view.analysis = analyzeSnapshot(judged, config.withBaselinesScaled(share));
    return view;
}

bool sideMatches(const AlertRule &rule, SqueezeSide side)
{
    if (!rule.side)
        return side != SqueezeSide::Balanced;
    return side
        == (*rule.side == LiquidatedSide::Short ? SqueezeSide::ShortSqueeze : SqueezeSide::LongSqueeze);
}

AlertUrgency squeezeUrgency(SqueezeLevel level)
{
    switch (level) {
    case SqueezeLevel::Extreme: return AlertUrgency::Critical;
    case SqueezeLevel::Strong: return AlertUrgency::Normal;
    case SqueezeLevel::Mild:
    case SqueezeLevel::None: break;
    }
    return AlertUrgency::Low;
}

AlertReading readSqueeze(const AlertRule &rule, const ScopeView &view)
{
    const SqueezeSignal &signal = view.analysis.signal;
    AlertReading reading;
    reading.holds
        = signal.level != SqueezeLevel::None && signal.level >= rule.level && sideMatches(rule, signal.side);
    const QString call = signal.level == SqueezeLevel::None
        ? tr("no squeeze")
        : tr("%1 %2").arg(squeezeLevelText(signal.level), squeezeSideText(signal.side));
    reading.text = tr("%1%2, score %3 of 100").arg(call, onScope(rule.scope)).arg(signal.score);
    if (!*reading.holds)
        return reading;
    reading.alert.title = capitalized(call) + onScope(rule.scope);
    const QString share = formatPercent(signal.dominance, 0);
    const QString window = windowLabel(signal.window);
    reading.alert.body
        = (signal.side == SqueezeSide::ShortSqueeze
               ? tr("Shorts are %1 of the %2 liquidations%3; the squeeze signal scores %4 of 100.")
               : tr("Longs are %1 of the %2 liquidations%3; the squeeze signal scores %4 of 100."))
              .arg(share, window, onScope(rule.scope))
              .arg(signal.score);
    reading.alert.urgency = squeezeUrgency(signal.level);
    return reading;
}

AlertReading readTotal(const AlertRule &rule, const ScopeView &view, AlertThreshold threshold)
{
    AlertReading reading;
    const QString window = windowLabel(rule.window);
    if (!view.snapshot.totals.has(rule.window)) {
        reading.text = tr("no %1 figures%2 in this data").arg(window, onScope(rule.scope));
        return reading;
    }
    const SideAmounts amounts = view.snapshot.totals.at(rule.window);
    const double value = !rule.side          ? amounts.total()
        : *rule.side == LiquidatedSide::Long ? amounts.longUsd
                                             : amounts.shortUsd;
    const double needed
        = rule.amountUsd * (threshold == AlertThreshold::Stay ? AlertHysteresis::AmountFactor : 1.0);
    reading.holds = value >= needed;
    reading.text = tr("%1 liquidated in %2%3 (longs %4, shorts %5)")
                       .arg(formatUsd(amounts.total()), window, onScope(rule.scope),
                            formatUsd(amounts.longUsd), formatUsd(amounts.shortUsd));
    if (!*reading.holds)
        return reading;
    reading.alert.title = !rule.side
        ? tr("%1 liquidated in %2%3").arg(formatUsd(value), window, onScope(rule.scope))
        : *rule.side == LiquidatedSide::Long
        ? tr("%1 of longs liquidated in %2%3").arg(formatUsd(value), window, onScope(rule.scope))
        : tr("%1 of shorts liquidated in %2%3").arg(formatUsd(value), window, onScope(rule.scope));
    reading.alert.body = tr("In the last %1%2: longs %3, shorts %4 (the rule: %5 or more).")
                             .arg(window, onScope(rule.scope), formatUsd(amounts.longUsd),
                                  formatUsd(amounts.shortUsd), ruleAmountUsd(rule.amountUsd));
    reading.alert.sumUsd = value;
    reading.alert.side = rule.side;
    reading.alert.urgency = value >= 2 * rule.amountUsd ? AlertUrgency::Critical : AlertUrgency::Normal;
    return reading;
}

AlertReading readMomentum(const AlertRule &rule, const ScopeView &view)
{
    AlertReading reading;
    const MarketAnalysis &analysis = view.analysis;
    if (analysis.momentum == Momentum::Unknown || !analysis.momentumRatio || !analysis.stats(TimeWindow::H1)
        || !analysis.stats(TimeWindow::H24)) {
        reading.text = tr("momentum unknown%1 (it needs the 1h and 24h windows)").arg(onScope(rule.scope));
        return reading;
    }
    reading.holds = analysis.momentum == rule.momentum;
    reading.text = tr("momentum %1%2, %3 the 24h pace")
                       .arg(momentumText(analysis.momentum).toLower(), onScope(rule.scope),
                            ratioText(*analysis.momentumRatio));
    if (!*reading.holds)
        return reading;
    reading.alert.title = (rule.momentum == Momentum::Accelerating ? tr("Liquidations accelerating%1")
                                                                   : tr("Liquidations fading%1"))
                              .arg(onScope(rule.scope));
    reading.alert.body
        = momentumSentence(analysis.momentum, analysis.stats(TimeWindow::H1)->totalUsd,
                           analysis.stats(TimeWindow::H24)->totalUsd / 24.0, *analysis.momentumRatio);
    reading.alert.urgency = AlertUrgency::Low;
    return reading;
}

bool largestMatches(const AlertRule &rule, const LargestLiquidation &largest)
{
    LiquidationEvent event;
    event.exchange = largest.exchange;
    event.coin = largest.coin;
    return (!rule.side || *rule.side == largest.side) && rule.scope.matches(event);
}

// The largest liquidation of the last hour, which only observed snapshots know.
AlertReading readLargest(const AlertRule &rule, const LiquidationSnapshot &snapshot)
{
    AlertReading reading;
    if (!snapshot.observation || !snapshot.observation->events) {
        reading.text
            = tr("this data has no single liquidations (only the exchange streams and a store have)");
        return reading;
    }
    const std::optional<LargestLiquidation> &largest = snapshot.observation->eventsIn(TimeWindow::H1).largest;
    if (!largest) {
        reading.holds = false;
        reading.text = tr("no liquidation in the last hour");
        return reading;
    }
    reading.text
        = tr("the largest liquidation of the last hour: %1 %2 %3 on %4")
              .arg(formatUsd(largest->usd), largest->side == LiquidatedSide::Long ? tr("long") : tr("short"),
                   largest->coin, exchangeName(largest->exchange));
    if (largest->usd < rule.amountUsd) {
        reading.holds = false;
        return reading;
    }
    if (!largestMatches(rule, *largest)) {
        // A smaller one of that side or scope may still have reached the amount: the data cannot tell.
        reading.text += tr("; the largest of this side or scope is not known");
        return reading;
    }
    reading.holds = true;
    reading.alert.title = tr("Liquidation of %1 on %2").arg(formatUsd(largest->usd), largest->coin);
    reading.alert.body = capitalized(reading.text) + QLatin1Char('.');
    reading.alert.coin = largest->coin;
    reading.alert.count = 1;
    reading.alert.sumUsd = largest->usd;
    reading.alert.side = largest->side;
    reading.alert.urgency
        = largest->usd >= 4 * rule.amountUsd ? AlertUrgency::Critical : AlertUrgency::Normal;
    return reading;
}

} // namespace

AnalysisConfig AlertHysteresis::relaxed(const AnalysisConfig &config)
{
    AnalysisConfig relaxed = config;
    relaxed.dominanceShare = std::max(0.5, config.dominanceShare - DominanceMargin);
    relaxed.mildScore = std::max(1, config.mildScore - ScoreMargin);
    relaxed.strongScore = std::max(1, config.strongScore - ScoreMargin);
    relaxed.extremeScore = std::max(1, config.extremeScore - ScoreMargin);
    relaxed.quietMagnitude = config.quietMagnitude * QuietFactor;
    relaxed.acceleratingRatio = config.acceleratingRatio * RatioFactor;
    relaxed.fadingRatio = config.fadingRatio / RatioFactor;
    return relaxed;
}

AlertReading readAlertRule(const AlertRule &rule, const LiquidationSnapshot &snapshot,
                           const MarketAnalysis &analysis, AlertThreshold threshold)
{
    AlertReading reading;
    if (rule.kind == AlertKind::Cascade) {
        reading.text = tr("a cascade is judged on the live liquidations, not on a snapshot");
    } else if (rule.kind == AlertKind::Liquidation) {
        reading = readLargest(rule, snapshot);
    } else if (const auto view = viewOf(snapshot, analysis, rule.scope, threshold)) {
        if (rule.kind == AlertKind::Squeeze)
            reading = readSqueeze(rule, *view);
        else if (rule.kind == AlertKind::Total)
            reading = readTotal(rule, *view, threshold);
        else
            reading = readMomentum(rule, *view);
    } else {
        reading.text = tr("no %1 in this data").arg(rule.scope.displayName());
    }
    reading.alert.rule = rule.toText();
    reading.alert.scope = rule.scope;
    if (rule.scope.kind == AlertScope::Kind::Coin)
        reading.alert.coin = rule.scope.coin;
    return reading;
}

QList<Alerts::RuleResult> Alerts::evaluate(const QList<AlertRule> &rules, const LiquidationSnapshot &snapshot,
                                           const MarketAnalysis &analysis)
{
    QList<RuleResult> results;
    results.reserve(rules.size());
    for (const AlertRule &rule : rules) {
        const AlertReading reading = readAlertRule(rule, snapshot, analysis);
        results.append({rule.toText(), reading.holds.value_or(false), reading.text});
    }
    return results;
}

} // namespace Liq
