#include "session/alertcenter.h"

#include "itemmodels/alertlistmodel.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"

#include <QDateTime>

namespace Liq {

AlertCenter::AlertCenter(LiveSession *live, DashboardSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_alerts(new AlertListModel(this))
{
    connect(live, &LiveSession::sourceChanged, this, [this] {
        m_sourceIsNew = true;
        m_engine.reset();
    });
    connect(live, &LiveSession::snapshotArrived, this, [this](const LiquidationSnapshot &snapshot) {
        const AlertDataOrigin origin = m_sourceIsNew ? AlertDataOrigin::Replay : AlertDataOrigin::Live;
        m_sourceIsNew = false;
        m_engine.feedSnapshot(snapshot, analyzeSnapshot(snapshot, m_session->config()), origin);
    });
    connect(live, &LiveSession::eventsReceived, &m_engine,
            [this](const QList<LiquidationEvent> &events) { m_engine.feedEvents(events); });
    connect(&m_engine, &AlertEngine::alertRaised, this, [this](const Alert &alert) {
        m_alerts->append(alert);
        emit alertRaised(alert);
    });
}

void AlertCenter::setRules(const QList<AlertRuleSetting> &rules)
{
    m_rules = rules;
    m_engine.setRules(AlertSettings::enabledRules(rules));
}

void AlertCenter::pauseFor(qint64 ms)
{
    m_engine.pauseUntil(QDateTime::currentMSecsSinceEpoch() + ms);
}

} // namespace Liq
