#include "pngexport.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPixmap>

namespace Liq {
namespace {

// Qt's PNG writer maps quality q to zlib level (100 - q) * 9 / 91: 80..89 is level 1, the fastest
// that still compresses (90 and above store the pixels uncompressed).
constexpr int FastestCompressionQuality = 85;

} // namespace

QByteArray encodePng(const QPixmap &pixmap)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(FastestCompressionQuality);
    if (pixmap.isNull() || !writer.write(pixmap.toImage()))
        return {};
    return bytes;
}

} // namespace Liq
