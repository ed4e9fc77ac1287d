#include "money.h"

#include <cmath>

namespace Liq {
namespace {

struct Scale
{
    double divisor;
    QChar suffix;
};

Scale scaleFor(double magnitude)
{
    // Round first so $999.996K reads $1.00M, not $1000.00K.
    if (magnitude >= 0.999995e12)
        return {1e12, QLatin1Char('T')};
    if (magnitude >= 0.999995e9)
        return {1e9, QLatin1Char('B')};
    if (magnitude >= 0.999995e6)
        return {1e6, QLatin1Char('M')};
    if (magnitude >= 0.999995e3)
        return {1e3, QLatin1Char('K')};
    return {1.0, QChar()};
}

QString withSign(double usd, const QString &body)
{
    return (usd < 0 ? QStringLiteral("-$") : QStringLiteral("$")) + body;
}

} // namespace

QString formatUsd(double usd)
{
    if (!std::isfinite(usd))
        return QStringLiteral("—");
    const double magnitude = std::fabs(usd);
    const Scale scale = scaleFor(magnitude);
    QString body = QString::number(magnitude / scale.divisor, 'f', 2);
    if (!scale.suffix.isNull())
        body += scale.suffix;
    return withSign(usd, body);
}

QString formatUsdAxis(double usd, double step)
{
    if (!std::isfinite(usd))
        return QStringLiteral("—");
    const double magnitude = std::fabs(usd);
    if (magnitude < 0.5)
        return QStringLiteral("$0");
    const Scale scale = scaleFor(std::max(magnitude, std::fabs(step)));
    const double scaledStep = std::fabs(step) / scale.divisor;
    int decimals = 0;
    while (decimals < 3 && scaledStep > 0
           && std::fabs(scaledStep * std::pow(10.0, decimals)
                        - std::round(scaledStep * std::pow(10.0, decimals)))
               > 1e-6)
        ++decimals;
    QString body = QString::number(magnitude / scale.divisor, 'f', decimals);
    if (!scale.suffix.isNull())
        body += scale.suffix;
    return withSign(usd, body);
}

QString formatPercent(double share, int decimals)
{
    if (!std::isfinite(share))
        return QStringLiteral("—");
    return QString::number(share * 100.0, 'f', decimals) + QLatin1Char('%');
}

} // namespace Liq
