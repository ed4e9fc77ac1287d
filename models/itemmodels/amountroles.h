#pragma once

#include "domain/sideamounts.h"

#include <QVariant>

namespace Liq {

// The columns both tables share after their first (label) column, and how each one reads a SideAmounts.
enum class AmountColumn { Long, Short, Total, ShortShare };

// Raw value of a column: USD, or the short share in [0, 1]; invalid when there is no share.
QVariant amountValue(const SideAmounts &amounts, AmountColumn column);
// What a cell shows: "$6.08M", "88.1%", or "—" when there is no value.
QString amountDisplay(const SideAmounts &amounts, AmountColumn column);
// Exact figures for a tooltip: "$6,080,000.00".
QString amountExact(const SideAmounts &amounts, AmountColumn column);
QString amountHeader(AmountColumn column);

} // namespace Liq
