#pragma once

#include "alerts/alert.h"
#include "alerts/alertrule.h"
#include "analysis/marketanalysis.h"
#include "domain/liquidationsnapshot.h"

#include <QList>
#include <QString>

#include <optional>

namespace Liq {

// Whether a condition is judged for becoming true (Enter) or for staying true (Stay). Staying uses
// thresholds relaxed by the margins below, so a value wobbling around a threshold stays true instead of
// falling and firing again: the hysteresis of AlertEngine.
enum class AlertThreshold { Enter, Stay };

namespace AlertHysteresis {
inline constexpr int ScoreMargin = 10; // squeeze: each level's score, 10 points lower
inline constexpr double DominanceMargin = 0.05; // squeeze: the dominant side's share, 5 points lower
inline constexpr double QuietFactor = 0.8; // squeeze: the quiet magnitude, a fifth lower
inline constexpr double AmountFactor = 0.9; // totals and cascades: 90% of the rule's amount
inline constexpr double RatioFactor = 0.9; // momentum: accelerating from 90% of its ratio, fading to 110%

// The analysis thresholds relaxed by the margins above.
AnalysisConfig relaxed(const AnalysisConfig &config);
} // namespace AlertHysteresis

// What the data says about one rule now.
struct AlertReading
{
    std::optional<bool> holds; // nullopt: the data cannot tell (no row for the scope, no such window)
    QString text; // what the data says, whether or not the rule holds: "strong short squeeze, score 63"
    Alert alert; // when it holds: the alert it would raise (without a time)
};

// Reads one rule in the snapshot. analysis must be of the whole snapshot, as analyzeSnapshot(snapshot,
// config) makes it (not a dashboard's scoped analysis): a rule scoped to a coin or an exchange reads that
// breakdown row, judged against its share of the market as the scoped dashboard judges it.
//   squeeze, total, momentum  from the windows (of the scope's row)
//   liquidation               the largest liquidation of the last hour; only observed snapshots (the
//                             exchange streams, a store) know it, and only for the whole market
//   cascade                   never from a snapshot (it needs the live liquidations): nullopt
AlertReading readAlertRule(const AlertRule &rule, const LiquidationSnapshot &snapshot,
                           const MarketAnalysis &analysis, AlertThreshold threshold = AlertThreshold::Enter);

namespace Alerts {

// One rule's verdict for the command line (`liqscope --summary --alert RULE`).
struct RuleResult
{
    QString rule; // canonical text
    bool fired = false; // holds now (false when the data cannot tell)
    QString text; // AlertReading::text
};

// Stateless: which rules hold on this snapshot now, in the order given. analysis as for readAlertRule.
QList<RuleResult> evaluate(const QList<AlertRule> &rules, const LiquidationSnapshot &snapshot,
                           const MarketAnalysis &analysis);

} // namespace Alerts

} // namespace Liq
