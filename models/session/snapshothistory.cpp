#include "session/snapshothistory.h"

#include <algorithm>

namespace Liq {

SnapshotHistory::SnapshotHistory(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max(1, capacity))
{ }

const SnapshotHistory::Entry &SnapshotHistory::entryAt(int index) const
{
    Q_ASSERT(index >= 0 && index < size());
    return m_entries[(m_start + size_t(index)) % m_entries.size()];
}

const HistoryPoint &SnapshotHistory::pointAt(int index) const
{
    return entryAt(index).point;
}

const LiquidationSnapshot &SnapshotHistory::snapshotAt(int index) const
{
    return entryAt(index).snapshot;
}

void SnapshotHistory::setConfig(const AnalysisConfig &config)
{
    if (config == m_config)
        return;
    m_config = config;
    for (Entry &entry : m_entries)
        entry.point = pointFor(entry.snapshot);
    emit reset();
}

QList<LiquidationSnapshot> SnapshotHistory::snapshots() const
{
    QList<LiquidationSnapshot> list;
    list.reserve(size());
    for (int i = 0; i < size(); ++i)
        list.append(snapshotAt(i));
    return list;
}

HistoryPoint SnapshotHistory::pointFor(const LiquidationSnapshot &snapshot) const
{
    HistoryPoint point;
    point.time = snapshot.asOf;
    point.h1 = snapshot.totals.value(TimeWindow::H1);
    const MarketAnalysis analysis = analyzeSnapshot(snapshot, m_config);
    point.squeezeScore = analysis.signal.score;
    point.squeezeSide = analysis.signal.side;
    return point;
}

void SnapshotHistory::push(const LiquidationSnapshot &snapshot)
{
    Entry entry{pointFor(snapshot), snapshot};
    if (int(m_entries.size()) < m_capacity) {
        m_entries.push_back(std::move(entry));
        return;
    }
    m_entries[m_start] = std::move(entry);
    m_start = (m_start + 1) % m_entries.size();
}

bool SnapshotHistory::append(const LiquidationSnapshot &snapshot)
{
    if (!snapshot.asOf.isValid() || (!isEmpty() && snapshot.asOf <= pointAt(size() - 1).time))
        return false;
    push(snapshot);
    emit pointAppended();
    return true;
}

void SnapshotHistory::clear()
{
    m_entries.clear();
    m_start = 0;
    emit reset();
}

bool SnapshotHistory::save(const QString &path, QString *error) const
{
    return HistoryFile::save(snapshots(), path, error);
}

void SnapshotHistory::replace(const HistoryLoadResult &loaded)
{
    QList<LiquidationSnapshot> ordered = loaded.snapshots;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.asOf < b.asOf; });
    m_entries.clear();
    m_start = 0;
    const qsizetype first = std::max<qsizetype>(0, ordered.size() - m_capacity);
    for (qsizetype i = first; i < ordered.size(); ++i) {
        if (isEmpty() || ordered.at(i).asOf > pointAt(size() - 1).time)
            push(ordered.at(i));
    }
    emit reset();
}

} // namespace Liq
