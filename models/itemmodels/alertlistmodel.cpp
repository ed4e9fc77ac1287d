#include "itemmodels/alertlistmodel.h"

namespace Liq {

AlertListModel::AlertListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AlertListModel::append(const Alert &alert)
{
    beginInsertRows({}, 0, 0);
    m_rows.push_front(alert);
    endInsertRows();
    if (int(m_rows.size()) > Capacity) {
        const int last = int(m_rows.size()) - 1;
        beginRemoveRows({}, Capacity, last);
        m_rows.resize(std::size_t(Capacity));
        endRemoveRows();
    }
}

void AlertListModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertListModel::displayText(const Alert &alert, int column) const
{
    switch (column) {
    case Time: return alert.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Urgency:
        switch (alert.urgency) {
        case AlertUrgency::Low: return tr("Low");
        case AlertUrgency::Normal: return tr("Normal");
        case AlertUrgency::Critical: return tr("Critical");
        }
        return {};
    case Title: return alert.title;
    case Rule: return alert.rule;
    default: return {};
    }
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &alert = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole: return displayText(alert, index.column());
    case Qt::ToolTipRole: return alert.body;
    case UrgencyRole: return int(alert.urgency);
    case BodyRole: return alert.body;
    case CoinRole: return alert.coin;
    case TimeMsRole: return alert.time.toMSecsSinceEpoch();
    default: return {};
    }
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time (UTC)");
    case Urgency: return tr("Urgency");
    case Title: return tr("Alert");
    case Rule: return tr("Rule");
    default: return {};
    }
}

QHash<int, QByteArray> AlertListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(UrgencyRole, "urgency");
    names.insert(BodyRole, "body");
    names.insert(CoinRole, "coin");
    names.insert(TimeMsRole, "timeMs");
    return names;
}

} // namespace Liq
