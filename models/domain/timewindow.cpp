#include "timewindow.h"

namespace Liq {

QString windowLabel(TimeWindow window)
{
    return QString::number(windowHours(window)) + QLatin1Char('h');
}

std::optional<TimeWindow> windowFromLabel(QStringView label)
{
    const QString text = label.trimmed().toString().toLower();
    for (TimeWindow window : AllTimeWindows) {
        const QString hours = QString::number(windowHours(window));
        if (text == hours + QLatin1Char('h') || text == QLatin1Char('h') + hours)
            return window;
    }
    return std::nullopt;
}

} // namespace Liq
