#include "sideamounts.h"

namespace Liq {

std::optional<double> SideAmounts::shortShare() const
{
    const double sum = total();
    if (sum <= 0.0)
        return std::nullopt;
    return shortUsd / sum;
}

std::optional<double> SideAmounts::longShortRatio() const
{
    if (shortUsd <= 0.0)
        return std::nullopt;
    return longUsd / shortUsd;
}

int WindowAmounts::count() const
{
    int n = 0;
    for (const auto &value : m_values)
        n += value.has_value() ? 1 : 0;
    return n;
}

} // namespace Liq
