#pragma once

#include "domain/liquidationevent.h"

#include <QAbstractTableModel>

#include <deque>

namespace Liq {

// The newest liquidations, newest first, as a bounded tape: a burst goes in at the top with one
// insertion and the oldest rows drop off the end with one removal, so a busy minute costs views a
// couple of signals rather than one per event. The largest liquidation on the tape is marked.
class LiquidationTapeModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Exchange, Coin, Side, Usd, ColumnCount };
    enum Role {
        UsdRole = Qt::UserRole, // double: the notional in US dollars
        SideRole, // int: LiquidatedSide
        TimeMsRole, // qint64: when it happened (ms since the epoch, UTC)
        IsLargestRole, // bool: the largest liquidation currently on the tape
        CoinRole, // QString: the base asset
        ExchangeRole, // int: Exchange
    };
    Q_ENUM(Column)

    static constexpr int DefaultCapacity = 5000;

    explicit LiquidationTapeModel(QObject *parent = nullptr);

    // A burst in arrival order (the last one is the newest): one beginInsertRows at row 0, and at most
    // one removal of the oldest rows to stay within the capacity.
    void append(const QList<LiquidationEvent> &events);
    void clear();

    // At least 1; lowering it drops the oldest rows at once.
    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }

    const LiquidationEvent &eventAt(int row) const { return m_rows.at(std::size_t(row)); }
    // The row of the largest liquidation on the tape; -1 when empty.
    int largestRow() const { return rowOfSerial(m_largestSerial); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // Rows are numbered by arrival so a mark survives insertions above it: row r is m_newestSerial - r.
    int rowOfSerial(qint64 serial) const;
    void dropOldest(int count);
    // After a change: moves the mark if a bigger one arrived or the marked one dropped off.
    void updateLargest(int insertedRows);
    void emitLargestChanged(int row);
    QString displayText(const LiquidationEvent &event, int column) const;
    QString toolTip(const LiquidationEvent &event, bool largest) const;

    std::deque<LiquidationEvent> m_rows; // front: the newest
    qint64 m_newestSerial = -1;
    qint64 m_largestSerial = -1;
    int m_capacity = DefaultCapacity;
};

} // namespace Liq
