#pragma once

#include "alerts/alertsettings.h"
#include "analysis/marketanalysis.h"
#include "connectdialog.h"
#include "liquidationchart.h"
#include "theme.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

class QSettings;

namespace Liq {

// What the desktop remembers between runs (QSettings: the platform's native store).
struct DesktopSettings
{
    static constexpr int MaxRecentFiles = 8;

    Theme theme = Theme::System;
    LiquidationChart::Mode chartMode = LiquidationChart::Mode::Windows;
    TimeWindow breakdownWindow = TimeWindow::H24;
    QStringList recentFiles; // most recent first
    AnalysisConfig config; // stored by AnalysisSettings, the one owner
    ConnectChoices connect; // File > Connect's last entries
    QList<AlertRuleSetting> alertRules; // stored by AlertSettings, the one owner
    std::optional<bool> closeToTray; // with alerts on, closing keeps Liqscope in the tray (asked once)
    QByteArray geometry;
    QByteArray windowState;

    // Missing or invalid values fall back to the defaults above.
    static DesktopSettings load(QSettings &settings);
    void save(QSettings &settings) const;

    // Puts path first, without duplicates, at most MaxRecentFiles.
    void addRecentFile(const QString &path);
};

} // namespace Liq
