#include "domain/observation.h"

#include "domain/duration.h"

#include <QCoreApplication>
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

QString Observation::partialText(const QDateTime &asOf) const
{
    QStringList partial;
    for (TimeWindow window : AllTimeWindows) {
        if (isPartial(window, asOf))
            partial << windowLabel(window);
    }
    if (partial.isEmpty())
        return {};
    const QString windows = partial.size() == 1
        ? partial.constFirst()
        : QCoreApplication::translate("Liq::Observation", "%1 and %2")
              .arg(partial.mid(0, partial.size() - 1).join(QStringLiteral(", ")), partial.constLast());
    const qint64 seconds = coveredSeconds(asOf);
    return seconds > 0
        ? QCoreApplication::translate("Liq::Observation", "%1 partial: %2 observed")
              .arg(windows, formatDuration(seconds))
        : QCoreApplication::translate("Liq::Observation", "%1 partial: nothing observed yet").arg(windows);
}

QString Observation::exchangeList() const
{
    QStringList names;
    for (const ExchangeCoverage &exchange : coverage)
        names << exchangeName(exchange.exchange);
    return names.join(QStringLiteral(", "));
}

} // namespace Liq
