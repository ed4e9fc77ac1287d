#include "liquidationsnapshot.h"

namespace Liq {

QString breakdownKindKey(BreakdownKind kind)
{
    switch (kind) {
    case BreakdownKind::Coin: return QStringLiteral("coin");
    case BreakdownKind::Exchange: return QStringLiteral("exchange");
    case BreakdownKind::None: break;
    }
    return {};
}

std::optional<BreakdownKind> breakdownKindFromKey(QStringView key)
{
    if (key.isEmpty() || key == u"none")
        return BreakdownKind::None;
    if (key == u"coin")
        return BreakdownKind::Coin;
    if (key == u"exchange")
        return BreakdownKind::Exchange;
    return std::nullopt;
}

LiquidationSnapshot LiquidationSnapshot::scopedTo(int row) const
{
    Q_ASSERT(row >= 0 && row < breakdown.size());
    LiquidationSnapshot scoped;
    scoped.asOf = asOf;
    scoped.source = source;
    scoped.scope = breakdown.at(row).name;
    scoped.totals = breakdown.at(row).amounts;
    if (observation) {
        scoped.observation = observation;
        scoped.observation->events.reset();
    }
    return scoped;
}

QList<BreakdownKind> LiquidationSnapshot::breakdownKinds() const
{
    QList<BreakdownKind> kinds;
    if (breakdownKind != BreakdownKind::None)
        kinds << breakdownKind;
    if (otherBreakdownKind != BreakdownKind::None)
        kinds << otherBreakdownKind;
    return kinds;
}

LiquidationSnapshot LiquidationSnapshot::showingBreakdown(BreakdownKind kind) const
{
    LiquidationSnapshot shown = *this;
    if (kind != breakdownKind && kind == otherBreakdownKind && kind != BreakdownKind::None) {
        std::swap(shown.breakdownKind, shown.otherBreakdownKind);
        std::swap(shown.breakdown, shown.otherBreakdown);
    }
    return shown;
}

int LiquidationSnapshot::breakdownRowNamed(QStringView name) const
{
    for (int i = 0; i < breakdown.size(); ++i) {
        if (breakdown.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

bool operator==(const LiquidationSnapshot &a, const LiquidationSnapshot &b)
{
    return a.asOf == b.asOf && a.source == b.source && a.scope == b.scope && a.totals == b.totals
        && a.breakdownKind == b.breakdownKind && a.breakdown == b.breakdown
        && a.otherBreakdownKind == b.otherBreakdownKind && a.otherBreakdown == b.otherBreakdown
        && a.observation == b.observation;
}

} // namespace Liq
