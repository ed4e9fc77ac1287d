#include "analysisterms.h"

namespace Liq {

QString momentumKey(Momentum momentum)
{
    switch (momentum) {
    case Momentum::Unknown: return QStringLiteral("unknown");
    case Momentum::Accelerating: return QStringLiteral("accelerating");
    case Momentum::Steady: return QStringLiteral("steady");
    case Momentum::Fading: return QStringLiteral("fading");
    }
    return QStringLiteral("unknown");
}

QString squeezeSideKey(SqueezeSide side)
{
    switch (side) {
    case SqueezeSide::Balanced: return QStringLiteral("balanced");
    case SqueezeSide::ShortSqueeze: return QStringLiteral("short_squeeze");
    case SqueezeSide::LongSqueeze: return QStringLiteral("long_squeeze");
    }
    return QStringLiteral("balanced");
}

QString squeezeLevelKey(SqueezeLevel level)
{
    switch (level) {
    case SqueezeLevel::None: return QStringLiteral("none");
    case SqueezeLevel::Mild: return QStringLiteral("mild");
    case SqueezeLevel::Strong: return QStringLiteral("strong");
    case SqueezeLevel::Extreme: return QStringLiteral("extreme");
    }
    return QStringLiteral("none");
}

QString squeezeSideText(SqueezeSide side)
{
    switch (side) {
    case SqueezeSide::Balanced: return QStringLiteral("balanced");
    case SqueezeSide::ShortSqueeze: return QStringLiteral("short squeeze");
    case SqueezeSide::LongSqueeze: return QStringLiteral("long squeeze");
    }
    return QStringLiteral("balanced");
}

QString squeezeLevelText(SqueezeLevel level)
{
    return squeezeLevelKey(level);
}

} // namespace Liq
