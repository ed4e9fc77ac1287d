// MainWindow's event views (for the exchange streams): the liquidation tape and the 24h timeline, each
// a tab beside the charts. Their widgets (a QChart for the timeline) are made when the tab is first
// shown, so start-up pays nothing for them; the tape's model records from the start.
#include "errorbanner.h"
#include "exporteventsdialog.h"
#include "itemmodels/liquidationtapemodel.h"
#include "liquidationtape.h"
#include "liquidationtimeline.h"
#include "live/livesource.h"
#include "mainwindow.h"
#include "session/dashboardsession.h"
#include "session/eventexport.h"
#include "session/livesession.h"
#include "session/storeday.h"
#include "store/eventstore.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Liq {

void MainWindow::addEventTabs()
{
    m_exportEventsAction = new QAction(tr("Export &Events as CSV…"), this);
    m_exportEventsAction->setToolTip(
        tr("Liquidations kept in the event store, of a span or range you choose"));
    m_exportEventsAction->setEnabled(false); // until a store is open
    connect(m_exportEventsAction, &QAction::triggered, this, &MainWindow::askToExportEvents);
    m_tapeModel = new LiquidationTapeModel(this);
    connect(m_live, &LiveSession::eventsReceived, m_tapeModel, &LiquidationTapeModel::append);
    connect(m_live, &LiveSession::eventsRestored, m_tapeModel, &LiquidationTapeModel::append);
    connect(m_session, &DashboardSession::storeEventsRestored, m_tapeModel, &LiquidationTapeModel::append);
    m_timelineTab = new QWidget;
    new QVBoxLayout(m_timelineTab);
    m_tapeTab = new QWidget;
    new QVBoxLayout(m_tapeTab);
    m_chartTabs->addTab(m_timelineTab, tr("&Timeline"));
    m_chartTabs->setTabToolTip(m_chartTabs->indexOf(m_timelineTab),
                               tr("Longs and shorts of the last 24 hours, bar by bar (exchange streams)"));
    m_chartTabs->addTab(m_tapeTab, tr("T&ape"));
    m_chartTabs->setTabToolTip(m_chartTabs->indexOf(m_tapeTab), tr("The newest liquidations, one by one"));
    connect(m_chartTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_chartTabs->widget(index) == m_timelineTab)
            updateTimeline();
        else if (m_chartTabs->widget(index) == m_tapeTab)
            liquidationTape();
    });
}

void MainWindow::askToExportEvents()
{
    ExportEventsDialog range(this);
    if (range.exec() != QDialog::Accepted)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Events"), range.suggestedFileName(),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportEvents(range.fromMs(), range.untilMs(), path);
}

void MainWindow::exportEvents(qint64 fromMs, qint64 untilMs, const QString &path)
{
    if (m_storePath.isEmpty() || !m_exportEventsAction->isEnabled())
        return; // no store, or an export still running
    if (m_store)
        m_store->flush(); // what arrived a moment ago too
    const QString name = QFileInfo(path).fileName();
    m_exportEventsAction->setEnabled(false);
    statusBar()->showMessage(tr("Exporting liquidations to %1…").arg(name));
    // The watcher dies with the window; the worker reads through a connection of its own.
    auto *watcher = new QFutureWatcher<EventExportResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        m_exportEventsAction->setEnabled(true);
        const EventExportResult result = watcher->result();
        if (!result.ok()) {
            statusBar()->clearMessage();
            m_banner->showMessage(result.error);
            m_bannerFromFeed = false;
            return;
        }
        // No plural form to get wrong: the count stands alone.
        statusBar()->showMessage(
            tr("Liquidations exported to %1: %2").arg(name, QLocale().toString(result.count)), 10'000);
    });
    watcher->setFuture(startExportingStoredEvents(m_storePath, fromMs, untilMs, path));
}

LiquidationTape *MainWindow::liquidationTape()
{
    if (!m_tape) {
        m_tape = new LiquidationTape(m_tapeModel);
        m_tape->setPlaceholder(
            tr("Liquidations appear here one by one as the exchanges report them: Watch Live (free) starts "
               "the streams."));
        m_tapeTab->layout()->addWidget(m_tape);
    }
    return m_tape;
}

LiquidationTimeline *MainWindow::liquidationTimeline()
{
    if (!m_timeline) {
        m_timeline = new LiquidationTimeline;
        m_timelineTab->layout()->addWidget(m_timeline);
        connect(m_timeline, &LiquidationTimeline::bucketMinutesChanged, this, &MainWindow::updateTimeline);
    }
    return m_timeline;
}

// Follows the live source while the tab is shown (at most once a second: as often as snapshots come).
void MainWindow::updateTimeline()
{
    if (m_chartTabs->currentWidget() != m_timelineTab)
        return;
    LiquidationTimeline *timeline = liquidationTimeline();
    // The live source's day; without one, the day of the kept store on screen.
    const LiveSource *source = m_live->source();
    const StoreDay *storeDay = m_session->storeDay();
    std::optional<Timeline> buckets = source ? source->timeline(timeline->bucketMinutes()) : std::nullopt;
    if (!buckets && storeDay)
        buckets = storeDay->timeline(timeline->bucketMinutes());
    timeline->setPlaceholder(
        tr("The timeline fills from the exchanges' free streams: Watch Live (free) starts them."));
    timeline->setTimeline(buckets.value_or(Timeline()));
}

} // namespace Liq
