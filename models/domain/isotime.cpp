#include "isotime.h"

#include <QTimeZone>

namespace Liq {

std::optional<QDateTime> parseIsoTime(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed = QDateTime(parsed.date(), parsed.time(), QTimeZone::utc());
    return parsed.toUTC();
}

} // namespace Liq
