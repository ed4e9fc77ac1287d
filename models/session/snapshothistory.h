#pragma once

#include "analysis/marketanalysis.h"
#include "formats/historyfile.h"

#include <QObject>

#include <optional>
#include <vector>

namespace Liq {

// What the history chart plots for one snapshot.
struct HistoryPoint
{
    QDateTime time; // the snapshot's as-of
    std::optional<SideAmounts> h1; // longs and shorts of the 1h window, when the snapshot has it
    int squeezeScore = 0; // 0..100 (analyzeSnapshot with the history's config)
    SqueezeSide squeezeSide = SqueezeSide::Balanced;
};

// The snapshots of a session, newest last, in a fixed-capacity ring: memory stays bounded however long
// the feed runs. Keeps the full snapshots too, so the history can be saved as a JSON Lines file.
class SnapshotHistory final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 2880; // 8 hours at the default 10 s interval

    explicit SnapshotHistory(int capacity = DefaultCapacity, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    // The thresholds the points' squeeze scores are computed with (the dashboard's, see
    // AnalysisSettings); changing them recomputes every point and emits reset().
    const AnalysisConfig &config() const { return m_config; }
    void setConfig(const AnalysisConfig &config);
    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }

    // Appends a snapshot newer than the newest one; the oldest falls out when full. An older or
    // same-time snapshot is refused (false): the windows roll, so time must move forward.
    bool append(const LiquidationSnapshot &snapshot);
    void clear();

    // 0 = oldest. Precondition: 0 <= index < size().
    const HistoryPoint &pointAt(int index) const;
    const LiquidationSnapshot &snapshotAt(int index) const;
    QList<LiquidationSnapshot> snapshots() const;

    // Writes every snapshot as JSON Lines, atomically. False with *error naming the file on failure.
    bool save(const QString &path, QString *error) const;
    // Replaces the contents with the good snapshots of a history file that was read (HistoryFile::load,
    // on any thread): the newest `capacity` of them, in time order. Emits reset().
    void replace(const HistoryLoadResult &loaded);

signals:
    void pointAppended(); // one point added at the end (maybe one dropped at the start)
    void reset(); // cleared or replaced

private:
    struct Entry
    {
        HistoryPoint point;
        LiquidationSnapshot snapshot;
    };
    const Entry &entryAt(int index) const;
    HistoryPoint pointFor(const LiquidationSnapshot &snapshot) const;
    void push(const LiquidationSnapshot &snapshot);

    int m_capacity;
    AnalysisConfig m_config;
    std::vector<Entry> m_entries; // ring once full: m_start is the oldest
    size_t m_start = 0;
};

} // namespace Liq
