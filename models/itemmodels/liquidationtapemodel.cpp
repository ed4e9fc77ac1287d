#include "liquidationtapemodel.h"

#include "domain/money.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace Liq {
namespace {

// The exchange's time when it sent one; otherwise when Liqscope received the event.
qint64 eventTimeMs(const LiquidationEvent &event)
{
    return event.exchangeTimeMs > 0 ? event.exchangeTimeMs : event.receiveTimeMs;
}

QDateTime utcTime(const LiquidationEvent &event)
{
    return QDateTime::fromMSecsSinceEpoch(eventTimeMs(event), Qt::UTC);
}

// Prices and quantities as sent, without float noise or exponents ("0.00001234", "97250.5").
QString exactNumber(double value)
{
    QString text = QString::number(value, 'f', 10);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

// USD-margined (Binance) and linear (Bybit) quantities are coins; the others count contracts.
bool quantityInCoins(MarketKind market)
{
    return market == MarketKind::UsdM || market == MarketKind::Linear;
}

} // namespace

LiquidationTapeModel::LiquidationTapeModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void LiquidationTapeModel::append(const QList<LiquidationEvent> &events)
{
    if (events.isEmpty())
        return;
    // A burst longer than the tape keeps only its newest events.
    const int count = int(std::min<qsizetype>(events.size(), m_capacity));
    const qsizetype first = events.size() - count;
    dropOldest(int(m_rows.size()) + count - m_capacity);
    beginInsertRows({}, 0, count - 1);
    for (qsizetype i = first; i < events.size(); ++i)
        m_rows.push_front(events.at(i));
    m_newestSerial += count;
    endInsertRows();
    updateLargest(count);
}

void LiquidationTapeModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_largestSerial = -1;
    endResetModel();
}

void LiquidationTapeModel::setCapacity(int capacity)
{
    m_capacity = std::max(capacity, 1);
    dropOldest(int(m_rows.size()) - m_capacity);
    updateLargest(0);
}

int LiquidationTapeModel::rowOfSerial(qint64 serial) const
{
    const qint64 row = m_newestSerial - serial;
    return serial >= 0 && row >= 0 && row < qint64(m_rows.size()) ? int(row) : -1;
}

void LiquidationTapeModel::dropOldest(int count)
{
    if (count <= 0)
        return;
    const int size = int(m_rows.size());
    beginRemoveRows({}, size - count, size - 1);
    m_rows.erase(m_rows.end() - count, m_rows.end());
    endRemoveRows();
}

void LiquidationTapeModel::updateLargest(int insertedRows)
{
    const int oldRow = rowOfSerial(m_largestSerial);
    // Only the new rows can beat a mark still on the tape; a mark that dropped off means a full scan
    // (rare: the largest is seldom the oldest). From the oldest up, so of equals the first keeps it.
    const int scanFrom = oldRow >= 0 ? insertedRows - 1 : int(m_rows.size()) - 1;
    int best = oldRow;
    for (int row = scanFrom; row >= 0; --row) {
        if (best < 0 || eventAt(row).usd > eventAt(best).usd)
            best = row;
    }
    if (best == oldRow)
        return;
    m_largestSerial = best >= 0 ? m_newestSerial - best : -1;
    // One change per burst at most: the old mark's row and the new one's.
    emitLargestChanged(oldRow);
    emitLargestChanged(best);
}

void LiquidationTapeModel::emitLargestChanged(int row)
{
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {IsLargestRole, Qt::ToolTipRole});
}

int LiquidationTapeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiquidationTapeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiquidationTapeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LiquidationEvent &row = eventAt(index.row());
    const bool largest = index.row() == largestRow();
    switch (role) {
    case Qt::DisplayRole: return displayText(row, index.column());
    case Qt::ToolTipRole: return toolTip(row, largest);
    case Qt::TextAlignmentRole:
        return index.column() == Usd ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case UsdRole: return row.usd;
    case SideRole: return int(row.side);
    case TimeMsRole: return eventTimeMs(row);
    case IsLargestRole: return largest;
    case CoinRole: return row.coin;
    case ExchangeRole: return int(row.exchange);
    default: return {};
    }
}

QString LiquidationTapeModel::displayText(const LiquidationEvent &event, int column) const
{
    switch (column) {
    case Time: return utcTime(event).toString(QStringLiteral("HH:mm:ss"));
    case Exchange: return exchangeName(event.exchange);
    case Coin: return event.coin;
    case Side: return event.side == LiquidatedSide::Long ? tr("Long") : tr("Short");
    case Usd: return formatUsd(event.usd);
    default: return {};
    }
}

QString LiquidationTapeModel::toolTip(const LiquidationEvent &event, bool largest) const
{
    const QString quantity = quantityInCoins(event.market)
        ? QStringLiteral("%1 %2").arg(exactNumber(event.quantity), event.coin)
        : tr("%1 contracts").arg(exactNumber(event.quantity));
    QStringList lines = {
        tr("%1 on %2 (%3)").arg(event.instrument, exchangeName(event.exchange), marketKindKey(event.market)),
        event.side == LiquidatedSide::Long ? tr("Long liquidated: %1").arg(formatUsd(event.usd))
                                           : tr("Short liquidated: %1").arg(formatUsd(event.usd)),
        tr("Price: %1").arg(exactNumber(event.price)),
        tr("Quantity: %1").arg(quantity),
        tr("Time: %1 UTC").arg(utcTime(event).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))),
    };
    if (largest)
        lines.append(tr("The largest liquidation on the tape"));
    return lines.join(QLatin1Char('\n'));
}

QVariant LiquidationTapeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole: {
        const QString titles[ColumnCount] = {tr("Time"), tr("Exchange"), tr("Coin"), tr("Side"), tr("USD")};
        return titles[section];
    }
    case Qt::ToolTipRole:
        if (section == Time)
            return tr("When the exchange says it happened (UTC)");
        if (section == Side)
            return tr("The side whose positions were force-closed");
        return {};
    case Qt::TextAlignmentRole:
        return section == Usd ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                              : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default: return QAbstractTableModel::headerData(section, orientation, role);
    }
}

QHash<int, QByteArray> LiquidationTapeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(UsdRole, QByteArrayLiteral("usd"));
    names.insert(SideRole, QByteArrayLiteral("side"));
    names.insert(TimeMsRole, QByteArrayLiteral("timeMs"));
    names.insert(IsLargestRole, QByteArrayLiteral("isLargest"));
    names.insert(CoinRole, QByteArrayLiteral("coin"));
    names.insert(ExchangeRole, QByteArrayLiteral("exchange"));
    return names;
}

} // namespace Liq
