// MainWindow's event views (for the exchange streams): the liquidation tape and the 24h timeline, each
// a tab beside the charts. Their widgets (a QChart for the timeline) are made when the tab is first
// shown, so start-up pays nothing for them; the tape's model records from the start.
#include "itemmodels/liquidationtapemodel.h"
#include "liquidationtape.h"
#include "liquidationtimeline.h"
#include "live/livesource.h"
#include "mainwindow.h"
#include "session/livesession.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace Liq {

void MainWindow::addEventTabs()
{
    m_tapeModel = new LiquidationTapeModel(this);
    connect(m_live, &LiveSession::eventsReceived, m_tapeModel, &LiquidationTapeModel::append);
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

LiquidationTape *MainWindow::liquidationTape()
{
    if (!m_tape) {
        m_tape = new LiquidationTape(m_tapeModel);
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
    const LiveSource *source = m_live->source();
    const std::optional<Timeline> buckets
        = source ? source->timeline(timeline->bucketMinutes()) : std::nullopt;
    timeline->setTimeline(buckets.value_or(Timeline()));
}

} // namespace Liq
