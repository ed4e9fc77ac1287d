#pragma once

#include "domain/sideamounts.h"

#include <QAbstractTableModel>
#include <QList>

namespace Liq {

// One row per window present in a WindowAmounts (shortest first): longs, shorts, total, short share.
class WindowTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Window, Long, Short, Total, ShortShare, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw number: window hours, USD, or share (-1 when there is none)
        WindowRole, // windowIndex() of the row's window
        ValueRole, // raw number; invalid when the cell has no value
    };
    Q_ENUM(Column)

    explicit WindowTableModel(QObject *parent = nullptr);

    // Same windows as before: one dataChanged over the changed cells; other windows: a reset.
    // partial: the windows observed data does not cover yet; they are labelled so.
    void setAmounts(const WindowAmounts &amounts, const QList<TimeWindow> &partial = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    WindowAmounts m_amounts;
    QList<TimeWindow> m_windows;
    QList<TimeWindow> m_partial;
};

} // namespace Liq
