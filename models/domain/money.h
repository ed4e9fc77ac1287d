#pragma once

#include <QString>

namespace Liq {

// Compact US dollars as market reports write them: "$397.04M", "$819.85K", "$1.23B", "$512.00".
// Two decimals; negative amounts keep their sign ("-$1.20M").
QString formatUsd(double usd);

// Axis-style money with as few decimals as the step needs: "$0", "$50M", "$1.5B".
QString formatUsdAxis(double usd, double step);

// "83.3%" from a share in [0, 1].
QString formatPercent(double share, int decimals = 1);

} // namespace Liq
