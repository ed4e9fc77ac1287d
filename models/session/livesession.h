#pragma once

#include "formats/historyfile.h"
#include "live/liveendpoint.h"
#include "live/liveoptions.h"
#include "live/livestatus.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace Liq {

class DashboardSession;
class DemoFeedProcess;
class EventStore;
class LiveSource;
class SnapshotHistory;

// The live plumbing of one window, without widgets: a LiveSource (made per connection by
// createLiveSource(), or handed over ready-made), the session's SnapshotHistory and, for --demo, the
// liqscope-feed child. Every snapshot goes into the history at once; the DashboardSession gets the
// newest one of a burst after a short quiet period, so a burst repaints the dashboard once. A feed
// failure never touches the data on screen.
class LiveSession final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultCoalesceMs = 50;

    explicit LiveSession(DashboardSession *session, QObject *parent = nullptr);
    ~LiveSession() override;

    DashboardSession *session() const { return m_session; }
    SnapshotHistory *history() const { return m_history; }
    // Null while disconnected.
    LiveSource *source() const { return m_source; }
    bool isConnected() const { return m_source != nullptr; }
    bool isDemoRunning() const;
    LiveStatus status() const;
    // The feed as it may be shown (no key, no credentials); empty while disconnected.
    QString sourceText() const;

    // Demo child program (default: liqscope-feed next to the executable) and its extra arguments.
    void setDemoProgram(const QString &program, const QStringList &extraArguments = {});

    // Replaces any current feed by this one and starts polling. The history is kept: time moves on.
    void connectTo(const LiveEndpoint &endpoint, const LiveOptions &options);
    // Where event sources are refilled from and record to (not owned; outlives the session's sources).
    void setEventStore(Liq::EventStore *store) { m_store = store; }
    // The same with a source made elsewhere (any LiveSource, not started): the session takes it over
    // (it becomes the source's parent) and starts it.
    void connectTo(LiveSource *source);
    // Starts liqscope-feed --port 0 and connects to it once it reports its URL; a failure to start
    // is reported through problem().
    void startDemo(const LiveOptions &options);
    void refreshNow();
    void pause();
    void resume();
    // Stops polling (and the demo child); the data on screen and the history stay.
    void disconnectFeed();

    bool saveHistory(const QString &path, QString *error) const;
    // Reads the file on a worker thread, then disconnects, replaces the history with the file's good
    // lines and shows the newest of them (historyOpened). Bad lines are skipped and reported through
    // problem(). On a whole-file error nothing changes and problem() says why. A second call before the
    // first has finished supersedes it.
    void openHistory(const QString &path);
    bool isOpeningHistory() const { return m_pendingHistoryToken != 0; }
    // "history.jsonl: 2 bad lines skipped: line 3: ...; line 7: ..." (empty when every line was good).
    static QString describeBadLines(const QString &path, const HistoryLoadResult &result, int maxListed = 3);

signals:
    void statusChanged(const Liq::LiveStatus &status);
    // Each picture the source delivers, as it arrives (before coalescing): what alerts are judged on.
    void snapshotArrived(const Liq::LiquidationSnapshot &snapshot);
    // The source's liquidations as they count (see LiveSource::eventsReceived).
    void eventsReceived(const QList<Liq::LiquidationEvent> &events);
    // The newest liquidations kept from before (see LiveSource::eventsRestored): for the tape only.
    void eventsRestored(const QList<Liq::LiquidationEvent> &events);
    // The feed's display origin changed (empty: disconnected).
    void sourceChanged(const QString &source);
    // Something the user must read: the demo did not start, a history file had bad lines.
    void problem(const QString &message);
    // A history file was read and is now the session (bad lines, if any, were reported as a problem).
    void historyOpened(const QString &path, int snapshots, int badLines);

private:
    // What the source's snapshotReceived does: into the history now, onto the dashboard after the
    // coalescing interval.
    void receiveSnapshot(const Liq::LiquidationSnapshot &snapshot, const QStringList &warnings,
                         const QString &origin);
    void applyPending();
    void finishHistory(quint64 token, const QString &path, const HistoryLoadResult &result);
    void dropSource();

    DashboardSession *m_session;
    SnapshotHistory *m_history;
    LiveSource *m_source = nullptr;
    EventStore *m_store = nullptr;
    DemoFeedProcess *m_demo = nullptr;
    QString m_demoProgram;
    QStringList m_demoArguments;
    LiveOptions m_demoOptions;
    QTimer m_applyTimer;
    struct Pending
    {
        LiquidationSnapshot snapshot;
        QStringList warnings;
        QString origin;
    };
    std::optional<Pending> m_pending;
    quint64 m_historyToken = 0; // the stale-result token of history reads
    quint64 m_pendingHistoryToken = 0; // 0: none in progress
};

} // namespace Liq
