#include "breakdowntablemodel.h"

#include "amountroles.h"

namespace Liq {
namespace {

bool sameShape(const QList<BreakdownRow> &a, const QList<BreakdownRow> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).name != b.at(i).name)
            return false;
    }
    return true;
}

AmountColumn amountColumn(int column)
{
    return static_cast<AmountColumn>(column - BreakdownTableModel::Long);
}

} // namespace

BreakdownTableModel::BreakdownTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void BreakdownTableModel::setRows(const QList<BreakdownRow> &rows, BreakdownKind kind)
{
    if (!sameShape(rows, m_rows) || kind != m_kind) {
        beginResetModel();
        m_rows = rows;
        m_kind = kind;
        endResetModel();
        emit headerDataChanged(Qt::Horizontal, Name, Name);
        return;
    }
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (rows.at(row) != m_rows.at(row)) {
            if (firstChanged < 0)
                firstChanged = row;
            lastChanged = row;
        }
    }
    m_rows = rows;
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, Long), index(lastChanged, ColumnCount - 1));
}

void BreakdownTableModel::setWindow(TimeWindow window)
{
    if (window == m_window)
        return;
    m_window = window;
    emit headerDataChanged(Qt::Horizontal, Long, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Long), index(rowCount() - 1, ColumnCount - 1));
}

int BreakdownTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BreakdownTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakdownTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BreakdownRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SourceRowRole: return index.row();
    case NameRole: return row.name;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
    case ValueRole:
        return index.column() == Name ? QVariant(row.name) : amountData(row, index.column(), role);
    default: return {};
    }
}

QVariant BreakdownTableModel::amountData(const BreakdownRow &row, int column, int role) const
{
    const std::optional<SideAmounts> amounts = row.amounts.value(m_window);
    switch (role) {
    case Qt::DisplayRole:
        return amounts ? amountDisplay(*amounts, amountColumn(column)) : QStringLiteral("—");
    case Qt::ToolTipRole:
        if (!amounts)
            return QStringLiteral("%1 has no %2 figures").arg(row.name, windowLabel(m_window));
        return QStringLiteral("%1, %2: %3")
            .arg(row.name, windowLabel(m_window), amountExact(*amounts, amountColumn(column)));
    case SortRole: {
        const QVariant value = amounts ? amountValue(*amounts, amountColumn(column)) : QVariant();
        return value.isValid() ? value : QVariant(-1.0);
    }
    case ValueRole: return amounts ? amountValue(*amounts, amountColumn(column)) : QVariant();
    default: return {};
    }
}

QVariant BreakdownTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        if (section == Name)
            return m_kind == BreakdownKind::Exchange ? QStringLiteral("Exchange") : QStringLiteral("Coin");
        return amountHeader(amountColumn(section));
    }
    if (role == Qt::ToolTipRole && section != Name)
        return QStringLiteral("%1 over the last %2")
            .arg(amountHeader(amountColumn(section)), windowLabel(m_window));
    if (role == Qt::TextAlignmentRole)
        return section == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                               : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> BreakdownTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, QByteArrayLiteral("sortValue"));
    names.insert(ValueRole, QByteArrayLiteral("value"));
    names.insert(SourceRowRole, QByteArrayLiteral("sourceRow"));
    names.insert(NameRole, QByteArrayLiteral("name"));
    return names;
}

} // namespace Liq
