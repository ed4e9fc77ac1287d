#pragma once

#include "domain/liquidationsnapshot.h"

#include <QAbstractTableModel>

namespace Liq {

// The breakdown rows of a snapshot (one per coin or exchange) for one chosen window.
class BreakdownTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Long, Short, Total, ShortShare, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw number (or the name); -1 when the row lacks the window
        ValueRole, // raw number; invalid when the row lacks the window or there is no share
        SourceRowRole, // the row's index in the snapshot's breakdown (survives proxy sorting)
        NameRole, // the row's name whatever the column
    };
    Q_ENUM(Column)

    explicit BreakdownTableModel(QObject *parent = nullptr);

    // Same names in the same order: one dataChanged over the changed rows; otherwise a reset.
    void setRows(const QList<BreakdownRow> &rows, BreakdownKind kind);
    const QList<BreakdownRow> &rows() const { return m_rows; }
    BreakdownKind kind() const { return m_kind; }

    // The window whose figures the amount columns show (default 24h).
    void setWindow(TimeWindow window);
    TimeWindow window() const { return m_window; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // What an amount column (not the name) holds for role.
    QVariant amountData(const BreakdownRow &row, int column, int role) const;

    QList<BreakdownRow> m_rows;
    BreakdownKind m_kind = BreakdownKind::None;
    TimeWindow m_window = TimeWindow::H24;
};

} // namespace Liq
