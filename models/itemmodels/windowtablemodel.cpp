#include "windowtablemodel.h"

#include "amountroles.h"

namespace Liq {
namespace {

QList<TimeWindow> presentWindows(const WindowAmounts &amounts)
{
    QList<TimeWindow> windows;
    for (TimeWindow window : AllTimeWindows) {
        if (amounts.has(window))
            windows << window;
    }
    return windows;
}

AmountColumn amountColumn(int column)
{
    return static_cast<AmountColumn>(column - WindowTableModel::Long);
}

} // namespace

WindowTableModel::WindowTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void WindowTableModel::setAmounts(const WindowAmounts &amounts, const QList<TimeWindow> &partial)
{
    const QList<TimeWindow> windows = presentWindows(amounts);
    if (windows != m_windows) {
        beginResetModel();
        m_amounts = amounts;
        m_windows = windows;
        m_partial = partial;
        endResetModel();
        return;
    }
    if (partial != m_partial) {
        m_partial = partial;
        if (!m_windows.isEmpty())
            emit dataChanged(index(0, Window), index(int(m_windows.size()) - 1, Window));
    }
    // Same shape: find the rows that changed and report them in one batch, so views keep their
    // selection and scroll position while live data ticks.
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < m_windows.size(); ++row) {
        const TimeWindow window = m_windows.at(row);
        if (amounts.at(window) != m_amounts.at(window)) {
            if (firstChanged < 0)
                firstChanged = row;
            lastChanged = row;
        }
    }
    m_amounts = amounts;
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, Long), index(lastChanged, ColumnCount - 1));
}

int WindowTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_windows.size());
}

int WindowTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WindowTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimeWindow window = m_windows.at(index.row());
    const SideAmounts &amounts = m_amounts.at(window);
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        if (column != Window)
            return amountDisplay(amounts, amountColumn(column));
        return m_partial.contains(window) ? tr("%1 (partial)").arg(windowLabel(window)) : windowLabel(window);
    case Qt::ToolTipRole:
        if (column == Window && m_partial.contains(window))
            return tr("Last %1 before the snapshot time; partial: the streams have not been watched that "
                      "long")
                .arg(windowLabel(window));
        if (column == Window)
            return tr("Last %1 before the snapshot time").arg(windowLabel(window));
        return amountExact(amounts, amountColumn(column));
    case Qt::TextAlignmentRole:
        return column == Window ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        if (column == Window)
            return windowHours(window);
        return amountValue(amounts, amountColumn(column)).isValid()
            ? amountValue(amounts, amountColumn(column))
            : QVariant(-1.0);
    case WindowRole: return windowIndex(window);
    case ValueRole:
        return column == Window ? QVariant(windowHours(window)) : amountValue(amounts, amountColumn(column));
    default: return {};
    }
}

QVariant WindowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return section == Window ? QStringLiteral("Window") : amountHeader(amountColumn(section));
    if (role == Qt::TextAlignmentRole)
        return section == Window ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> WindowTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, QByteArrayLiteral("sortValue"));
    names.insert(WindowRole, QByteArrayLiteral("window"));
    names.insert(ValueRole, QByteArrayLiteral("value"));
    return names;
}

} // namespace Liq
