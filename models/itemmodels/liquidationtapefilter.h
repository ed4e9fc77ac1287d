#pragma once

#include <QSortFilterProxyModel>

namespace Liq {

// Narrows a LiquidationTapeModel to the liquidations worth watching: a minimum size and one coin.
// Keeps the tape's order (newest first); filters by the model's roles, not by its display text.
class LiquidationTapeFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LiquidationTapeFilter(QObject *parent = nullptr);

    // Rows below this many US dollars are hidden; 0 shows all.
    void setMinimumUsd(double usd);
    double minimumUsd() const { return m_minimumUsd; }
    // Only this coin (case-insensitive, surrounding spaces ignored); empty shows all coins.
    void setCoin(const QString &coin);
    QString coin() const { return m_coin; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    double m_minimumUsd = 0;
    QString m_coin;
};

} // namespace Liq
