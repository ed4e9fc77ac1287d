#include "alertengine.h"

#include "alerts/alertcheck.h"

#include <QDateTime>

namespace Liq {
namespace {

constexpr int CheckIntervalMs = 1000;

bool readsSnapshots(AlertKind kind)
{
    return kind == AlertKind::Squeeze || kind == AlertKind::Total || kind == AlertKind::Momentum;
}

// When the liquidation happened; 0 when nobody said (never live).
qint64 eventTimeMs(const LiquidationEvent &event)
{
    return event.exchangeTimeMs > 0 ? event.exchangeTimeMs : event.receiveTimeMs;
}

} // namespace

AlertEngine::AlertEngine(QObject *parent)
    : AlertEngine([] { return QDateTime::currentMSecsSinceEpoch(); }, parent)
{ }

AlertEngine::AlertEngine(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_startedMs(m_clock())
{
    m_timer.setInterval(CheckIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AlertEngine::checkTime);
}

AlertEngine::~AlertEngine() = default;

void AlertEngine::setRules(const QList<AlertRule> &rules)
{
    QList<RuleState> states;
    for (const AlertRule &rule : rules) {
        const auto kept = std::find_if(m_states.cbegin(), m_states.cend(),
                                       [&rule](const RuleState &state) { return state.rule == rule; });
        if (kept != m_states.cend()) {
            states.append(*kept);
        } else {
            RuleState state;
            state.rule = rule;
            states.append(state);
        }
    }
    m_states = states;
    updateTimer();
}

QList<AlertRule> AlertEngine::rules() const
{
    QList<AlertRule> rules;
    for (const RuleState &state : m_states)
        rules.append(state.rule);
    return rules;
}

bool AlertEngine::isReplay(qint64 timeMs, qint64 staleMs, qint64 now) const
{
    return timeMs < m_startedMs || timeMs < now - staleMs;
}

bool AlertEngine::inCooldown(const RuleState &state, qint64 cooldownMs, qint64 now) const
{
    return state.hasFired && now - state.lastFiredMs < cooldownMs;
}

void AlertEngine::raise(RuleState &state, Alert alert, qint64 now)
{
    state.hasFired = true;
    state.lastFiredMs = now;
    if (now < m_pausedUntilMs)
        return;
    alert.time = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    emit alertRaised(alert);
}

void AlertEngine::feedSnapshot(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis,
                               AlertDataOrigin origin)
{
    const qint64 now = m_clock();
    // A snapshot is a picture of its as-of time: stale pictures are the past, whatever their origin says.
    const bool stale
        = snapshot.asOf.isValid() && snapshot.asOf.toMSecsSinceEpoch() < now - m_timing.staleSnapshotMs;
    const bool live = origin == AlertDataOrigin::Live && !stale;
    for (RuleState &state : m_states) {
        if (readsSnapshots(state.rule.kind))
            readSnapshot(state, snapshot, analysis, live, now);
    }
    checkTime();
}

void AlertEngine::readSnapshot(RuleState &state, const LiquidationSnapshot &snapshot,
                               const MarketAnalysis &analysis, bool live, qint64 now)
{
    const AlertReading reading = readAlertRule(state.rule, snapshot, analysis, AlertThreshold::Enter);
    if (!reading.holds) // the data cannot tell: nothing changes
        return;
    if (state.active) {
        if (!*reading.holds
            && readAlertRule(state.rule, snapshot, analysis, AlertThreshold::Stay).holds
                == std::optional(false))
            state.active = false;
        return;
    }
    if (!*reading.holds)
        return;
    state.active = true;
    if (live && !inCooldown(state, m_timing.cooldownMs, now))
        raise(state, reading.alert, now);
}

void AlertEngine::feedEvents(const QList<LiquidationEvent> &events, AlertDataOrigin origin)
{
    if (origin == AlertDataOrigin::Replay)
        return;
    const qint64 now = m_clock();
    for (const LiquidationEvent &event : events) {
        const qint64 time = eventTimeMs(event);
        if (time <= 0 || isReplay(time, m_timing.staleEventMs, now))
            continue;
        for (RuleState &state : m_states)
            addEvent(state, event, now);
    }
    checkTime();
}

void AlertEngine::addEvent(RuleState &state, const LiquidationEvent &event, qint64 now)
{
    const AlertRule &rule = state.rule;
    if (!rule.scope.matches(event) || (rule.side && *rule.side != event.side))
        return;
    if (rule.kind == AlertKind::Liquidation && event.usd >= rule.amountUsd)
        state.burst.add(event, now);
    else if (rule.kind == AlertKind::Cascade)
        state.cascade.push_back({now, event.usd, event.side});
}

void AlertEngine::checkTime()
{
    const qint64 now = m_clock();
    for (RuleState &state : m_states) {
        if (state.rule.kind == AlertKind::Cascade) {
            checkCascade(state, now);
            continue;
        }
        const LiquidationBurst &burst = state.burst;
        if (burst.count == 0)
            continue;
        const bool due
            = now - burst.lastMs >= m_timing.burstGapMs || now - burst.firstMs >= m_timing.burstMaxMs;
        if (due && !inCooldown(state, m_timing.burstCooldownMs, now))
            closeBurst(state, now);
    }
    updateTimer();
}

void AlertEngine::closeBurst(RuleState &state, qint64 now)
{
    const LiquidationBurst burst = state.burst;
    state.burst = {};
    raise(state, burstAlert(state.rule, burst, QDateTime()), now);
}

void AlertEngine::checkCascade(RuleState &state, qint64 now)
{
    const AlertRule &rule = state.rule;
    const qint64 since = now - qint64(rule.minutes) * 60 * 1000;
    while (!state.cascade.empty() && state.cascade.front().ms <= since)
        state.cascade.pop_front();
    double longUsd = 0;
    double shortUsd = 0;
    int longCount = 0;
    for (const Cascaded &entry : state.cascade) {
        if (entry.side == LiquidatedSide::Long) {
            longUsd += entry.usd;
            ++longCount;
        } else {
            shortUsd += entry.usd;
        }
    }
    const LiquidatedSide side
        = rule.side.value_or(longUsd >= shortUsd ? LiquidatedSide::Long : LiquidatedSide::Short);
    const double value = side == LiquidatedSide::Long ? longUsd : shortUsd;
    if (state.active) {
        state.active = value >= rule.amountUsd * AlertHysteresis::AmountFactor;
        return;
    }
    if (value < rule.amountUsd)
        return;
    state.active = true;
    if (inCooldown(state, m_timing.cooldownMs, now))
        return;
    const int count = side == LiquidatedSide::Long ? longCount : int(state.cascade.size()) - longCount;
    raise(state, cascadeAlert(rule, side, value, count, QDateTime()), now);
}

void AlertEngine::reset()
{
    for (RuleState &state : m_states) {
        state.active = false;
        state.burst = {};
        state.cascade.clear();
    }
    updateTimer();
}

void AlertEngine::updateTimer()
{
    const bool pending = std::any_of(m_states.cbegin(), m_states.cend(), [](const RuleState &state) {
        return state.burst.count > 0 || !state.cascade.empty();
    });
    if (pending && !m_timer.isActive())
        m_timer.start();
    else if (!pending)
        m_timer.stop();
}

} // namespace Liq
