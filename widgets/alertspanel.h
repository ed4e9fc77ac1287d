#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace Liq {

class AlertListModel;
class ViewPlaceholder;

// The alerts that fired, as a card: newest first (when, how much it matters, what, which rule), the
// reasons in each row's tooltip, and a line that says how many rules are watched or whether alerts are
// paused. Double-clicking an alert asks to show what it was about.
class AlertsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AlertsPanel(AlertListModel *model, QWidget *parent = nullptr);

    // How many rules are on, and whether alerts are paused: the line under the title, and what an empty
    // list says.
    void setWatching(int enabledRules, bool paused);

    QTableView *view() const { return m_view; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *emptyLabel() const;
    QToolButton *pauseButton() const { return m_pause; }

signals:
    void showRequested(const QString &coin);
    void pauseToggled(bool paused);

private:
    void updateEmptyLabel();

    AlertListModel *m_model;
    QTableView *m_view;
    QLabel *m_state;
    ViewPlaceholder *m_empty;
    QToolButton *m_pause;
    int m_enabledRules = 0;
};

} // namespace Liq
