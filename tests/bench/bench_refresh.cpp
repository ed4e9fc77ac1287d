// Main-thread cost of a refresh: a new snapshot with a 500-coin breakdown applied to the session, the
// item models, the chart, the gauge, the KPIs, the summary and the tables of a shown main window.
// Goals (issue 6): < 2 ms without painting, < 16 ms with one offscreen paint.
#include "benchdata.h"
#include "itemmodels/breakdowntablemodel.h"
#include "mainwindow.h"
#include "session/dashboardsession.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

using namespace Liq;

class BenchRefresh final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void applySnapshot_data();
    void applySnapshot();
    void cleanupTestCase();

private:
    std::unique_ptr<MainWindow> m_window;
    std::array<LiquidationSnapshot, 2> m_snapshots;
};

void BenchRefresh::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never the user's settings
    m_window = std::make_unique<MainWindow>(false);
    m_window->setAttribute(Qt::WA_DontShowOnScreen);
    m_window->resize(1280, 800);
    m_window->show();
    QApplication::processEvents(); // laid out and polished, as if shown; never mapped
    QVERIFY(m_window->isVisible());
    for (int variant = 0; variant < 2; ++variant) {
        m_snapshots[variant] = Bench::coinSnapshot(500, variant);
        QCOMPARE(m_snapshots[variant].breakdown.size(), 500);
    }
    // The first refresh builds what later ones reuse; a benchmark measures the steady state.
    m_window->session()->setSnapshot(m_snapshots[0], {}, QStringLiteral("bench"));
    QApplication::processEvents();
    m_window->grab();
}

void BenchRefresh::applySnapshot_data()
{
    QTest::addColumn<bool>("paint");
    QTest::newRow("without painting") << false;
    QTest::newRow("with one offscreen paint") << true;
}

void BenchRefresh::applySnapshot()
{
    QFETCH(bool, paint);
    DashboardSession *session = m_window->session();
    int next = 1;
    int changes = 0;
    QObject scope; // the connection's context: it ends with this frame, also on an early return
    connect(session, &DashboardSession::changed, &scope, [&changes] { ++changes; });
    QBENCHMARK
    {
        session->setSnapshot(m_snapshots[next], {}, QStringLiteral("bench"));
        next = 1 - next;
        if (paint) {
            // Layout requests and chart scene updates are posted events: run them, then paint once.
            QApplication::processEvents();
            const QPixmap pixmap = m_window->grab();
            QVERIFY(!pixmap.isNull());
        }
    }
    // Every iteration really replaced the data on screen.
    QVERIFY(changes > 0);
    QCOMPARE(session->snapshot().breakdown.size(), 500);
    QCOMPARE(session->breakdownModel()->rowCount(), 500);
}

void BenchRefresh::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(BenchRefresh)
#include "bench_refresh.moc"
