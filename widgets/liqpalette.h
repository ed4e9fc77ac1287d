#pragma once

#include <QColor>

class QPalette;

namespace Liq {

// The colours that mean something, fixed app-wide so the chart, legend, cards, gauge and exports agree.
// Okabe–Ito orange and blue: distinguishable with every common colour-vision deficiency, and every use
// also carries text ("Longs", "Shorts") so nothing depends on colour alone.
namespace LiqPalette {

inline QColor longColor()
{
    return QColor(0xE6, 0x9F, 0x00);
}
inline QColor shortColor()
{
    return QColor(0x00, 0x72, 0xB2);
}
// Where the gauge shows "balanced".
inline QColor neutralColor()
{
    return QColor(0x99, 0x99, 0x99);
}
inline QColor errorColor()
{
    return QColor(0xD5, 0x5E, 0x00); // Okabe–Ito vermillion
}

// Whether a palette is a dark one (light text on a dark window).
bool isDark(const QPalette &palette);
// Secondary text: the text colour blended toward the background.
QColor mutedText(const QPalette &palette);
// A card's border / a divider.
QColor divider(const QPalette &palette);

} // namespace LiqPalette
} // namespace Liq
