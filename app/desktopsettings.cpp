#include "desktopsettings.h"

#include <QSettings>

#include <cmath>

namespace Liq {
namespace {

double positiveOr(const QVariant &value, double fallback)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    return ok && std::isfinite(number) && number > 0 ? number : fallback;
}

} // namespace

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

    settings.beginGroup(QStringLiteral("analysis"));
    const AnalysisConfig defaults;
    AnalysisConfig &config = loaded.config;
    config.dominanceShare
        = positiveOr(settings.value(QStringLiteral("dominanceShare")), defaults.dominanceShare);
    if (config.dominanceShare >= 1.0)
        config.dominanceShare = defaults.dominanceShare;
    for (TimeWindow window : AllTimeWindows) {
        const auto i = std::size_t(windowIndex(window));
        config.baselineUsd[i] = positiveOr(settings.value(QStringLiteral("baseline_") + windowLabel(window)),
                                           defaults.baselineUsd[i]);
    }
    config.acceleratingRatio
        = positiveOr(settings.value(QStringLiteral("acceleratingRatio")), defaults.acceleratingRatio);
    config.fadingRatio = positiveOr(settings.value(QStringLiteral("fadingRatio")), defaults.fadingRatio);
    if (config.fadingRatio > config.acceleratingRatio) {
        config.acceleratingRatio = defaults.acceleratingRatio;
        config.fadingRatio = defaults.fadingRatio;
    }
    settings.endGroup();
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
    settings.beginGroup(QStringLiteral("analysis"));
    settings.setValue(QStringLiteral("dominanceShare"), config.dominanceShare);
    for (TimeWindow window : AllTimeWindows)
        settings.setValue(QStringLiteral("baseline_") + windowLabel(window),
                          config.baselineUsd[std::size_t(windowIndex(window))]);
    settings.setValue(QStringLiteral("acceleratingRatio"), config.acceleratingRatio);
    settings.setValue(QStringLiteral("fadingRatio"), config.fadingRatio);
    settings.endGroup();
}

void DesktopSettings::addRecentFile(const QString &path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > MaxRecentFiles)
        recentFiles.removeLast();
}

} // namespace Liq
