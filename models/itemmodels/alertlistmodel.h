#pragma once

#include "alerts/alert.h"

#include <QAbstractTableModel>

#include <deque>

namespace Liq {

// The alerts that fired, newest first, bounded: what the alerts panel lists (when, how much it matters,
// what, and why).
class AlertListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Urgency, Title, Rule, ColumnCount };
    enum Role {
        UrgencyRole = Qt::UserRole, // int: AlertUrgency
        BodyRole, // QString: the alert's sentences
        CoinRole, // QString: what a Show action scopes the window to (may be empty)
        TimeMsRole, // qint64: when it fired (ms since the epoch, UTC)
    };
    Q_ENUM(Column)

    static constexpr int Capacity = 500;

    explicit AlertListModel(QObject *parent = nullptr);

    // At row 0; the oldest row drops off past Capacity.
    void append(const Alert &alert);
    void clear();
    const Alert &alertAt(int row) const { return m_rows.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString displayText(const Alert &alert, int column) const;

    std::deque<Alert> m_rows; // newest first
};

} // namespace Liq
