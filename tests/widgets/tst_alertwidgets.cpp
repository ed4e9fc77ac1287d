// The alerts panel (the list, what an empty list says, the pause, Show by double-click) and the rules
// editor of Preferences (a bad rule refused with where, a rule added once, on/off kept, Test on the data).
#include "alertruleseditor.h"
#include "alertspanel.h"
#include "itemmodels/alertlistmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Liq;

namespace {

AlertRule parsed(const char *text)
{
    return AlertRule::parse(QString::fromLatin1(text)).value_or(AlertRule());
}

} // namespace

class tst_AlertWidgets final : public QObject
{
    Q_OBJECT

private slots:
    void panelListsSaysWhyEmptyAndAsksToShow();
    void editorRefusesWithWhereAndAddsOnce();
    void editorTestsOnTheDataOnScreen();
};

void tst_AlertWidgets::panelListsSaysWhyEmptyAndAsksToShow()
{
    AlertListModel model;
    AlertsPanel panel(&model);
    panel.resize(600, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.emptyLabel()->isVisible());
    QVERIFY(panel.emptyLabel()->text().contains(QLatin1String("Preferences")));
    QVERIFY(panel.view()->viewport()->geometry().contains(panel.emptyLabel()->geometry().center()));
    QVERIFY(!panel.pauseButton()->isEnabled()); // nothing to pause

    panel.setWatching(2, false);
    QCOMPARE(panel.stateLabel()->text(), QStringLiteral("rules on: 2"));
    QVERIFY(panel.emptyLabel()->text().contains(QLatin1String("live data")));
    QSignalSpy paused(&panel, &AlertsPanel::pauseToggled);
    panel.pauseButton()->click();
    QCOMPARE(paused.size(), 1);
    QCOMPARE(paused.first().at(0).toBool(), true);
    panel.setWatching(2, true);
    QCOMPARE(panel.stateLabel()->text(), QStringLiteral("paused"));

    Alert alert;
    alert.rule = QStringLiteral("liquidation>=250k");
    alert.title = QStringLiteral("Liquidation of $2.00M on SOL");
    alert.coin = QStringLiteral("SOL");
    alert.time = QDateTime::currentDateTimeUtc();
    model.append(alert);
    QVERIFY(!panel.emptyLabel()->isVisible());
    // The time and the rule are shown whole.
    const QTableView *view = panel.view();
    QVERIFY(view->columnWidth(AlertListModel::Time) >= view->fontMetrics().horizontalAdvance(
                alert.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QVERIFY(view->columnWidth(AlertListModel::Rule) >= view->fontMetrics().horizontalAdvance(alert.rule));
    QSignalSpy show(&panel, &AlertsPanel::showRequested);
    const QModelIndex first = panel.view()->model()->index(0, AlertListModel::Title);
    emit panel.view()->doubleClicked(first);
    QCOMPARE(show.size(), 1);
    QCOMPARE(show.first().at(0).toString(), QStringLiteral("SOL"));
}

void tst_AlertWidgets::editorRefusesWithWhereAndAddsOnce()
{
    AlertRulesEditor editor;
    editor.setRules({{parsed("squeeze>=strong"), true}, {parsed("total:1h>=50M"), false}});
    QCOMPARE(editor.list()->count(), 2);
    QVERIFY(!editor.testButton()->isEnabled()); // no data to test on

    editor.ruleEdit()->setText(QStringLiteral("total:2h>=50M"));
    editor.addButton()->click();
    QVERIFY(editor.messageLabel()->text().contains(QLatin1String("column 7")));
    QCOMPARE(editor.list()->count(), 2);

    editor.ruleEdit()->setText(QStringLiteral("Liquidation >= 250K @btc"));
    editor.addButton()->click();
    QCOMPARE(editor.list()->count(), 3);
    QVERIFY(editor.ruleEdit()->text().isEmpty());
    editor.ruleEdit()->setText(QStringLiteral("liquidation>=250k@BTC"));
    QTest::keyClick(editor.ruleEdit(), Qt::Key_Return);
    QCOMPARE(editor.list()->count(), 3); // the same rule once
    QVERIFY(editor.messageLabel()->text().contains(QLatin1String("already")));

    const QList<AlertRuleSetting> rules = editor.rules();
    QCOMPARE(rules.size(), 3);
    QVERIFY(rules.at(0).enabled);
    QVERIFY(!rules.at(1).enabled); // kept off
    QCOMPARE(rules.at(2).rule, parsed("liquidation>=250k@BTC"));
    QVERIFY(rules.at(2).enabled);

    editor.list()->setCurrentRow(0);
    editor.removeButton()->click();
    QCOMPARE(editor.rules().size(), 2);
    QCOMPARE(editor.rules().first().rule, parsed("total:1h>=50M"));
}

void tst_AlertWidgets::editorTestsOnTheDataOnScreen()
{
    AlertRulesEditor editor;
    QList<AlertRule> tested;
    editor.setTester([&tested](const AlertRule &rule) {
        tested.append(rule);
        AlertReading reading;
        reading.holds = true;
        reading.text = QStringLiteral("$62.0M in the last hour");
        return reading;
    });
    QVERIFY(editor.testButton()->isEnabled());
    editor.ruleEdit()->setText(QStringLiteral("total:1h>=50M"));
    editor.testButton()->click();
    QCOMPARE(tested.size(), 1);
    QCOMPARE(tested.first(), parsed("total:1h>=50M"));
    QVERIFY(editor.messageLabel()->text().contains(QLatin1String("holds now")));
    QVERIFY(editor.messageLabel()->text().contains(QLatin1String("$62.0M")));
    // A bad rule is not tested: the parser says why.
    editor.ruleEdit()->setText(QStringLiteral("squeeze>=huge"));
    editor.testButton()->click();
    QCOMPARE(tested.size(), 1);
    QVERIFY(editor.messageLabel()->text().contains(QLatin1String("column")));
}

QTEST_MAIN(tst_AlertWidgets)
#include "tst_alertwidgets.moc"
