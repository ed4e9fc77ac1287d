#include "livesession.h"

#include "dashboardsession.h"
#include "feed/demofeedprocess.h"
#include "live/livesource.h"
#include "session/livesourcefactory.h"
#include "session/snapshothistory.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace Liq {

LiveSession::LiveSession(DashboardSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_history(new SnapshotHistory(SnapshotHistory::DefaultCapacity, this))
{
    // Started by the first snapshot of a burst, not restarted by the next ones: the dashboard gets
    // the newest snapshot at most once per interval however fast they come.
    m_applyTimer.setSingleShot(true);
    m_applyTimer.setInterval(DefaultCoalesceMs);
    connect(&m_applyTimer, &QTimer::timeout, this, &LiveSession::applyPending);
    // One analysis configuration: the history scores with the dashboard's thresholds.
    m_history->setConfig(m_session->config());
    connect(m_session, &DashboardSession::changed, this,
            [this] { m_history->setConfig(m_session->config()); });
}

LiveSession::~LiveSession()
{
    // The source first: its last signals must not reach a half-destroyed session.
    dropSource();
}

bool LiveSession::isDemoRunning() const
{
    return m_demo && m_demo->isRunning();
}

LiveStatus LiveSession::status() const
{
    return m_source ? m_source->status() : LiveStatus{};
}

QString LiveSession::sourceText() const
{
    return m_source ? m_source->displayOrigin() : QString();
}

void LiveSession::setDemoProgram(const QString &program, const QStringList &extraArguments)
{
    m_demoProgram = program;
    m_demoArguments = extraArguments;
}

void LiveSession::connectTo(const LiveEndpoint &endpoint, const LiveOptions &options)
{
    connectTo(createLiveSource(endpoint, options, this, m_store));
}

void LiveSession::connectTo(LiveSource *source)
{
    Q_ASSERT(source);
    dropSource();
    m_source = source;
    m_source->setParent(this);
    connect(m_source, &LiveSource::snapshotReceived, this, &LiveSession::receiveSnapshot);
    connect(m_source, &LiveSource::eventsReceived, this, &LiveSession::eventsReceived);
    connect(m_source, &LiveSource::eventsRestored, this, &LiveSession::eventsRestored);
    connect(m_source, &LiveSource::statusChanged, this, &LiveSession::statusChanged);
    emit sourceChanged(m_source->displayOrigin());
    m_source->start();
}

void LiveSession::startDemo(const LiveOptions &options)
{
    disconnectFeed();
    m_demoOptions = options;
    m_demo = new DemoFeedProcess(this);
    if (!m_demoProgram.isEmpty())
        m_demo->setProgram(m_demoProgram);
    m_demo->setExtraArguments(m_demoArguments);
    connect(m_demo, &DemoFeedProcess::ready, this,
            [this](const QUrl &url) { connectTo(SnapshotUrlEndpoint{url}, m_demoOptions); });
    connect(m_demo, &DemoFeedProcess::failed, this, [this](const QString &message) {
        emit problem(tr("The demo feed did not start: %1").arg(message));
    });
    LiveStatus connecting;
    connecting.state = LiveState::Connecting;
    connecting.message = tr("starting the demo feed");
    emit statusChanged(connecting);
    m_demo->start();
}

void LiveSession::refreshNow()
{
    if (m_source)
        m_source->refreshNow();
}

void LiveSession::pause()
{
    if (m_source)
        m_source->pause();
}

void LiveSession::resume()
{
    if (m_source)
        m_source->resume();
}

void LiveSession::disconnectFeed()
{
    const bool had = m_source || m_demo;
    dropSource();
    if (m_demo) {
        m_demo->stop();
        m_demo->deleteLater();
        m_demo = nullptr;
    }
    if (had) {
        emit statusChanged(LiveStatus{});
        emit sourceChanged(QString());
    }
}

void LiveSession::dropSource()
{
    if (!m_source)
        return;
    m_source->disconnect(this);
    m_source->pause(); // drops the request in flight
    m_source->deleteLater();
    m_source = nullptr;
}

void LiveSession::receiveSnapshot(const LiquidationSnapshot &snapshot, const QStringList &warnings,
                                  const QString &origin)
{
    m_history->append(snapshot); // refuses a snapshot no newer than the last one; the screen still updates
    emit snapshotArrived(snapshot);
    m_pending = Pending{snapshot, warnings, origin};
    if (!m_applyTimer.isActive())
        m_applyTimer.start();
}

void LiveSession::applyPending()
{
    if (!m_pending)
        return;
    const Pending pending = *std::exchange(m_pending, std::nullopt);
    m_session->setSnapshot(pending.snapshot, pending.warnings, pending.origin);
}

bool LiveSession::saveHistory(const QString &path, QString *error) const
{
    return m_history->save(path, error);
}

void LiveSession::openHistory(const QString &path)
{
    const quint64 token = ++m_historyToken;
    m_pendingHistoryToken = token;
    auto *watcher = new QFutureWatcher<HistoryLoadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, token, path] {
        watcher->deleteLater();
        finishHistory(token, path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path] { return HistoryFile::load(path); }));
}

void LiveSession::finishHistory(quint64 token, const QString &path, const HistoryLoadResult &result)
{
    if (token != m_pendingHistoryToken)
        return; // a later openHistory() superseded this one
    m_pendingHistoryToken = 0;
    // A file that cannot be read at all changes nothing: the feed keeps running too.
    if (!result.ok()) {
        emit problem(result.error.message);
        return;
    }
    // The file now is the session: a feed still polling would mix another timeline into it.
    disconnectFeed();
    m_applyTimer.stop();
    m_pending.reset();
    m_history->replace(result);
    if (!m_history->isEmpty())
        m_session->setSnapshot(m_history->snapshotAt(m_history->size() - 1), result.warnings, path);
    const QString bad = describeBadLines(path, result);
    if (!bad.isEmpty())
        emit problem(bad);
    emit historyOpened(path, int(result.snapshots.size()), int(result.badLines.size()));
}

QString LiveSession::describeBadLines(const QString &path, const HistoryLoadResult &result, int maxListed)
{
    if (result.badLines.isEmpty())
        return {};
    QStringList listed;
    for (int i = 0; i < result.badLines.size() && i < maxListed; ++i) {
        const HistoryLineError &bad = result.badLines.at(i);
        listed << tr("line %1: %2").arg(bad.line).arg(bad.message);
    }
    // Two counts, two texts: each takes its own plural form.
    QString text = tr("%1: %n bad line(s) skipped", nullptr, int(result.badLines.size()))
                       .arg(QFileInfo(path).fileName())
        + tr(", %n snapshot(s) kept — ", nullptr, int(result.snapshots.size()))
        + listed.join(QStringLiteral("; "));
    if (result.badLines.size() > maxListed)
        text += tr("; and %1 more").arg(result.badLines.size() - maxListed);
    return text;
}

} // namespace Liq
