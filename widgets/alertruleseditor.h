#pragma once

#include "alerts/alertcheck.h"
#include "alerts/alertsettings.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Liq {

// The alert rules as the user edits them: a list with a checkbox per rule (on or off), a field to add
// one in the rules' text form (refused with the parser's message, which says where), and Test, which
// reads the rule in the field (or the selected one) on the data on screen.
class AlertRulesEditor final : public QWidget
{
    Q_OBJECT

public:
    using Tester = std::function<AlertReading(const AlertRule &)>;

    explicit AlertRulesEditor(QWidget *parent = nullptr);

    void setRules(const QList<AlertRuleSetting> &rules);
    QList<AlertRuleSetting> rules() const;
    // What Test reads the rule on; without one, Test is disabled.
    void setTester(Tester tester);

    QLineEdit *ruleEdit() const { return m_edit; }
    QListWidget *list() const { return m_list; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *testButton() const { return m_test; }

private:
    void addRule();
    void testRule();
    std::optional<AlertRule> ruleToTest();

    QListWidget *m_list;
    QLineEdit *m_edit;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_test;
    QLabel *m_message;
    Tester m_tester;
};

} // namespace Liq
