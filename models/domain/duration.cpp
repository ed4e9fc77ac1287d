#include "duration.h"

#include <QCoreApplication>

#include <algorithm>

namespace Liq {

QString formatDuration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return QCoreApplication::translate("Liq::Duration", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("Liq::Duration", "%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return QCoreApplication::translate("Liq::Duration", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60);
    return QCoreApplication::translate("Liq::Duration", "%1 days").arg(seconds / 86400);
}

} // namespace Liq
