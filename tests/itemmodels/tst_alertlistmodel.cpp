// The list of fired alerts: newest first, bounded, every role a view or test reads, under the model tester.
#include "itemmodels/alertlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Liq;

namespace {

Alert makeAlert(int n, AlertUrgency urgency = AlertUrgency::Normal)
{
    Alert alert;
    alert.rule = QStringLiteral("liquidation>=250k");
    alert.title = QStringLiteral("Alert %1").arg(n);
    alert.body = QStringLiteral("Body %1").arg(n);
    alert.coin = QStringLiteral("BTC");
    alert.urgency = urgency;
    alert.time = QDateTime::fromMSecsSinceEpoch(1'795'183'200'000 + qint64(n) * 1000, Qt::UTC);
    return alert;
}

} // namespace

class tst_AlertListModel final : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstWithRoles();
    void boundedOneInsertEach();
};

void tst_AlertListModel::newestFirstWithRoles()
{
    AlertListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(makeAlert(1, AlertUrgency::Low));
    model.append(makeAlert(2, AlertUrgency::Critical));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(AlertListModel::ColumnCount));
    QCOMPARE(model.index(0, AlertListModel::Title).data().toString(), QStringLiteral("Alert 2"));
    QCOMPARE(model.index(1, AlertListModel::Title).data().toString(), QStringLiteral("Alert 1"));
    QCOMPARE(model.index(0, AlertListModel::Time).data().toString(), QStringLiteral("2026-11-20 14:00:02"));
    QCOMPARE(model.index(0, AlertListModel::Urgency).data().toString(), QStringLiteral("Critical"));
    QCOMPARE(model.index(0, 0).data(AlertListModel::UrgencyRole).toInt(), int(AlertUrgency::Critical));
    QCOMPARE(model.index(0, 0).data(AlertListModel::BodyRole).toString(), QStringLiteral("Body 2"));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("Body 2"));
    QCOMPARE(model.index(0, 0).data(AlertListModel::CoinRole).toString(), QStringLiteral("BTC"));
    QCOMPARE(model.index(0, AlertListModel::Rule).data().toString(), QStringLiteral("liquidation>=250k"));
    QCOMPARE(model.headerData(AlertListModel::Time, Qt::Horizontal).toString(), QStringLiteral("Time (UTC)"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_AlertListModel::boundedOneInsertEach()
{
    AlertListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < AlertListModel::Capacity; ++i)
        model.append(makeAlert(i));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.append(makeAlert(AlertListModel::Capacity));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), AlertListModel::Capacity);
    QCOMPARE(model.alertAt(0).title, QStringLiteral("Alert %1").arg(AlertListModel::Capacity));
    QCOMPARE(model.alertAt(AlertListModel::Capacity - 1).title, QStringLiteral("Alert 1")); // 0 dropped
}

QTEST_GUILESS_MAIN(tst_AlertListModel)
#include "tst_alertlistmodel.moc"
