// The dashboard's look without a style sheet: the proxy style, the cards, the error banner and the
// PNG encoding of screenshots.
#include "card.h"
#include "dashboardstyle.h"
#include "errorbanner.h"
#include "liqpalette.h"
#include "pngexport.h"
#include "theme.h"

#include <QApplication>
#include <QBuffer>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace Liq;

namespace {

// A widget inside a window-coloured parent, grabbed as the user would see it.
QImage grabInWindow(QWidget *child, const QSize &size, const QPalette &palette = QApplication::palette())
{
    QWidget window;
    window.setPalette(palette);
    window.setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(child);
    window.resize(size);
    window.show();
    QCoreApplication::processEvents();
    QImage image = window.grab().toImage();
    child->setParent(nullptr);
    return image;
}

// The application palette with one colour changed to a clearly different one.
QPalette paletteWith(QPalette::ColorRole role)
{
    QPalette palette = QApplication::palette();
    const QColor old = palette.color(role);
    palette.setColor(role, QColor(255 - old.red(), old.blue(), 255 - old.green()));
    return palette;
}

// Whether two pictures agree within a region.
bool sameIn(const QImage &a, const QImage &b, const QRect &region)
{
    return a.copy(region) == b.copy(region);
}

int headerHeight(QStyle *style)
{
    QStandardItemModel model(1, 2);
    model.setHorizontalHeaderLabels({u"Window"_qs, u"Longs"_qs});
    QTableView view;
    view.setModel(&model);
    view.horizontalHeader()->setStyle(style); // a style is not inherited by child widgets
    return view.horizontalHeader()->sizeHint().height();
}

} // namespace

class tst_DashboardLook final : public QObject
{
    Q_OBJECT

private slots:
    void themeUsesTheProxyStyleAndNoStyleSheet();
    void cardPaintsBaseAndBorder();
    void cardTitleIsSemiBoldInTheAppFont();
    void headersAreFlatWithRoomAroundText();
    void errorBannerIsTinted();
    void pngIsLosslessAndCompressed();
    void pngOfNothingIsEmpty();
};

void tst_DashboardLook::themeUsesTheProxyStyleAndNoStyleSheet()
{
    applyTheme(*qApp, Theme::Light);
    auto *style = qobject_cast<DashboardStyle *>(QApplication::style());
    QVERIFY(style);
    QVERIFY(qApp->styleSheet().isEmpty());
    QVERIFY(!LiqPalette::isDark(QApplication::palette()));
    // A theme change swaps the palette and keeps the style.
    applyTheme(*qApp, Theme::Dark);
    QCOMPARE(qobject_cast<DashboardStyle *>(QApplication::style()), style);
    QVERIFY(LiqPalette::isDark(QApplication::palette()));
    applyTheme(*qApp, Theme::Light);
}

void tst_DashboardLook::cardPaintsBaseAndBorder()
{
    applyTheme(*qApp, Theme::Light);
    const auto grabCard = [](const QPalette &palette) {
        Card card;
        return grabInWindow(&card, QSize(200, 100), palette);
    };
    const QImage plain = grabCard(QApplication::palette());
    const QRect inside(80, 40, 40, 20);
    const QRect edges[] = {QRect(60, 0, 80, 1), QRect(60, 99, 80, 1)};
    const QRect corner(0, 0, 1, 1);
    // Inside: the base colour; the edge: the border (Midlight); the rounded corner: the window behind it.
    const QImage base = grabCard(paletteWith(QPalette::Base));
    QVERIFY(!sameIn(plain, base, inside));
    QVERIFY(sameIn(plain, base, edges[0]) && sameIn(plain, base, edges[1]) && sameIn(plain, base, corner));
    const QImage border = grabCard(paletteWith(QPalette::Midlight));
    QVERIFY(!sameIn(plain, border, edges[0]) && !sameIn(plain, border, edges[1]));
    QVERIFY(sameIn(plain, border, inside) && sameIn(plain, border, corner));
    const QImage window = grabCard(paletteWith(QPalette::Window));
    QVERIFY(!sameIn(plain, window, corner));
    QVERIFY(sameIn(plain, window, inside) && sameIn(plain, window, edges[0]));
}

void tst_DashboardLook::cardTitleIsSemiBoldInTheAppFont()
{
    QWidget parent;
    QFont appFont = QApplication::font();
    appFont.setPointSizeF(13.5);
    parent.setFont(appFont);
    QLabel *title = Card::makeTitle(u"Market read"_qs, &parent);
    QCOMPARE(title->text(), u"Market read"_qs);
    QCOMPARE(title->font().weight(), QFont::DemiBold);
    QCOMPARE(title->font().pointSizeF(), 13.5);
    QCOMPARE(title->font().family(), appFont.family());
}

void tst_DashboardLook::headersAreFlatWithRoomAroundText()
{
    applyTheme(*qApp, Theme::Light);
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_qs));
    QVERIFY(fusion);
    QVERIFY(headerHeight(QApplication::style()) > headerHeight(fusion.get()));

    int sectionWidth = 0;
    const auto grabHeader = [&sectionWidth](const QPalette &palette) {
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({u"W"_qs, u"L"_qs});
        QTableView view;
        view.setPalette(palette);
        view.setModel(&model);
        view.resize(300, 120);
        view.show();
        QCoreApplication::processEvents();
        sectionWidth = view.horizontalHeader()->sectionSize(0);
        return view.horizontalHeader()->grab().toImage();
    };
    const QImage plain = grabHeader(QApplication::palette());
    // Beside the first label, and the row under both sections.
    const QRect background(sectionWidth / 2 + 15, 1, 10, 3);
    const QRect underline(10, plain.height() - 1, 2 * sectionWidth - 20, 1);
    // Flat: the header's background is the base colour, with a line (Mid) under it, and none of
    // Fusion's button shading.
    const QImage base = grabHeader(paletteWith(QPalette::Base));
    QVERIFY(!sameIn(plain, base, background));
    QVERIFY(sameIn(plain, base, underline));
    const QImage mid = grabHeader(paletteWith(QPalette::Mid));
    QVERIFY(!sameIn(plain, mid, underline));
    QVERIFY(sameIn(plain, mid, background));
    QCOMPARE(grabHeader(paletteWith(QPalette::Button)), plain);
}

void tst_DashboardLook::errorBannerIsTinted()
{
    applyTheme(*qApp, Theme::Light);
    const auto grabBanner = [](const QPalette &palette) {
        ErrorBanner banner;
        banner.showMessage(u"sample.json: line 3: not a number"_qs);
        return grabInWindow(&banner, QSize(400, 60), palette);
    };
    const auto grabNothing = [](const QPalette &palette) {
        QWidget nothing;
        return grabInWindow(&nothing, QSize(400, 60), palette);
    };
    const QImage banner = grabBanner(QApplication::palette());
    const QImage behind = grabNothing(QApplication::palette());
    // Under the text, inside the border.
    const QRect inside(150, banner.height() - 4, 100, 2);
    QVERIFY(!sameIn(banner, behind, inside));
    // A wash of the error colour: redder and less blue than the window behind it...
    const QColor tint = banner.pixelColor(inside.center());
    const QColor window = behind.pixelColor(inside.center());
    QVERIFY2(tint.red() >= tint.blue() && tint.blue() < window.blue(),
             qPrintable(tint.name() + u' ' + window.name()));
    // ... through which the window shows, so it reads on light and dark.
    QVERIFY(!sameIn(banner, grabBanner(paletteWith(QPalette::Window)), inside));
}

void tst_DashboardLook::pngIsLosslessAndCompressed()
{
    // A picture like a dashboard: flat areas, lines and some noise.
    QImage source(640, 400, QImage::Format_RGB32);
    source.fill(QColor(0xF4, 0xF5, 0xF7));
    for (int y = 0; y < source.height(); y += 40)
        for (int x = 0; x < source.width(); ++x)
            source.setPixel(x, y, qRgb(0xC9, 0xCD, 0xD3));
    for (int i = 0; i < 5000; ++i)
        source.setPixel((i * 7919) % 640, (i * 104729) % 400, qRgb(i % 256, (i * 3) % 256, (i * 7) % 256));
    const QByteArray png = encodePng(QPixmap::fromImage(source));
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    // Compressed, not stored: a stored 640x400 RGB picture is 768 KB.
    QVERIFY2(png.size() < 640 * 400 * 3 / 8, qPrintable(QString::number(png.size())));
    QBuffer buffer;
    buffer.setData(png);
    QImageReader reader(&buffer, "png");
    const QImage decoded = reader.read().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(decoded, source);
}

void tst_DashboardLook::pngOfNothingIsEmpty()
{
    QVERIFY(encodePng(QPixmap()).isEmpty());
}

QTEST_MAIN(tst_DashboardLook)
#include "tst_dashboardlook.moc"
