#include "dashboardsession.h"

#include "formats/snapshotfile.h"
#include "itemmodels/breakdowntablemodel.h"
#include "itemmodels/windowtablemodel.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Liq {

DashboardSession::DashboardSession(QObject *parent)
    : QObject(parent)
    , m_windowModel(new WindowTableModel(this))
    , m_breakdownModel(new BreakdownTableModel(this))
{ }

DashboardSession::~DashboardSession() = default;

QStringList DashboardSession::allWarnings() const
{
    return mergedWarnings(m_loadWarnings, m_analysis);
}

quint64 DashboardSession::beginLoad()
{
    const quint64 token = ++m_lastToken;
    const bool wasLoading = isLoading();
    m_pendingToken = token;
    if (!wasLoading)
        emit loadingChanged(true);
    return token;
}

bool DashboardSession::endLoad(quint64 token)
{
    if (token != m_pendingToken)
        return false; // superseded by a newer request
    m_pendingToken = 0;
    emit loadingChanged(false);
    return true;
}

void DashboardSession::openFile(const QString &path)
{
    const quint64 token = beginLoad();

    // A small file is read on this thread, from the event loop: handing it to a worker costs more than
    // the read itself, and on a busy machine waiting for the worker to be scheduled doubled the
    // start-up. Either way the result arrives through the event loop, after openFile() has returned.
    const QFileInfo info(path);
    if (info.isFile() && info.size() <= InlineParseMaxBytes) {
        QMetaObject::invokeMethod(
            this, [this, token, path] { finishLoad(token, path, SnapshotFile::load(path), Origin::File); },
            Qt::QueuedConnection);
        return;
    }

    // The watcher is a child of the session, so a session destroyed mid-load never sees the result; the
    // worker only touches its own copy of the path.
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, token, path] {
        watcher->deleteLater();
        finishLoad(token, path, watcher->result(), Origin::File);
    });
    watcher->setFuture(QtConcurrent::run([path] { return SnapshotFile::load(path); }));
}

void DashboardSession::openStore(const QString &location, const QFuture<StorePicture> &reading)
{
    const quint64 token = beginLoad();
    // As in openFile(): a watcher that dies with the session; a read that has already finished still
    // reports through the event loop.
    auto *watcher = new QFutureWatcher<StorePicture>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, token, location] {
        watcher->deleteLater();
        const StorePicture picture = watcher->result();
        if (picture.writtenElsewhere) {
            if (endLoad(token))
                emit storeWrittenElsewhere(location);
        } else if (finishLoad(token, location, picture.result, Origin::Store, picture.day)
                   && !picture.newest.isEmpty()) {
            emit storeEventsRestored(picture.newest);
        }
    });
    watcher->setFuture(reading);
}

bool DashboardSession::finishLoad(quint64 token, const QString &origin, const LoadResult &result, Origin kind,
                                  std::shared_ptr<const StoreDay> storeDay)
{
    if (!endLoad(token))
        return false;
    if (!result.ok()) {
        emit loadFailed(result.error.message.isEmpty() ? tr("%1: cannot be read").arg(origin)
                                                       : result.error.message);
        return false;
    }
    if (kind == Origin::File)
        emit fileOpened(origin);
    return applySnapshot(*result.snapshot, result.warnings, origin, std::move(storeDay));
}

void DashboardSession::setSnapshot(const LiquidationSnapshot &snapshot, const QStringList &warnings,
                                   const QString &origin)
{
    applySnapshot(snapshot, warnings, origin, {});
}

bool DashboardSession::applySnapshot(const LiquidationSnapshot &snapshot, const QStringList &warnings,
                                     const QString &origin, std::shared_ptr<const StoreDay> storeDay)
{
    if (!snapshot.isValid()) {
        emit loadFailed(tr("%1: the snapshot has no liquidation figures").arg(origin));
        return false;
    }
    m_storeDay = std::move(storeDay);
    const QString scopedName = isScoped() ? m_snapshot.breakdown.at(m_scopeRow).name : QString();
    m_snapshot = snapshot.showingBreakdown(m_preferredKind);
    m_loadWarnings = warnings;
    m_origin = origin;
    m_scopeRow = scopedName.isEmpty() ? -1 : m_snapshot.breakdownRowNamed(scopedName);
    m_breakdownModel->setRows(m_snapshot.breakdown, m_snapshot.breakdownKind);
    recompute();
    return true;
}

void DashboardSession::setBreakdownKind(BreakdownKind kind)
{
    m_preferredKind = kind;
    if (kind == m_snapshot.breakdownKind || !m_snapshot.breakdownKinds().contains(kind))
        return;
    const QString scopedName = isScoped() ? m_snapshot.breakdown.at(m_scopeRow).name : QString();
    m_snapshot = m_snapshot.showingBreakdown(kind);
    m_scopeRow = scopedName.isEmpty() ? -1 : m_snapshot.breakdownRowNamed(scopedName);
    m_breakdownModel->setRows(m_snapshot.breakdown, m_snapshot.breakdownKind);
    recompute();
}

void DashboardSession::setScope(int row)
{
    if (row < 0 || row >= m_snapshot.breakdown.size() || row == m_scopeRow)
        return;
    m_scopeRow = row;
    recompute();
}

void DashboardSession::clearScope()
{
    if (!isScoped())
        return;
    m_scopeRow = -1;
    recompute();
}

void DashboardSession::setConfig(const AnalysisConfig &config)
{
    if (config == m_config)
        return;
    m_config = config;
    m_effectiveConfig = config; // recompute() scales it when scoped
    if (hasSnapshot())
        recompute();
    else
        emit changed();
}

double DashboardSession::shareOfMarket(const LiquidationSnapshot &snapshot, int row)
{
    if (row < 0 || row >= snapshot.breakdown.size())
        return 1.0;
    return Liq::shareOfMarket(snapshot.totals, snapshot.breakdown.at(row).amounts, MinimumScopeShare);
}

void DashboardSession::recompute()
{
    m_scoped = isScoped() ? m_snapshot.scopedTo(m_scopeRow) : m_snapshot;
    m_scopeShare = isScoped() ? shareOfMarket(m_snapshot, m_scopeRow) : 1.0;
    // A floor keeps a row that liquidated nothing from dividing by a zero baseline.
    m_effectiveConfig = isScoped() ? m_config.withBaselinesScaled(m_scopeShare) : m_config;
    m_analysis = analyzeSnapshot(m_scoped, m_effectiveConfig);
    m_summary = writeMarketSummary(m_scoped, m_analysis);
    QList<TimeWindow> partial;
    for (TimeWindow window : AllTimeWindows) {
        if (m_analysis.isPartial(window))
            partial << window;
    }
    m_windowModel->setAmounts(m_scoped.totals, partial);
    emit changed();
}

} // namespace Liq
