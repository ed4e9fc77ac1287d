#include "theme.h"

#include "dashboardstyle.h"

#include <QApplication>
#include <QPalette>

namespace Liq {
namespace {

QPalette lightPalette()
{
    QPalette p;
    const QColor window(0xF4, 0xF5, 0xF7);
    const QColor base(0xFF, 0xFF, 0xFF);
    const QColor text(0x1C, 0x1F, 0x24);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xF7, 0xF8, 0xFA));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xFA, 0xFB, 0xFC));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x86, 0x8F));
    p.setColor(QPalette::Highlight, QColor(0x2A, 0x6F, 0xDB));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1F, 0x5F, 0xC4));
    p.setColor(QPalette::Mid, QColor(0xC9, 0xCD, 0xD3));
    p.setColor(QPalette::Midlight, QColor(0xE3, 0xE6, 0xEA));
    p.setColor(QPalette::Dark, QColor(0xA0, 0xA5, 0xAD));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9A, 0x9F, 0xA6));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9A, 0x9F, 0xA6));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9A, 0x9F, 0xA6));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x17, 0x1A, 0x1F);
    const QColor base(0x20, 0x24, 0x2B);
    const QColor text(0xE6, 0xE8, 0xEB);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x25, 0x2A, 0x32));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2A, 0x2F, 0x37));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8A, 0x90, 0x99));
    p.setColor(QPalette::Highlight, QColor(0x3D, 0x7E, 0xE6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7F, 0xB2, 0xFF));
    p.setColor(QPalette::Light, QColor(0x3A, 0x40, 0x4A));
    p.setColor(QPalette::Midlight, QColor(0x30, 0x35, 0x3D));
    p.setColor(QPalette::Mid, QColor(0x3A, 0x40, 0x4A));
    p.setColor(QPalette::Dark, QColor(0x10, 0x12, 0x16));
    p.setColor(QPalette::Shadow, QColor(0x05, 0x06, 0x08));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6A, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6A, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6A, 0x70, 0x78));
    return p;
}

} // namespace

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::System: return QStringLiteral("system");
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

Theme themeFromKey(const QString &key)
{
    if (key == u"light")
        return Theme::Light;
    if (key == u"dark")
        return Theme::Dark;
    return Theme::System;
}

QString themeText(Theme theme)
{
    switch (theme) {
    case Theme::System: return QApplication::tr("System");
    case Theme::Light: return QApplication::tr("Light");
    case Theme::Dark: return QApplication::tr("Dark");
    }
    return {};
}

void applyTheme(QApplication &app, Theme theme)
{
    // Fusion draws the same on every platform and honours the palette fully, dark included; our proxy
    // of it draws the flat table headers. Set once: the palette is all a theme change needs.
    if (!qobject_cast<DashboardStyle *>(app.style()))
        app.setStyle(new DashboardStyle);
    switch (theme) {
    case Theme::System: app.setPalette(app.style()->standardPalette()); break;
    case Theme::Light: app.setPalette(lightPalette()); break;
    case Theme::Dark: app.setPalette(darkPalette()); break;
    }
}

} // namespace Liq
