#include "domain/observation.h"

#include <QStringList>

namespace Liq {

QDateTime Observation::coveredSince() const
{
    QDateTime since;
    for (const ExchangeCoverage &exchange : coverage) {
        if (!exchange.observedSince.isValid())
            return {};
        if (!since.isValid() || exchange.observedSince > since)
            since = exchange.observedSince;
    }
    return since;
}

qint64 Observation::coveredSeconds(const QDateTime &asOf) const
{
    const QDateTime since = coveredSince();
    if (!since.isValid() || !asOf.isValid())
        return 0;
    return qMax<qint64>(0, since.secsTo(asOf));
}

bool Observation::isPartial(TimeWindow window, const QDateTime &asOf) const
{
    return coveredSeconds(asOf) < windowSeconds(window);
}

QString Observation::exchangeList() const
{
    QStringList names;
    for (const ExchangeCoverage &exchange : coverage)
        names << exchangeName(exchange.exchange);
    return names.join(QStringLiteral(", "));
}

} // namespace Liq
