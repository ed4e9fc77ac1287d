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

// A card inside a window-coloured parent, grabbed as the user would see it.
QImage grabInWindow(QWidget *child, const QSize &size)
{
    QWidget window;
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
    const QPalette pal = QApplication::palette();
    QVERIFY(pal.color(QPalette::Base) != pal.color(QPalette::Window));
    auto *card = new Card;
    const QImage image = grabInWindow(card, QSize(200, 100));
    delete card;
    // Inside: the base colour; the rounded corner: the window behind it; the edge: the border.
    QCOMPARE(image.pixelColor(100, 50), pal.color(QPalette::Base));
    QCOMPARE(image.pixelColor(0, 0), pal.color(QPalette::Window));
    QCOMPARE(image.pixelColor(100, 0), pal.color(QPalette::Midlight));
    QCOMPARE(image.pixelColor(100, 99), pal.color(QPalette::Midlight));
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

    QStandardItemModel model(1, 2);
    model.setHorizontalHeaderLabels({u"W"_qs, u"L"_qs});
    QTableView view;
    view.setModel(&model);
    view.resize(300, 120);
    view.show();
    QCoreApplication::processEvents();
    QHeaderView *header = view.horizontalHeader();
    const QImage image = header->grab().toImage();
    const QPalette pal = header->palette();
    // Flat: the header's background is the base colour, with a line under it.
    QCOMPARE(image.pixelColor(header->sectionSize(0) / 2 + 20, 2), pal.color(QPalette::Base));
    QCOMPARE(image.pixelColor(header->sectionSize(0) / 2 + 20, image.height() - 1), pal.color(QPalette::Mid));
}

void tst_DashboardLook::errorBannerIsTinted()
{
    applyTheme(*qApp, Theme::Light);
    auto *banner = new ErrorBanner;
    banner->showMessage(u"sample.json: line 3: not a number"_qs);
    const QImage image = grabInWindow(banner, QSize(400, 60));
    delete banner;
    const QColor window = QApplication::palette().color(QPalette::Window);
    const QColor inside = image.pixelColor(200, image.height() - 3);
    // A wash of the error colour: redder and less blue than the window behind it.
    QVERIFY2(inside != window, qPrintable(inside.name()));
    QVERIFY(inside.red() >= inside.blue());
    QVERIFY(inside.blue() < window.blue());
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
