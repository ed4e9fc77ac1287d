#include "itemmodels/breakdowntablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Liq;

namespace {

BreakdownRow coin(const QString &name, double long1h, double short1h, double long24h, double short24h)
{
    BreakdownRow row;
    row.name = name;
    row.amounts.set(TimeWindow::H1, {long1h, short1h});
    row.amounts.set(TimeWindow::H24, {long24h, short24h});
    return row;
}

QList<BreakdownRow> coins()
{
    return {coin(u"BTC"_qs, 100, 900, 10e6, 40e6), coin(u"ETH"_qs, 500, 500, 30e6, 5e6),
            coin(u"SOL"_qs, 50, 0, 1e6, 2e6)};
}

} // namespace

class tst_BreakdownTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void cells_data();
    void cells();
    void headerNamesKind();
    void sameShapeUpdateIsOneDataChanged();
    void shapeChangeResets_data();
    void shapeChangeResets();
    void windowChangeUpdatesAllAmounts();
    void missingWindowShowsDash();
    void sortsByRawValueThroughProxy();
};

void tst_BreakdownTableModel::cells_data()
{
    QTest::addColumn<TimeWindow>("window");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<double>("sortValue");

    QTest::newRow("24h BTC shorts") << TimeWindow::H24 << 0 << int(BreakdownTableModel::Short)
                                    << u"$40.00M"_qs << 40e6;
    QTest::newRow("24h ETH total") << TimeWindow::H24 << 1 << int(BreakdownTableModel::Total) << u"$35.00M"_qs
                                   << 35e6;
    QTest::newRow("24h BTC share") << TimeWindow::H24 << 0 << int(BreakdownTableModel::ShortShare)
                                   << u"80.0%"_qs << 0.8;
    QTest::newRow("1h BTC longs") << TimeWindow::H1 << 0 << int(BreakdownTableModel::Long) << u"$100.00"_qs
                                  << 100.0;
    QTest::newRow("1h SOL share") << TimeWindow::H1 << 2 << int(BreakdownTableModel::ShortShare) << u"0.0%"_qs
                                  << 0.0;
}

void tst_BreakdownTableModel::cells()
{
    QFETCH(TimeWindow, window);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(double, sortValue);

    BreakdownTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(coins(), BreakdownKind::Coin);
    model.setWindow(window);
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex index = model.index(row, column);
    QCOMPARE(index.data().toString(), display);
    QCOMPARE(index.data(BreakdownTableModel::SortRole).toDouble(), sortValue);
    QCOMPARE(index.data(BreakdownTableModel::SourceRowRole).toInt(), row);
    QCOMPARE(index.data(BreakdownTableModel::NameRole).toString(), coins().at(row).name);
}

void tst_BreakdownTableModel::headerNamesKind()
{
    BreakdownTableModel model;
    model.setRows(coins(), BreakdownKind::Coin);
    QCOMPARE(model.headerData(BreakdownTableModel::Name, Qt::Horizontal).toString(), u"Coin"_qs);
    model.setRows(coins(), BreakdownKind::Exchange);
    QCOMPARE(model.headerData(BreakdownTableModel::Name, Qt::Horizontal).toString(), u"Exchange"_qs);
}

void tst_BreakdownTableModel::sameShapeUpdateIsOneDataChanged()
{
    BreakdownTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(coins(), BreakdownKind::Coin);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QList<BreakdownRow> next = coins();
    next[1].amounts.set(TimeWindow::H24, {31e6, 6e6});
    next[2].amounts.set(TimeWindow::H24, {2e6, 2e6});
    model.setRows(next, BreakdownKind::Coin);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 2);
    QCOMPARE(model.index(2, BreakdownTableModel::ShortShare).data().toString(), u"50.0%"_qs);
}

void tst_BreakdownTableModel::shapeChangeResets_data()
{
    QTest::addColumn<QList<BreakdownRow>>("next");
    QList<BreakdownRow> fewer = coins();
    fewer.removeLast();
    QList<BreakdownRow> reordered = coins();
    reordered.swapItemsAt(0, 1);
    QList<BreakdownRow> renamed = coins();
    renamed[2].name = u"DOGE"_qs;
    QTest::newRow("fewer rows") << fewer;
    QTest::newRow("reordered") << reordered;
    QTest::newRow("renamed") << renamed;
    QTest::newRow("empty") << QList<BreakdownRow>();
}

void tst_BreakdownTableModel::shapeChangeResets()
{
    QFETCH(QList<BreakdownRow>, next);
    BreakdownTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(coins(), BreakdownKind::Coin);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRows(next, BreakdownKind::Coin);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), next.size());
    for (int row = 0; row < next.size(); ++row)
        QCOMPARE(model.index(row, BreakdownTableModel::Name).data().toString(), next.at(row).name);
}

void tst_BreakdownTableModel::windowChangeUpdatesAllAmounts()
{
    BreakdownTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(coins(), BreakdownKind::Coin);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setWindow(TimeWindow::H1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, BreakdownTableModel::Long));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(2, BreakdownTableModel::ColumnCount - 1));
    QCOMPARE(model.index(1, BreakdownTableModel::Total).data().toString(), u"$1.00K"_qs);
    model.setWindow(TimeWindow::H1);
    QCOMPARE(changed.count(), 1);
}

void tst_BreakdownTableModel::missingWindowShowsDash()
{
    BreakdownTableModel model;
    model.setRows(coins(), BreakdownKind::Coin);
    model.setWindow(TimeWindow::H4);
    const QModelIndex total = model.index(0, BreakdownTableModel::Total);
    QCOMPARE(total.data().toString(), u"—"_qs);
    QVERIFY(!total.data(BreakdownTableModel::ValueRole).isValid());
    QCOMPARE(total.data(BreakdownTableModel::SortRole).toDouble(), -1.0);
    QVERIFY(total.data(Qt::ToolTipRole).toString().contains(u"4h"));
}

void tst_BreakdownTableModel::sortsByRawValueThroughProxy()
{
    BreakdownTableModel model;
    model.setRows(coins(), BreakdownKind::Coin);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(BreakdownTableModel::SortRole);
    // Display text would sort "$3.00M" above "$35.00M" and "$50.00M"; raw values do not.
    proxy.sort(BreakdownTableModel::Total, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"BTC"_qs);
    QCOMPARE(proxy.index(1, 0).data().toString(), u"ETH"_qs);
    QCOMPARE(proxy.index(2, 0).data().toString(), u"SOL"_qs);
    QCOMPARE(proxy.index(2, 0).data(BreakdownTableModel::SourceRowRole).toInt(), 2);
}

QTEST_GUILESS_MAIN(tst_BreakdownTableModel)
#include "tst_breakdowntablemodel.moc"
