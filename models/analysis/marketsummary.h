#pragma once

#include "analysis/analysisjson.h"
#include "analysis/marketanalysis.h"

#include <QString>
#include <QStringList>

namespace Liq {

// The plain-words market report, in Liqscope's own words; deterministic.
// Sections: headline, what was observed (snapshots from exchange streams only), per-window breakdown, what
// the imbalance signals, timing, bottom line. Money reads like "$397.04M" (formatUsd), shares like "83.3%"
// (formatPercent); partial and empty snapshots give sensible sentences, never "nan".
struct MarketSummary
{
    QString title; // scope and as-of time: "All exchanges, as of 2026-11-20 14:00 UTC"
    QString headline; // the longest window's total and its split
    // Observed snapshots only: on which exchanges, for how long, which windows are partial, how many
    // liquidations and the largest one. Empty otherwise (and the section is left out).
    QString observed;
    QStringList breakdown; // one line per window present (plus a note naming absent windows)
    QString signal; // the squeeze call and what it means for positioning
    QString timing; // where the damage sat, sustained or spike, and the pace now
    QString bottomLine; // what to watch next

    // Title and headline, then sections under short headings; wrapped at 78 columns, no trailing
    // spaces, ends with a newline.
    QString toPlainText() const;
};

MarketSummary writeMarketSummary(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis);

} // namespace Liq
