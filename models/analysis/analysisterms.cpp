#include "analysisterms.h"

#include "domain/money.h"

#include <QCoreApplication>

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
    case SqueezeSide::Balanced: break;
    case SqueezeSide::ShortSqueeze: return QCoreApplication::translate("Liq::Analysis", "short squeeze");
    case SqueezeSide::LongSqueeze: return QCoreApplication::translate("Liq::Analysis", "long squeeze");
    }
    return QCoreApplication::translate("Liq::Analysis", "balanced");
}

QString squeezeLevelText(SqueezeLevel level)
{
    switch (level) {
    case SqueezeLevel::None: break;
    case SqueezeLevel::Mild: return QCoreApplication::translate("Liq::Analysis", "mild");
    case SqueezeLevel::Strong: return QCoreApplication::translate("Liq::Analysis", "strong");
    case SqueezeLevel::Extreme: return QCoreApplication::translate("Liq::Analysis", "extreme");
    }
    return QCoreApplication::translate("Liq::Analysis", "none");
}

QString momentumText(Momentum momentum)
{
    switch (momentum) {
    case Momentum::Accelerating: return QCoreApplication::translate("Liq::Analysis", "Accelerating");
    case Momentum::Steady: return QCoreApplication::translate("Liq::Analysis", "Steady");
    case Momentum::Fading: return QCoreApplication::translate("Liq::Analysis", "Fading");
    case Momentum::Unknown: break;
    }
    return QStringLiteral("—");
}

QString momentumSentence(Momentum momentum, double hourRateUsd, double averageRateUsd, double ratio)
{
    const QString hourRate = formatUsd(hourRateUsd);
    const QString averageRate = formatUsd(averageRateUsd);
    switch (momentum) {
    case Momentum::Fading:
        return QCoreApplication::translate("Liq::Analysis",
                                           "The pace is fading now: the last hour ran at %1/h against a 24h "
                                           "average of %2/h (%3).")
            .arg(hourRate, averageRate, ratioText(ratio));
    case Momentum::Accelerating:
        return QCoreApplication::translate(
                   "Liq::Analysis",
                   "The pace is picking up: the last hour ran at %1/h, %3 the 24h average of %2/h.")
            .arg(hourRate, averageRate, ratioText(ratio));
    case Momentum::Steady:
        return QCoreApplication::translate("Liq::Analysis",
                                           "The pace is steady: the last hour ran at %1/h, close to the 24h "
                                           "average of %2/h (%3).")
            .arg(hourRate, averageRate, ratioText(ratio));
    case Momentum::Unknown: break;
    }
    return {};
}

QString ratioText(double ratio)
{
    return QString::number(ratio, 'f', 2) + QChar(0x00D7);
}

} // namespace Liq
