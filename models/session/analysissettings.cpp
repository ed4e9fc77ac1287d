#include "session/analysissettings.h"

#include <QSettings>

#include <cmath>

namespace Liq::AnalysisSettings {
namespace {

const QString Group = QStringLiteral("analysis");

double positiveOr(const QVariant &value, double fallback)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    return ok && std::isfinite(number) && number > 0 ? number : fallback;
}

QString baselineKey(TimeWindow window)
{
    return QStringLiteral("baseline_") + windowLabel(window);
}

} // namespace

AnalysisConfig load(QSettings &settings)
{
    settings.beginGroup(Group);
    const AnalysisConfig defaults;
    AnalysisConfig config;
    config.dominanceShare
        = positiveOr(settings.value(QStringLiteral("dominanceShare")), defaults.dominanceShare);
    if (config.dominanceShare >= 1.0)
        config.dominanceShare = defaults.dominanceShare;
    for (TimeWindow window : AllTimeWindows) {
        const auto i = std::size_t(windowIndex(window));
        config.baselineUsd[i] = positiveOr(settings.value(baselineKey(window)), defaults.baselineUsd[i]);
    }
    config.acceleratingRatio
        = positiveOr(settings.value(QStringLiteral("acceleratingRatio")), defaults.acceleratingRatio);
    config.fadingRatio = positiveOr(settings.value(QStringLiteral("fadingRatio")), defaults.fadingRatio);
    if (config.fadingRatio > config.acceleratingRatio) {
        config.acceleratingRatio = defaults.acceleratingRatio;
        config.fadingRatio = defaults.fadingRatio;
    }
    settings.endGroup();
    return config;
}

void save(QSettings &settings, const AnalysisConfig &config)
{
    settings.beginGroup(Group);
    settings.setValue(QStringLiteral("dominanceShare"), config.dominanceShare);
    for (TimeWindow window : AllTimeWindows)
        settings.setValue(baselineKey(window), config.baselineUsd[std::size_t(windowIndex(window))]);
    settings.setValue(QStringLiteral("acceleratingRatio"), config.acceleratingRatio);
    settings.setValue(QStringLiteral("fadingRatio"), config.fadingRatio);
    settings.endGroup();
}

AnalysisConfig loadSaved()
{
    QSettings settings;
    return load(settings);
}

} // namespace Liq::AnalysisSettings
