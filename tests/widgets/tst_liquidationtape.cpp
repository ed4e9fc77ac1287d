#include "itemmodels/liquidationtapefilter.h"
#include "itemmodels/liquidationtapemodel.h"
#include "liquidationtape.h"

#include <QComboBox>
#include <QEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Liq;

namespace {

constexpr qint64 BaseTimeMs = 1'795'183'200'000;

// `count` liquidations, one a second from `firstSecond` on, all distinct by time.
QList<LiquidationEvent> burst(int firstSecond, int count, double usd = 1000, const QString &coin = u"BTC"_qs)
{
    QList<LiquidationEvent> events;
    for (int i = 0; i < count; ++i) {
        LiquidationEvent event;
        event.coin = coin;
        event.instrument = coin + u"USDT"_qs;
        event.side = i % 2 ? LiquidatedSide::Short : LiquidatedSide::Long;
        event.usd = usd;
        event.exchangeTimeMs = BaseTimeMs + qint64(firstSecond + i) * 1000;
        events.append(event);
    }
    return events;
}

// The liquidation drawn at the top of the table (its time identifies it).
qint64 topRowTime(const QTableView *view)
{
    return view->indexAt(QPoint(1, 1)).data(LiquidationTapeModel::TimeMsRole).toLongLong();
}

void enter(QWidget *widget)
{
    QEnterEvent event(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5));
    QCoreApplication::sendEvent(widget, &event);
}

void leave(QWidget *widget)
{
    QEvent event(QEvent::Leave);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace

class tst_LiquidationTape final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newestOnTopWhileNotPointedAt();
    void holdsStillWhilePointedAt_data();
    void holdsStillWhilePointedAt();
    void newButtonGoesBackToTheNewest();
    void controlsFilter();
    void largestInBoldSideWithSwatch();
    void emptyTapeSaysWhy();

private:
    LiquidationTapeModel *m_model = nullptr;
    LiquidationTape *m_tape = nullptr;
};

void tst_LiquidationTape::init()
{
    m_model = new LiquidationTapeModel;
    m_tape = new LiquidationTape(m_model);
    m_tape->resize(500, 320);
    m_tape->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tape));
    m_model->append(burst(0, 100));
    m_tape->view()->doItemsLayout();
}

void tst_LiquidationTape::cleanup()
{
    delete m_tape;
    delete m_model;
    m_tape = nullptr;
    m_model = nullptr;
}

void tst_LiquidationTape::newestOnTopWhileNotPointedAt()
{
    QTableView *view = m_tape->view();
    QCOMPARE(topRowTime(view), BaseTimeMs + 99'000);
    QVERIFY(!m_tape->isPaused());
    m_model->append(burst(200, 3));
    // The tape runs: the newest is at the top and nothing counts as unseen.
    QCOMPARE(topRowTime(view), BaseTimeMs + 202'000);
    QCOMPARE(view->verticalScrollBar()->value(), 0);
    QVERIFY(m_tape->newRowsButton()->isHidden());
}

void tst_LiquidationTape::holdsStillWhilePointedAt_data()
{
    QTest::addColumn<int>("firstVisibleRow");
    QTest::newRow("at the top") << 0;
    QTest::newRow("scrolled down") << 30;
}

void tst_LiquidationTape::holdsStillWhilePointedAt()
{
    QFETCH(int, firstVisibleRow);
    QTableView *view = m_tape->view();
    view->scrollTo(view->model()->index(firstVisibleRow, 0), QAbstractItemView::PositionAtTop);
    const qint64 readTime = topRowTime(view);
    QCOMPARE(readTime, BaseTimeMs + (99 - firstVisibleRow) * 1000);

    enter(view);
    QVERIFY(m_tape->isPaused());
    m_model->append(burst(200, 3));
    QCOMPARE(topRowTime(view), readTime);
    QVERIFY(m_tape->newRowsButton()->isVisible());
    QCOMPARE(m_tape->newRowCount(), 3);
    QVERIFY2(m_tape->newRowsButton()->text().contains(u"3 new"_qs),
             qPrintable(m_tape->newRowsButton()->text()));
    m_model->append(burst(300, 2));
    QCOMPARE(topRowTime(view), readTime);
    QVERIFY(m_tape->newRowsButton()->text().contains(u"5 new"_qs));

    // Leaving goes back to the newest.
    leave(view);
    QVERIFY(!m_tape->isPaused());
    QCOMPARE(view->verticalScrollBar()->value(), 0);
    QCOMPARE(topRowTime(view), BaseTimeMs + 301'000);
    QVERIFY(m_tape->newRowsButton()->isHidden());
    QCOMPARE(m_tape->newRowCount(), 0);
}

void tst_LiquidationTape::newButtonGoesBackToTheNewest()
{
    QTableView *view = m_tape->view();
    enter(view);
    m_model->append(burst(200, 4));
    QCOMPARE(topRowTime(view), BaseTimeMs + 99'000);
    QTest::mouseClick(m_tape->newRowsButton(), Qt::LeftButton);
    QCOMPARE(topRowTime(view), BaseTimeMs + 203'000);
    QVERIFY(m_tape->newRowsButton()->isHidden());
    // Still pointed at: the next burst holds the newest row in place again.
    QVERIFY(m_tape->isPaused());
    m_model->append(burst(300, 1));
    QCOMPARE(topRowTime(view), BaseTimeMs + 203'000);
    QCOMPARE(m_tape->newRowCount(), 1);
}

void tst_LiquidationTape::controlsFilter()
{
    m_model->append(burst(200, 2, 250'000, u"ETH"_qs));
    m_model->append(burst(300, 1, 3'000'000, u"SOL"_qs));
    QTableView *view = m_tape->view();
    QCOMPARE(view->model()->rowCount(), 103);

    QComboBox *sizes = m_tape->minimumSizeBox();
    QCOMPARE(sizes->count(), 4);
    QCOMPARE(sizes->itemText(0), u"All"_qs);
    sizes->setCurrentIndex(sizes->findText(u"≥ $100K"_qs));
    QCOMPARE(m_tape->filter()->minimumUsd(), 100'000.0);
    QCOMPARE(view->model()->rowCount(), 3);
    sizes->setCurrentIndex(sizes->findText(u"≥ $1M"_qs));
    QCOMPARE(view->model()->rowCount(), 1);

    sizes->setCurrentIndex(0);
    QTest::keyClicks(m_tape->coinEdit(), u"eth"_qs);
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(topRowTime(view), BaseTimeMs + 201'000);
    // Rows a filter lets back in are not new liquidations, even while pointed at.
    enter(view);
    m_tape->coinEdit()->clear();
    QCOMPARE(view->model()->rowCount(), 103);
    QCOMPARE(m_tape->newRowCount(), 0);
}

void tst_LiquidationTape::largestInBoldSideWithSwatch()
{
    m_model->append(burst(200, 1, 5e6));
    QTableView *view = m_tape->view();
    QAbstractItemModel *rows = view->model();
    QCOMPARE(rows->index(0, 0).data(LiquidationTapeModel::IsLargestRole).toBool(), true);
    QStyleOptionViewItem option;
    option.initFrom(view);
    QAbstractItemDelegate *delegate = view->itemDelegate();
    // Same text ("Binance"), wider in bold.
    const QModelIndex largest = rows->index(0, LiquidationTapeModel::Exchange);
    const QModelIndex other = rows->index(1, LiquidationTapeModel::Exchange);
    QCOMPARE(largest.data().toString(), other.data().toString());
    QVERIFY(delegate->sizeHint(option, largest).width() > delegate->sizeHint(option, other).width());
    // The side carries a swatch beside its text: wider than the text alone draws.
    const QModelIndex side = rows->index(1, LiquidationTapeModel::Side);
    QStyledItemDelegate plain;
    QVERIFY(delegate->sizeHint(option, side).width() > plain.sizeHint(option, side).width());
}

void tst_LiquidationTape::emptyTapeSaysWhy()
{
    // Filled in init(): no empty text.
    QVERIFY(!m_tape->emptyLabel()->isVisible());
    m_tape->setPlaceholder(u"Watch Live fills the tape"_qs);
    QVERIFY(!m_tape->emptyLabel()->isVisible());

    // A filter that hides every row says so (and not how to start the streams).
    QTest::keyClicks(m_tape->coinEdit(), u"DOGE"_qs);
    QCOMPARE(m_tape->view()->model()->rowCount(), 0);
    QVERIFY(m_tape->emptyLabel()->isVisible());
    QVERIFY(m_tape->emptyLabel()->text().contains(u"filters"_qs));
    QVERIFY(m_tape->view()->viewport()->geometry().contains(m_tape->emptyLabel()->geometry().center()));
    m_model->append(burst(500, 1, 1000, u"DOGE"_qs));
    QVERIFY(!m_tape->emptyLabel()->isVisible());

    // An empty tape tells how to fill it.
    m_model->clear();
    QVERIFY(m_tape->emptyLabel()->isVisible());
    QCOMPARE(m_tape->emptyLabel()->text(), u"Watch Live fills the tape"_qs);
}

QTEST_MAIN(tst_LiquidationTape)
#include "tst_liquidationtape.moc"
