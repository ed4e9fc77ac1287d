#pragma once

#include "analysis/marketanalysis.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Liq {

// The plain-words market report, in Liqscope's own words; deterministic.
// Sections: headline, per-window breakdown, what the imbalance signals, timing, bottom line.
struct MarketSummary
{
    QString headline;
    QStringList breakdown; // one line per window
    QString signal;
    QString timing;
    QString bottomLine;

    QString toPlainText() const;
};

MarketSummary writeMarketSummary(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis);

// The machine-readable analysis printed by `liqscope --summary --format json`.
// loadWarnings are the reader's warnings, merged with the analysis' own.
QByteArray analysisToJson(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis,
                          const QStringList &loadWarnings);

} // namespace Liq
