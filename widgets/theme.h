#pragma once

#include <QString>

class QApplication;

namespace Liq {

// System follows the platform palette; Light and Dark are Liqscope's own palettes. (Qt 6.4 has no
// colour-scheme API, so "System" means the style's standard palette.)
enum class Theme { System, Light, Dark };

QString themeKey(Theme theme); // "system", "light", "dark" (settings)
Theme themeFromKey(const QString &key); // System for anything unknown
QString themeText(Theme theme); // "System", "Light", "Dark"

// Sets the application style (DashboardStyle) and palette. Widgets react through QEvent::PaletteChange.
void applyTheme(QApplication &app, Theme theme);

} // namespace Liq
