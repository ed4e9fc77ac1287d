#include "tablespanel.h"

#include "card.h"
#include "itemmodels/breakdowntablemodel.h"
#include "itemmodels/windowtablemodel.h"
#include "liqpalette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Liq {
namespace {

// The short-share column as a split bar (longs left, shorts right) with the percentage on top, so the
// imbalance of every row is visible at a glance; the text keeps it readable without colour.
class ShareBarDelegate final : public QStyledItemDelegate
{
public:
    // valueRole: where the model keeps the raw share in [0, 1] (invalid when there is none).
    ShareBarDelegate(int valueRole, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_valueRole(valueRole)
    { }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QVariant share = index.data(m_valueRole);
        if (!share.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const QRectF bar = QRectF(opt.rect).adjusted(6, opt.rect.height() - 7, -6, -3);
        const double shortWidth = bar.width() * std::clamp(share.toDouble(), 0.0, 1.0);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(LiqPalette::longColor());
        painter->drawRect(QRectF(bar.left(), bar.top(), bar.width() - shortWidth, bar.height()));
        painter->setBrush(LiqPalette::shortColor());
        painter->drawRect(QRectF(bar.right() - shortWidth, bar.top(), shortWidth, bar.height()));
        painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                                           : opt.palette.color(QPalette::Text));
        painter->drawText(QRectF(opt.rect).adjusted(6, 0, -6, -6), Qt::AlignRight | Qt::AlignVCenter, text);
        painter->restore();
    }

private:
    int m_valueRole;
};

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setFrameShape(QFrame::NoFrame); // the card around it is the frame
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->horizontalHeader()->setHighlightSections(false);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

} // namespace

TablesPanel::TablesPanel(WindowTableModel *windows, BreakdownTableModel *breakdown, QWidget *parent)
    : QWidget(parent)
    , m_windowModel(windows)
    , m_breakdownModel(breakdown)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_windowView(new QTableView)
    , m_breakdownView(new QTableView)
    , m_breakdownStack(new QStackedWidget)
    , m_breakdownTitle(Card::makeTitle(QString()))
    , m_windowSelector(new QComboBox)
    , m_kindSelector(new QComboBox)
    , m_filter(new QLineEdit)
    , m_showAll(new QToolButton)
{
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(makeWindowCard());
    splitter->addWidget(makeBreakdownCard());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connectControls();
    updateBreakdownState();
}

QWidget *TablesPanel::makeWindowCard()
{
    auto *card = new Card;
    auto *title = Card::makeTitle(tr("By window"));
    m_windowView->setModel(m_windowModel);
    m_windowView->setAccessibleName(tr("Liquidations by window"));
    setUpTable(m_windowView);
    m_windowView->setSelectionMode(QAbstractItemView::NoSelection);
    m_windowView->setItemDelegateForColumn(WindowTableModel::ShortShare,
                                           new ShareBarDelegate(WindowTableModel::ValueRole, m_windowView));
    // All four windows visible without scrolling: the table is short and always needed whole.
    m_windowView->setMinimumHeight(m_windowView->horizontalHeader()->sizeHint().height()
                                   + TimeWindowCount * m_windowView->verticalHeader()->defaultSectionSize()
                                   + 6);
    m_windowView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_windowView->horizontalHeader()->setSectionResizeMode(WindowTableModel::Window,
                                                           QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(title);
    layout->addWidget(m_windowView, 1);
    return card;
}

QWidget *TablesPanel::makeBreakdownCard()
{
    auto *card = new Card;
    setUpWindowPicker();
    setUpBreakdownView();
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(makeFilterRow());
    layout->addWidget(m_breakdownStack, 1);
    return card;
}

void TablesPanel::setUpWindowPicker()
{
    for (TimeWindow window : AllTimeWindows)
        m_windowSelector->addItem(windowLabel(window), windowIndex(window));
    m_windowSelector->setCurrentIndex(windowIndex(m_breakdownModel->window()));
    m_windowSelector->setToolTip(tr("Window the breakdown shows"));
    m_windowSelector->setAccessibleName(tr("Breakdown window"));
}

// The breakdown's view over the sorting, filtering proxy, with a placeholder for a snapshot without rows.
void TablesPanel::setUpBreakdownView()
{
    m_proxy->setSourceModel(m_breakdownModel);
    m_proxy->setSortRole(BreakdownTableModel::SortRole);
    m_proxy->setFilterKeyColumn(BreakdownTableModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_breakdownView->setModel(m_proxy);
    m_breakdownView->setAccessibleName(tr("Liquidations by coin or exchange"));
    setUpTable(m_breakdownView);
    m_breakdownView->setSortingEnabled(true);
    m_breakdownView->sortByColumn(BreakdownTableModel::Total, Qt::DescendingOrder);
    m_breakdownView->setItemDelegateForColumn(
        BreakdownTableModel::ShortShare,
        new ShareBarDelegate(BreakdownTableModel::ValueRole, m_breakdownView));
    auto *placeholder = new QLabel(tr("This snapshot has no per-coin or per-exchange breakdown.\n"
                                      "Open a CoinGlass coin list or exchange list to compare rows."));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false);
    m_breakdownStack->addWidget(m_breakdownView);
    m_breakdownStack->addWidget(placeholder);
}

// The breakdown card's header: its title, then the name filter, the window picker and "Show total".
QHBoxLayout *TablesPanel::makeFilterRow()
{
    m_filter->setAccessibleName(tr("Filter breakdown by name"));
    m_kindSelector->addItem(tr("By coin"), int(BreakdownKind::Coin));
    m_kindSelector->addItem(tr("By exchange"), int(BreakdownKind::Exchange));
    m_kindSelector->setToolTip(tr("Rows per coin or per exchange"));
    m_kindSelector->setAccessibleName(tr("Breakdown rows"));
    m_kindSelector->setVisible(false);
    m_filter->setMaximumWidth(220);
    m_showAll->setText(tr("Show total"));
    m_showAll->setToolTip(tr("Clear the selection and show the whole snapshot again"));
    m_showAll->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_breakdownTitle);
    row->addStretch();
    row->addWidget(m_filter, 1);
    row->addWidget(m_kindSelector);
    row->addWidget(m_windowSelector);
    row->addWidget(m_showAll);
    return row;
}

void TablesPanel::setBreakdownKinds(const QList<BreakdownKind> &kinds)
{
    m_kindSelector->setVisible(kinds.size() > 1);
    if (!kinds.isEmpty())
        m_kindSelector->setCurrentIndex(std::max(0, m_kindSelector->findData(int(kinds.first()))));
}

void TablesPanel::connectControls()
{
    connect(m_windowSelector, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_breakdownModel->setWindow(AllTimeWindows[std::size_t(index)]);
    });
    connect(m_filter, &QLineEdit::textChanged, this, &TablesPanel::setFilterText);
    connect(m_kindSelector, &QComboBox::activated, this, [this](int index) {
        emit breakdownKindChosen(BreakdownKind(m_kindSelector->itemData(index).toInt()));
    });
    connect(m_showAll, &QToolButton::clicked, this, [this] {
        setScopeRow(-1);
        emit scopeCleared();
    });
    connect(m_breakdownView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TablesPanel::onSelectionChanged);
    connect(m_breakdownModel, &QAbstractItemModel::modelReset, this, &TablesPanel::updateBreakdownState);
    connect(m_breakdownModel, &QAbstractItemModel::headerDataChanged, this,
            &TablesPanel::updateBreakdownState);
}

void TablesPanel::setScopeRow(int sourceRow)
{
    m_scopeRow = sourceRow;
    m_showAll->setEnabled(sourceRow >= 0);
    const QScopedValueRollback guard(m_syncing, true);
    const QModelIndex proxyIndex
        = sourceRow >= 0 ? m_proxy->mapFromSource(m_breakdownModel->index(sourceRow, 0)) : QModelIndex();
    if (proxyIndex.isValid()) {
        m_breakdownView->selectionModel()->select(
            proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_breakdownView->scrollTo(proxyIndex);
    } else {
        m_breakdownView->selectionModel()->clearSelection();
    }
}

void TablesPanel::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    // The clear button shows only while there is text: made with the first text rather than at start-up,
    // where reading its icon costs about 1% of the start-up.
    if (!text.isEmpty())
        m_filter->setClearButtonEnabled(true);
    {
        // Filtering must not rescope the dashboard: it only hides rows.
        const QScopedValueRollback guard(m_syncing, true);
        m_proxy->setFilterFixedString(text);
    }
    setScopeRow(m_scopeRow);
}

void TablesPanel::setWindow(TimeWindow window)
{
    m_windowSelector->setCurrentIndex(windowIndex(window));
}

void TablesPanel::onSelectionChanged()
{
    if (m_syncing)
        return;
    const QModelIndexList rows = m_breakdownView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_scopeRow = -1;
        m_showAll->setEnabled(false);
        emit scopeCleared();
        return;
    }
    m_scopeRow = rows.constFirst().data(BreakdownTableModel::SourceRowRole).toInt();
    m_showAll->setEnabled(true);
    emit scopeRequested(m_scopeRow);
}

void TablesPanel::updateBreakdownState()
{
    const bool exchanges = m_breakdownModel->kind() == BreakdownKind::Exchange;
    m_breakdownTitle->setText(exchanges ? tr("By exchange") : tr("By coin"));
    m_filter->setPlaceholderText(exchanges ? tr("Filter exchanges") : tr("Filter coins"));
    const bool empty = m_breakdownModel->rowCount() == 0;
    m_breakdownStack->setCurrentIndex(empty ? 1 : 0);
    m_filter->setEnabled(!empty);
    m_windowSelector->setEnabled(!empty);
}

} // namespace Liq
