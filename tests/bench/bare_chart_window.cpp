// The start-up baseline for tools/bench: the least a Qt Charts dashboard can do. A QMainWindow with one
// QChartView of four stacked bars (long and short per window) grabs itself to a PNG and exits, so
// `liqscope --screenshot` can be compared with it, process against process, on the same machine.
//   bare_chart_window OUTPUT.png [WIDTHxHEIGHT]
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QMainWindow>
#include <QPixmap>
#include <QStackedBarSeries>
#include <QTextStream>
#include <QValueAxis>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        err << "usage: bare_chart_window OUTPUT.png [WIDTHxHEIGHT]" << Qt::endl;
        return 2;
    }
    QSize size(1280, 800);
    if (arguments.size() > 2) {
        const QStringList parts = arguments.at(2).split(QLatin1Char('x'));
        if (parts.size() == 2)
            size = QSize(parts.at(0).toInt(), parts.at(1).toInt());
    }

    // The same magnitudes as the bundled sample's windows, in millions of USD.
    auto *longs = new QBarSet(QStringLiteral("Longs"));
    auto *shorts = new QBarSet(QStringLiteral("Shorts"));
    *longs << 12.4 << 40.1 << 95.3 << 180.2;
    *shorts << 30.5 << 88.0 << 160.7 << 420.9;
    auto *series = new QStackedBarSeries;
    series->append(longs);
    series->append(shorts);

    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(QStringLiteral("Liquidations (USD millions)"));
    auto *categories = new QBarCategoryAxis;
    categories->append(
        {QStringLiteral("1h"), QStringLiteral("4h"), QStringLiteral("12h"), QStringLiteral("24h")});
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);

    QMainWindow window;
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    window.setCentralWidget(view);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(size);
    window.show();
    for (int i = 0; i < 3; ++i)
        app.processEvents();

    const QPixmap pixmap = window.grab();
    if (!pixmap.save(arguments.at(1), "PNG")) {
        err << "bare_chart_window: cannot write " << arguments.at(1) << Qt::endl;
        return 1;
    }
    return 0;
}
