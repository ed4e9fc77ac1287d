#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace Liq {

class LiquidationTapeFilter;
class LiquidationTapeModel;
class ViewPlaceholder;

// The liquidation tape as a card: the newest liquidations first, filtered by size and coin, the side
// in its colour and the largest row in bold. While the pointer is over the table the tape holds
// still (rows arriving above keep the ones being read in place) and an "N new" button counts what
// arrived; leaving the table, or the button, goes back to the newest.
class LiquidationTape final : public QWidget
{
    Q_OBJECT

public:
    explicit LiquidationTape(LiquidationTapeModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    LiquidationTapeFilter *filter() const { return m_filter; }
    QComboBox *minimumSizeBox() const { return m_minimumSize; }
    QLineEdit *coinEdit() const { return m_coin; }
    QToolButton *newRowsButton() const { return m_newRowsButton; }
    // What an empty tape says, e.g. how to fill it. When the filters hide every row the tape says that
    // instead. The label is shown over the table only while no row is shown.
    void setPlaceholder(const QString &text);
    QLabel *emptyLabel() const;

    // Whether the tape holds still because the pointer is over the table.
    bool isPaused() const { return m_pointerInside; }
    // Rows that arrived (and pass the filters) above the ones in view since the tape paused.
    int newRowCount() const { return m_newRows; }
    // What the pointer entering and leaving the table does (public for tests and other inputs).
    void setPointerInside(bool inside);
    // Back to the newest row; the count of new rows goes.
    void jumpToTop();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QHBoxLayout *makeHeaderRow();
    void setUpView();
    void connectControls();
    void refilter(double minimumUsd, const QString &coin);
    void rememberTopRow(const QModelIndex &parent);
    void keepTopRow(const QModelIndex &parent, int first, int last);
    void updateNewRowsButton();
    void placeNewRowsButton();
    void updateEmptyLabel();

    LiquidationTapeFilter *m_filter;
    QTableView *m_view;
    QComboBox *m_minimumSize;
    QLineEdit *m_coin;
    QToolButton *m_newRowsButton;
    ViewPlaceholder *m_emptyLabel;
    QString m_placeholder;
    // The row at the top of the view when rows are about to arrive, and where it was drawn.
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
    int m_newRows = 0;
    bool m_pointerInside = false;
};

} // namespace Liq
