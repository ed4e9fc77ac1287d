#pragma once

#include "alerts/alertengine.h"
#include "alerts/alertsettings.h"

#include <QObject>

namespace Liq {

class AlertListModel;
class DashboardSession;
class LiveSession;

// The window's alerts, without any widget: the rules from the settings, the engine fed by the live
// session (each snapshot judged whole, with the session's one analysis configuration; each liquidation as
// it counts), and the list of what fired. The first picture of each new source is the past (a store's
// refill, a feed's first poll): it sets what holds without firing, so opening Liqscope during a squeeze
// does not alert for what was already under way. Delivery (notifications, the tray) is the app's.
class AlertCenter final : public QObject
{
    Q_OBJECT
public:
    AlertCenter(LiveSession *live, DashboardSession *session, QObject *parent = nullptr);

    void setRules(const QList<AlertRuleSetting> &rules);
    const QList<AlertRuleSetting> &rules() const { return m_rules; }
    // True when at least one rule is switched on.
    bool isActive() const { return !AlertSettings::enabledRules(m_rules).isEmpty(); }
    void pauseFor(qint64 ms);
    void resumeAlerts() { m_engine.pauseUntil(0); }
    bool isPaused() const { return m_engine.isPaused(); }
    AlertEngine *engine() { return &m_engine; }
    AlertListModel *alerts() const { return m_alerts; }

signals:
    void alertRaised(const Liq::Alert &alert);

private:
    DashboardSession *m_session;
    AlertEngine m_engine;
    AlertListModel *m_alerts;
    QList<AlertRuleSetting> m_rules;
    bool m_sourceIsNew = true;
};

} // namespace Liq
