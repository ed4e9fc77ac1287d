#include "desktopsettings.h"

#include "session/analysissettings.h"

#include <QSettings>

namespace Liq {

DesktopSettings DesktopSettings::load(QSettings &settings)
{
    DesktopSettings loaded;
    loaded.theme = themeFromKey(settings.value(QStringLiteral("view/theme")).toString());
    loaded.chartMode
        = LiquidationChart::modeFromKey(settings.value(QStringLiteral("view/chartMode")).toString());
    loaded.breakdownWindow
        = windowFromLabel(settings.value(QStringLiteral("view/breakdownWindow")).toString())
              .value_or(TimeWindow::H24);
    const QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    for (auto it = recent.crbegin(); it != recent.crend(); ++it) {
        if (!it->isEmpty())
            loaded.addRecentFile(*it);
    }
    loaded.geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    loaded.windowState = settings.value(QStringLiteral("window/state")).toByteArray();

    loaded.config = AnalysisSettings::load(settings);
    return loaded;
}

void DesktopSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("view/theme"), themeKey(theme));
    settings.setValue(QStringLiteral("view/chartMode"), LiquidationChart::modeKey(chartMode));
    settings.setValue(QStringLiteral("view/breakdownWindow"), windowLabel(breakdownWindow));
    settings.setValue(QStringLiteral("files/recent"), recentFiles);
    settings.setValue(QStringLiteral("window/geometry"), geometry);
    settings.setValue(QStringLiteral("window/state"), windowState);
    AnalysisSettings::save(settings, config);
}

void DesktopSettings::addRecentFile(const QString &path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > MaxRecentFiles)
        recentFiles.removeLast();
}

} // namespace Liq
