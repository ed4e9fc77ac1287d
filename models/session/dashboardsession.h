#pragma once

#include "analysis/marketanalysis.h"
#include "analysis/marketsummary.h"
#include "domain/liquidationsnapshot.h"
#include "session/storepicture.h"

#include <QObject>
#include <QStringList>

namespace Liq {

class BreakdownTableModel;
class WindowTableModel;
struct LoadResult;

// The state of one dashboard: the current snapshot (from a file or a live feed), its load warnings and
// origin, the selected scope (the whole snapshot or one breakdown row), the analysis settings, and what
// follows from them: the analysis, the summary and the item models. Widgets read it and refresh on
// changed(); nothing here needs a display.
class DashboardSession final : public QObject
{
    Q_OBJECT

public:
    explicit DashboardSession(QObject *parent = nullptr);
    ~DashboardSession() override;

    bool hasSnapshot() const { return m_snapshot.isValid(); }
    // The snapshot as loaded, with its breakdown.
    const LiquidationSnapshot &snapshot() const { return m_snapshot; }
    // What the analysis looks at: the snapshot, or the selected breakdown row as its own snapshot.
    const LiquidationSnapshot &scopedSnapshot() const { return m_scoped; }
    // File path or URL the data came from.
    const QString &origin() const { return m_origin; }
    const QStringList &loadWarnings() const { return m_loadWarnings; }
    // The reader's warnings followed by the analysis' own, without repeats (mergedWarnings()).
    QStringList allWarnings() const;

    // The kinds of breakdown the snapshot holds (two for the exchange streams), the shown one first.
    QList<BreakdownKind> breakdownKinds() const { return m_snapshot.breakdownKinds(); }

    // -1: the whole snapshot; otherwise the breakdown row the dashboard is scoped to.
    int scopeRow() const { return m_scopeRow; }
    bool isScoped() const { return m_scopeRow >= 0; }

    const AnalysisConfig &config() const { return m_config; }
    // What the analysis uses: config(), with the baselines scaled by the scoped row's share of the
    // market (scopeShare()) so one coin is judged against its own size, not the whole market's.
    const AnalysisConfig &effectiveConfig() const { return m_effectiveConfig; }
    // 1 for the whole snapshot; otherwise the scoped row's share of the snapshot's 24h total (the
    // longest window both have when 24h is missing), at least MinimumScopeShare.
    double scopeShare() const { return m_scopeShare; }
    static constexpr double MinimumScopeShare = 0.001;
    static double shareOfMarket(const LiquidationSnapshot &snapshot, int row);
    const MarketAnalysis &analysis() const { return m_analysis; }
    const MarketSummary &summary() const { return m_summary; }

    // Windows of the current scope; the breakdown rows of the whole snapshot.
    WindowTableModel *windowModel() const { return m_windowModel; }
    BreakdownTableModel *breakdownModel() const { return m_breakdownModel; }

    // True while the latest openFile() or openStore() is still reading.
    bool isLoading() const { return m_pendingToken != 0; }
    // The day a kept store ends with, while its picture is what is shown (openStore()); null otherwise.
    const StoreDay *storeDay() const { return m_storeDay.get(); }

public slots:
    // Reads the file, a large one (over InlineParseMaxBytes) on a worker thread; the result always arrives
    // through the event loop, after this returns. The latest request wins: a slower, older load that finishes
    // after a newer one is dropped. Success replaces the data (fileOpened, then changed); failure emits
    // loadFailed and leaves everything as it was.
    void openFile(const QString &path);
    // Shows what the event store at location kept, from reading (startReadingStorePicture(location), which
    // start-up begins before the window is built) under the same rule: the latest request wins. A store
    // another process is writing is not read: storeWrittenElsewhere says so, for the caller to follow it
    // live. Failure emits loadFailed naming the store.
    void openStore(const QString &location, const QFuture<Liq::StorePicture> &reading);
    // Replaces the data at once (live feeds). Keeps the scope when the new breakdown still has a row of
    // the same name, else returns to the whole snapshot. An invalid snapshot is refused with loadFailed.
    void setSnapshot(const Liq::LiquidationSnapshot &snapshot, const QStringList &warnings,
                     const QString &origin);
    // Scopes to one breakdown row (of snapshot().breakdown); out of range rows are ignored.
    void setScope(int row);
    // Shows the breakdown of that kind where the snapshot has it (By coin / By exchange), now and for
    // the snapshots that follow. The scope follows only where the same name is in the new rows.
    void setBreakdownKind(Liq::BreakdownKind kind);
    void clearScope();
    void setConfig(const Liq::AnalysisConfig &config);

signals:
    // Once per update of anything above.
    void changed();
    // A load failed; the message names the file and what is wrong. Nothing else changed.
    void loadFailed(const QString &message);
    // openFile(path) succeeded (emitted before changed()), e.g. for a recent-files list.
    void fileOpened(const QString &path);
    void loadingChanged(bool loading);
    // openStore(location) found another process writing that store; nothing else changed.
    void storeWrittenElsewhere(const QString &location);
    // openStore() showed a kept store: its newest liquidations (oldest first), for the tape. Emitted after
    // changed(); they are history, not news.
    void storeEventsRestored(const QList<Liq::LiquidationEvent> &events);

private:
    enum class Origin { File, Store };
    quint64 beginLoad();
    // False (and nothing happens) when a newer request superseded token.
    bool endLoad(quint64 token);
    // True when the result replaced the data.
    bool finishLoad(quint64 token, const QString &origin, const LoadResult &result, Origin kind,
                    std::shared_ptr<const StoreDay> storeDay = {});
    bool applySnapshot(const LiquidationSnapshot &snapshot, const QStringList &warnings,
                       const QString &origin, std::shared_ptr<const StoreDay> storeDay);
    void recompute();

    LiquidationSnapshot m_snapshot;
    LiquidationSnapshot m_scoped;
    QString m_origin;
    QStringList m_loadWarnings;
    int m_scopeRow = -1;
    BreakdownKind m_preferredKind = BreakdownKind::None; // None: as the source sends it
    AnalysisConfig m_config;
    AnalysisConfig m_effectiveConfig;
    double m_scopeShare = 1.0;
    MarketAnalysis m_analysis;
    MarketSummary m_summary;
    WindowTableModel *m_windowModel;
    BreakdownTableModel *m_breakdownModel;
    quint64 m_lastToken = 0;
    quint64 m_pendingToken = 0; // 0: nothing pending
    std::shared_ptr<const StoreDay> m_storeDay;
};

} // namespace Liq
