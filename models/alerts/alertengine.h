#pragma once

#include "alerts/alert.h"
#include "alerts/alertrule.h"
#include "analysis/marketanalysis.h"
#include "domain/liquidationevent.h"
#include "domain/liquidationsnapshot.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace Liq {

// Where data fed to the engine comes from: as it happens (Live), or from the past (Replay: a file, a
// store's refill, a history, an exchange's REST catch-up). Replay never fires.
enum class AlertDataOrigin { Live, Replay };

// The engine's timing, in milliseconds. The defaults are what the desktop and liqscope-collect use.
struct AlertTiming
{
    // After a squeeze, total, cascade or momentum alert, the same rule (and scope) stays quiet this long
    // even if its condition falls and rises again.
    qint64 cooldownMs = 10 * 60 * 1000;
    // Liquidations matching one rule this close together are one burst, reported in one alert ...
    qint64 burstGapMs = 5 * 1000;
    // ... reported at the latest this long after the burst's first liquidation ...
    qint64 burstMaxMs = 60 * 1000;
    // ... and the next burst of the same rule waits this long after the last alert (what matches meanwhile
    // joins it, so nothing is lost and a storm is one alert a minute).
    qint64 burstCooldownMs = 60 * 1000;
    // Data older than this when it arrives is replay even when marked live: a snapshot's as-of time, a
    // liquidation's exchange time (a reconnect's catch-up, a history opened).
    qint64 staleSnapshotMs = 10 * 60 * 1000;
    qint64 staleEventMs = 2 * 60 * 1000;
};

// Turns the live snapshots and liquidations into alerts by the rules, without storms or flicker:
//   - a rule fires when its condition becomes true, not while it stays true;
//   - hysteresis: once true, a condition stays true until it fails the relaxed thresholds of
//     AlertHysteresis (a squeeze score wobbling around a level's threshold alerts once);
//   - a cooldown per rule (its scope is part of it): AlertTiming::cooldownMs;
//   - liquidations of a rule that come in a burst become one alert with their count, sum and side;
//   - nothing from before the engine started, nothing marked Replay and nothing stale ever fires. A
//     replayed snapshot still sets whether a condition holds, so live data that continues it stays quiet.
// The engine starts at construction (startedMs()); time comes from the injected clock, so tests control
// it. Bursts close, cascades age and cooldowns end as the clock moves: checkTime() looks, called after
// every feed and by a one-second timer while something is pending (tests call it after moving the clock).
class AlertEngine final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>; // milliseconds since the epoch, UTC

    // With the system clock.
    explicit AlertEngine(QObject *parent = nullptr);
    explicit AlertEngine(Clock clock, QObject *parent = nullptr);
    ~AlertEngine() override;

    // The rules to watch. A rule kept from the previous set (same text) keeps its state and cooldown.
    void setRules(const QList<AlertRule> &rules);
    QList<AlertRule> rules() const;
    void setTiming(const AlertTiming &timing) { m_timing = timing; }
    const AlertTiming &timing() const { return m_timing; }
    qint64 startedMs() const { return m_startedMs; }

    // No alert until then (the tray's "pause alerts for 1 h"); conditions and bursts are still followed,
    // so nothing that happened during the pause is raised after it. 0: not paused.
    void pauseUntil(qint64 ms) { m_pausedUntilMs = ms; }
    bool isPaused() const { return m_clock() < m_pausedUntilMs; }

public slots:
    // A new picture of the whole market with its analysis: analyzeSnapshot(snapshot, config) of the whole
    // snapshot (DashboardSession::snapshot() and config(), not the dashboard's scoped analysis).
    void feedSnapshot(const Liq::LiquidationSnapshot &snapshot, const Liq::MarketAnalysis &analysis,
                      Liq::AlertDataOrigin origin = Liq::AlertDataOrigin::Live);
    // Liquidations as they count (LiveSource::eventsReceived), duplicates already dropped.
    void feedEvents(const QList<Liq::LiquidationEvent> &events,
                    Liq::AlertDataOrigin origin = Liq::AlertDataOrigin::Live);
    // Closes the bursts that are due and ages the cascades.
    void checkTime();
    // Forgets every condition, burst and cascade (a new source); cooldowns stay.
    void reset();

signals:
    void alertRaised(const Liq::Alert &alert);

private:
    struct Cascaded
    {
        qint64 ms;
        double usd;
        LiquidatedSide side;
    };
    struct RuleState
    {
        AlertRule rule;
        bool active = false; // the condition holds (with hysteresis)
        bool hasFired = false;
        qint64 lastFiredMs = 0;
        LiquidationBurst burst; // liquidation rules: count 0 when none is open
        std::deque<Cascaded> cascade; // cascade rules: the matching liquidations of the last minutes
    };

    void readSnapshot(RuleState &state, const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis,
                      bool live, qint64 now);
    void addEvent(RuleState &state, const LiquidationEvent &event, qint64 now);
    void checkCascade(RuleState &state, qint64 now);
    void closeBurst(RuleState &state, qint64 now);
    bool inCooldown(const RuleState &state, qint64 cooldownMs, qint64 now) const;
    void raise(RuleState &state, Alert alert, qint64 now);
    bool isReplay(qint64 timeMs, qint64 staleMs, qint64 now) const;
    void updateTimer();

    Clock m_clock;
    qint64 m_startedMs = 0;
    qint64 m_pausedUntilMs = 0;
    AlertTiming m_timing;
    QList<RuleState> m_states;
    QTimer m_timer;
};

} // namespace Liq
