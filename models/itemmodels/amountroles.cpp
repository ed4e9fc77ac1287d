#include "amountroles.h"

#include "domain/money.h"

#include <QLocale>

namespace Liq {

QVariant amountValue(const SideAmounts &amounts, AmountColumn column)
{
    switch (column) {
    case AmountColumn::Long: return amounts.longUsd;
    case AmountColumn::Short: return amounts.shortUsd;
    case AmountColumn::Total: return amounts.total();
    case AmountColumn::ShortShare: {
        const std::optional<double> share = amounts.shortShare();
        return share ? QVariant(*share) : QVariant();
    }
    }
    return {};
}

QString amountDisplay(const SideAmounts &amounts, AmountColumn column)
{
    if (column == AmountColumn::ShortShare) {
        const std::optional<double> share = amounts.shortShare();
        return share ? formatPercent(*share) : QStringLiteral("—");
    }
    return formatUsd(amountValue(amounts, column).toDouble());
}

QString amountExact(const SideAmounts &amounts, AmountColumn column)
{
    if (column == AmountColumn::ShortShare) {
        const std::optional<double> share = amounts.shortShare();
        return share ? formatPercent(*share, 3) : QStringLiteral("no liquidations");
    }
    // The C locale keeps the grouping the same on every machine: "$6,080,000.00".
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return QLatin1Char('$') + english.toString(amountValue(amounts, column).toDouble(), 'f', 2);
}

QString amountHeader(AmountColumn column)
{
    switch (column) {
    case AmountColumn::Long: return QStringLiteral("Longs");
    case AmountColumn::Short: return QStringLiteral("Shorts");
    case AmountColumn::Total: return QStringLiteral("Total");
    case AmountColumn::ShortShare: return QStringLiteral("Short %");
    }
    return {};
}

} // namespace Liq
