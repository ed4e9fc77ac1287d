#include "alertruleseditor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Liq {

AlertRulesEditor::AlertRulesEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget)
    , m_edit(new QLineEdit)
    , m_add(new QPushButton(tr("&Add")))
    , m_remove(new QPushButton(tr("&Remove")))
    , m_test(new QPushButton(tr("&Test")))
    , m_message(new QLabel)
{
    m_list->setAccessibleName(tr("Alert rules; a checked rule is on"));
    m_edit->setPlaceholderText(tr("e.g. liquidation>=250k, squeeze>=strong:short@BTC, total:1h>=50M"));
    m_edit->setAccessibleName(tr("New alert rule"));
    m_add->setToolTip(tr("Add the rule in the field"));
    m_remove->setToolTip(tr("Remove the selected rule"));
    m_test->setToolTip(tr("Read the rule in the field (or the selected one) on the data on screen"));
    m_test->setEnabled(false);
    m_remove->setEnabled(false);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
    row->addWidget(m_add);
    row->addWidget(m_test);
    row->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &AlertRulesEditor::addRule);
    connect(m_edit, &QLineEdit::returnPressed, this, &AlertRulesEditor::addRule);
    connect(m_test, &QPushButton::clicked, this, &AlertRulesEditor::testRule);
    connect(m_remove, &QPushButton::clicked, this, [this] { delete m_list->currentItem(); });
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *current) { m_remove->setEnabled(current != nullptr); });
}

void AlertRulesEditor::setRules(const QList<AlertRuleSetting> &rules)
{
    m_list->clear();
    for (const AlertRuleSetting &setting : rules) {
        auto *item = new QListWidgetItem(setting.rule.toText(), m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(setting.enabled ? Qt::Checked : Qt::Unchecked);
    }
}

QList<AlertRuleSetting> AlertRulesEditor::rules() const
{
    QList<AlertRuleSetting> rules;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (const std::optional<AlertRule> rule = AlertRule::parse(item->text()))
            rules.append({*rule, item->checkState() == Qt::Checked});
    }
    return rules;
}

void AlertRulesEditor::setTester(Tester tester)
{
    m_tester = std::move(tester);
    m_test->setEnabled(bool(m_tester));
}

void AlertRulesEditor::addRule()
{
    AlertRuleError error;
    const std::optional<AlertRule> rule = AlertRule::parse(m_edit->text(), &error);
    if (!rule) {
        m_message->setText(error.message);
        return;
    }
    const QString text = rule->toText();
    if (!m_list->findItems(text, Qt::MatchExactly).isEmpty()) {
        m_message->setText(tr("%1 is in the list already.").arg(text));
        return;
    }
    auto *item = new QListWidgetItem(text, m_list);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    m_list->setCurrentItem(item);
    m_edit->clear();
    m_message->setText(tr("Added %1.").arg(text));
}

std::optional<AlertRule> AlertRulesEditor::ruleToTest()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty() && m_list->currentItem())
        return AlertRule::parse(m_list->currentItem()->text());
    AlertRuleError error;
    std::optional<AlertRule> rule = AlertRule::parse(text, &error);
    if (!rule)
        m_message->setText(error.message);
    return rule;
}

void AlertRulesEditor::testRule()
{
    if (!m_tester)
        return;
    const std::optional<AlertRule> rule = ruleToTest();
    if (!rule)
        return;
    const AlertReading reading = m_tester(*rule);
    const QString verdict = !reading.holds ? tr("cannot be told from the data on screen")
        : *reading.holds                   ? tr("holds now")
                                           : tr("does not hold now");
    m_message->setText(tr("%1 %2: %3").arg(rule->toText(), verdict, reading.text));
}

} // namespace Liq
