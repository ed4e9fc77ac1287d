#pragma once

#include "domain/liquidationsnapshot.h"
#include "domain/timewindow.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Liq {

class BreakdownTableModel;
class WindowTableModel;

// The figures as tables: one row per window for the current scope, and the breakdown (per coin or
// exchange) for a chosen window, sortable and filterable by name. Selecting a breakdown row asks for the
// dashboard to be scoped to it; clearing the selection asks for the total again.
class TablesPanel final : public QWidget
{
    Q_OBJECT

public:
    TablesPanel(WindowTableModel *windows, BreakdownTableModel *breakdown, QWidget *parent = nullptr);

    // Selects the breakdown row (source row; -1 clears) without emitting scope signals.
    void setScopeRow(int sourceRow);
    void setFilterText(const QString &text);
    void setWindow(TimeWindow window);
    // The breakdowns the data offers: the By coin / By exchange switch shows only when there are two.
    void setBreakdownKinds(const QList<Liq::BreakdownKind> &kinds);
    QComboBox *breakdownKindBox() const { return m_kindSelector; }

    // The breakdown table, over a sorting and filtering proxy model.
    QTableView *breakdownView() const { return m_breakdownView; }

signals:
    void scopeRequested(int sourceRow);
    void scopeCleared();
    void breakdownKindChosen(Liq::BreakdownKind kind);

private:
    QWidget *makeWindowCard();
    QWidget *makeBreakdownCard();
    void setUpWindowPicker();
    void setUpBreakdownView();
    QHBoxLayout *makeFilterRow();
    void connectControls();
    void onSelectionChanged();
    void updateBreakdownState();

    WindowTableModel *m_windowModel;
    BreakdownTableModel *m_breakdownModel;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_windowView;
    QTableView *m_breakdownView;
    QStackedWidget *m_breakdownStack;
    QLabel *m_breakdownTitle;
    QComboBox *m_windowSelector;
    QComboBox *m_kindSelector;
    QLineEdit *m_filter;
    QToolButton *m_showAll;
    int m_scopeRow = -1;
    bool m_syncing = false;
};

} // namespace Liq
