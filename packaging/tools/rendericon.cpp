// liqscope-render-icon: renders the SVG application icon to square PNGs with QtSvg, or checks that
// committed PNGs still match the SVG. Used by packaging/render-icons.sh and the packaging_icons test.
//
//   liqscope-render-icon [--check] SVG OUTDIR SIZE...
//
// Writes (or compares) OUTDIR/liqscope-<SIZE>.png. Exit status: 0 ok, 1 mismatch or error, 2 usage.

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QStringList>
#include <QSvgRenderer>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

// Largest per-channel difference; renderers and zlib versions may differ by a rounding step or two.
int largestDifference(const QImage &a, const QImage &b)
{
    int largest = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *lineA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lineB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            largest = std::max({largest, std::abs(qRed(lineA[x]) - qRed(lineB[x])),
                                std::abs(qGreen(lineA[x]) - qGreen(lineB[x])),
                                std::abs(qBlue(lineA[x]) - qBlue(lineB[x])),
                                std::abs(qAlpha(lineA[x]) - qAlpha(lineB[x]))});
        }
    }
    return largest;
}

bool writePng(const QImage &image, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        err() << "liqscope-render-icon: cannot write " << path << ": " << file.errorString() << '\n';
        return false;
    }
    return true;
}

bool checkPng(const QImage &expected, const QString &path, const QString &svgPath)
{
    constexpr int tolerance = 3;
    QImage committed(path);
    if (committed.isNull()) {
        err() << "liqscope-render-icon: " << path
              << " is missing or not a PNG; run packaging/render-icons.sh\n";
        return false;
    }
    committed = committed.convertToFormat(QImage::Format_ARGB32);
    if (committed.size() != expected.size()) {
        err() << "liqscope-render-icon: " << path << " is " << committed.width() << 'x' << committed.height()
              << ", expected " << expected.width() << 'x' << expected.height() << '\n';
        return false;
    }
    const int difference = largestDifference(committed, expected);
    if (difference > tolerance) {
        err() << "liqscope-render-icon: " << path << " is out of date with " << svgPath
              << " (a channel differs by " << difference << "); run packaging/render-icons.sh\n";
        return false;
    }
    return true;
}

std::optional<int> parseSize(const QString &text)
{
    bool ok = false;
    const int size = text.toInt(&ok);
    if (!ok || size < 8 || size > 2048)
        return std::nullopt;
    return size;
}

} // namespace

int main(int argc, char *argv[])
{
    // Rendering needs no display; the offscreen platform keeps this usable on build machines.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool check = arguments.removeAll(QStringLiteral("--check")) > 0;
    if (arguments.size() < 3) {
        err() << "usage: liqscope-render-icon [--check] SVG OUTDIR SIZE...\n";
        return 2;
    }
    const QString svgPath = arguments.takeFirst();
    const QDir outDir(arguments.takeFirst());

    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid()) {
        err() << "liqscope-render-icon: " << svgPath << " is missing or not a valid SVG\n";
        return 1;
    }
    if (!check && !outDir.exists() && !QDir().mkpath(outDir.path())) {
        err() << "liqscope-render-icon: cannot create " << outDir.path() << '\n';
        return 1;
    }

    bool allGood = true;
    for (const QString &sizeText : std::as_const(arguments)) {
        const auto size = parseSize(sizeText);
        if (!size) {
            err() << "liqscope-render-icon: size '" << sizeText << "' is not a whole number from 8 to 2048\n";
            return 2;
        }
        const QImage image = render(renderer, *size);
        const QString path = outDir.filePath(QStringLiteral("liqscope-%1.png").arg(*size));
        allGood = (check ? checkPng(image, path, svgPath) : writePng(image, path)) && allGood;
    }
    return allGood ? 0 : 1;
}
