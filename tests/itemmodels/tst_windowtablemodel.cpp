#include "itemmodels/windowtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Liq;

namespace {

// The figures of the bundled sample: 1h, 4h, 12h, 24h.
WindowAmounts sampleAmounts()
{
    WindowAmounts amounts;
    amounts.set(TimeWindow::H1, {819850, 6080000});
    amounts.set(TimeWindow::H4, {3700000, 28020000});
    amounts.set(TimeWindow::H12, {49950000, 224860000});
    amounts.set(TimeWindow::H24, {66340000, 330700000});
    return amounts;
}

} // namespace

class tst_WindowTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void cells_data();
    void cells();
    void missingWindowsAreNotRows();
    void sameShapeUpdateIsOneDataChanged();
    void unchangedUpdateEmitsNothing();
    void shapeChangeResets();
    void shareMissingWhenNothingLiquidated();
    void partialWindowsAreLabelled();
};

void tst_WindowTableModel::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<double>("sortValue");

    QTest::newRow("1h label") << 0 << int(WindowTableModel::Window) << u"1h"_qs << 1.0;
    QTest::newRow("24h label") << 3 << int(WindowTableModel::Window) << u"24h"_qs << 24.0;
    QTest::newRow("1h longs") << 0 << int(WindowTableModel::Long) << u"$819.85K"_qs << 819850.0;
    QTest::newRow("1h shorts") << 0 << int(WindowTableModel::Short) << u"$6.08M"_qs << 6080000.0;
    QTest::newRow("24h total") << 3 << int(WindowTableModel::Total) << u"$397.04M"_qs << 397040000.0;
    QTest::newRow("24h short share") << 3 << int(WindowTableModel::ShortShare) << u"83.3%"_qs
                                     << 330700000.0 / 397040000.0;
    QTest::newRow("12h longs") << 2 << int(WindowTableModel::Long) << u"$49.95M"_qs << 49950000.0;
}

void tst_WindowTableModel::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(double, sortValue);

    WindowTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setAmounts(sampleAmounts());

    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(WindowTableModel::ColumnCount));
    const QModelIndex index = model.index(row, column);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), display);
    QCOMPARE(index.data(WindowTableModel::SortRole).toDouble(), sortValue);
    QCOMPARE(index.data(WindowTableModel::WindowRole).toInt(), row);
    QVERIFY(!index.data(Qt::ToolTipRole).toString().isEmpty());
}

void tst_WindowTableModel::missingWindowsAreNotRows()
{
    WindowAmounts amounts;
    amounts.set(TimeWindow::H4, {1.0, 3.0});
    WindowTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setAmounts(amounts);
    QCOMPARE(model.rowCount(), 1);
    // As a view finds a window's row: the one row is the 4h window, and no row is the absent 1h one.
    const QModelIndex first = model.index(0, WindowTableModel::Window);
    QCOMPARE(first.data().toString(), u"4h"_qs);
    const auto rowsOf = [&](TimeWindow window) {
        return model.match(first, WindowTableModel::WindowRole, windowIndex(window), -1, Qt::MatchExactly);
    };
    QCOMPARE(rowsOf(TimeWindow::H4), QModelIndexList{first});
    QVERIFY(rowsOf(TimeWindow::H1).isEmpty());
    QCOMPARE(model.index(0, WindowTableModel::ShortShare).data().toString(), u"75.0%"_qs);
}

void tst_WindowTableModel::sameShapeUpdateIsOneDataChanged()
{
    WindowTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setAmounts(sampleAmounts());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    WindowAmounts next = sampleAmounts();
    next.set(TimeWindow::H4, {4000000, 30000000});
    next.set(TimeWindow::H24, {70000000, 340000000});
    model.setAmounts(next);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 3);
    QCOMPARE(bottomRight.column(), int(WindowTableModel::ColumnCount) - 1);
    QCOMPARE(model.index(3, WindowTableModel::Total).data().toString(), u"$410.00M"_qs);
}

void tst_WindowTableModel::unchangedUpdateEmitsNothing()
{
    WindowTableModel model;
    model.setAmounts(sampleAmounts());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setAmounts(sampleAmounts());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void tst_WindowTableModel::shapeChangeResets()
{
    WindowTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setAmounts(sampleAmounts());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    WindowAmounts fewer = sampleAmounts();
    fewer.clear(TimeWindow::H12);
    model.setAmounts(fewer);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, WindowTableModel::Window).data().toString(), u"24h"_qs);
    model.setAmounts({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_WindowTableModel::shareMissingWhenNothingLiquidated()
{
    WindowAmounts amounts;
    amounts.set(TimeWindow::H1, {0.0, 0.0});
    WindowTableModel model;
    model.setAmounts(amounts);
    const QModelIndex share = model.index(0, WindowTableModel::ShortShare);
    QCOMPARE(share.data().toString(), u"—"_qs);
    QVERIFY(!share.data(WindowTableModel::ValueRole).isValid());
    QCOMPARE(share.data(WindowTableModel::SortRole).toDouble(), -1.0);
}

QTEST_GUILESS_MAIN(tst_WindowTableModel)
#include "tst_windowtablemodel.moc"

void tst_WindowTableModel::partialWindowsAreLabelled()
{
    WindowTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAmounts(sampleAmounts());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setAmounts(sampleAmounts(), {TimeWindow::H12, TimeWindow::H24});
    QCOMPARE(reset.count(), 0); // same rows: the labels change in place
    QCOMPARE(changed.count(), 1);
    const QModelIndex h24 = model.index(model.rowCount() - 1, WindowTableModel::Window);
    QVERIFY(model.data(h24).toString().contains(u"partial"_qs));
    QVERIFY(model.data(h24, Qt::ToolTipRole).toString().contains(u"partial"_qs));
    QVERIFY(!model.data(model.index(0, WindowTableModel::Window)).toString().contains(u"partial"_qs));
}
