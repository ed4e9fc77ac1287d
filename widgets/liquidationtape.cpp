#include "liquidationtape.h"

#include "card.h"
#include "itemmodels/liquidationtapefilter.h"
#include "itemmodels/liquidationtapemodel.h"
#include "liqpalette.h"
#include "viewplaceholder.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Liq {
namespace {

// The minimum sizes the tape offers, in US dollars (0: all).
struct SizeStep
{
    const char *label;
    double usd;
};
constexpr SizeStep SizeSteps[] = {
    {QT_TRANSLATE_NOOP("Liq::LiquidationTape", "All"), 0},
    {QT_TRANSLATE_NOOP("Liq::LiquidationTape", "≥ $10K"), 1e4},
    {QT_TRANSLATE_NOOP("Liq::LiquidationTape", "≥ $100K"), 1e5},
    {QT_TRANSLATE_NOOP("Liq::LiquidationTape", "≥ $1M"), 1e6},
};

QIcon sideSwatch(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(2, 2, 28, 28));
    return QIcon(pixmap);
}

// The side column with a swatch in the app's long/short colour beside the text (the text keeps it
// readable without colour, and the orange is too light for text on a light background); the
// largest liquidation on the tape in bold.
class TapeDelegate final : public QStyledItemDelegate
{
public:
    explicit TapeDelegate(QObject *parent)
        : QStyledItemDelegate(parent)
        , m_long(sideSwatch(LiqPalette::longColor()))
        , m_short(sideSwatch(LiqPalette::shortColor()))
    { }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(LiquidationTapeModel::IsLargestRole).toBool())
            option->font.setBold(true);
        if (index.column() == LiquidationTapeModel::Side) {
            const auto side = LiquidatedSide(index.data(LiquidationTapeModel::SideRole).toInt());
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = side == LiquidatedSide::Long ? m_long : m_short;
            const int size = option->fontMetrics.height() / 2;
            option->decorationSize = QSize(size, size);
        }
    }

private:
    QIcon m_long;
    QIcon m_short;
};

} // namespace

LiquidationTape::LiquidationTape(LiquidationTapeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_filter(new LiquidationTapeFilter(this))
    , m_view(new QTableView)
    , m_minimumSize(new QComboBox)
    , m_coin(new QLineEdit)
    , m_newRowsButton(new QToolButton(m_view))
    , m_emptyLabel(new ViewPlaceholder(m_view))
{
    m_filter->setSourceModel(model);
    auto *card = new Card;
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(12, 8, 12, 8);
    cardLayout->addLayout(makeHeaderRow());
    setUpView();
    cardLayout->addWidget(m_view, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(card);
    connectControls();
}

QHBoxLayout *LiquidationTape::makeHeaderRow()
{
    for (const SizeStep &step : SizeSteps)
        m_minimumSize->addItem(tr(step.label), step.usd);
    m_minimumSize->setToolTip(tr("Show only liquidations of at least this size"));
    m_minimumSize->setAccessibleName(tr("Minimum size"));
    m_coin->setPlaceholderText(tr("Coin"));
    m_coin->setToolTip(tr("Show only this coin (e.g. BTC); empty shows all"));
    m_coin->setAccessibleName(tr("Filter the tape by coin"));
    m_coin->setMaximumWidth(120);
    auto *row = new QHBoxLayout;
    row->addWidget(Card::makeTitle(tr("Liquidation tape")));
    row->addStretch();
    row->addWidget(m_coin, 1);
    row->addWidget(m_minimumSize);
    return row;
}

void LiquidationTape::setUpView()
{
    m_view->setModel(m_filter);
    m_view->setAccessibleName(tr("Liquidation tape, newest first"));
    m_view->setItemDelegate(new TapeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // By pixel, so holding still while rows arrive above is a shift of the scroll bar by their height.
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAlternatingRowColors(true);
    m_view->setFrameShape(QFrame::NoFrame); // the card around it is the frame
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // Stretch, not ResizeToContents: measuring thousands of rows on every burst would cost more.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->installEventFilter(this);

    m_newRowsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_newRowsButton->setToolTip(tr("Go back to the newest liquidations"));
    m_newRowsButton->hide();
}

QLabel *LiquidationTape::emptyLabel() const
{
    return m_emptyLabel;
}

void LiquidationTape::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    updateEmptyLabel();
}

void LiquidationTape::updateEmptyLabel()
{
    const bool empty = m_filter->rowCount() == 0;
    const bool filtered = m_filter->sourceModel() && m_filter->sourceModel()->rowCount() > 0;
    const QString text = !empty ? QString()
        : filtered              ? tr("No liquidation on the tape passes the filters.")
                                : m_placeholder;
    m_emptyLabel->showText(text);
}

void LiquidationTape::connectControls()
{
    connect(m_minimumSize, &QComboBox::currentIndexChanged, this,
            [this] { refilter(m_minimumSize->currentData().toDouble(), m_filter->coin()); });
    connect(m_coin, &QLineEdit::textChanged, this, [this](const QString &text) {
        // The clear button only once there is text: its icon is not worth loading at start-up.
        if (!text.isEmpty())
            m_coin->setClearButtonEnabled(true);
        refilter(m_filter->minimumUsd(), text);
    });
    connect(m_newRowsButton, &QToolButton::clicked, this, &LiquidationTape::jumpToTop);
    // Connected after the view's own connections, so the view has placed the new rows when these run.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, &LiquidationTape::rememberTopRow);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &LiquidationTape::keepTopRow);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LiquidationTape::jumpToTop);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LiquidationTape::updateEmptyLabel);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LiquidationTape::updateEmptyLabel);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LiquidationTape::updateEmptyLabel);
}

void LiquidationTape::refilter(double minimumUsd, const QString &coin)
{
    m_filter->setMinimumUsd(minimumUsd);
    m_filter->setCoin(coin);
    updateEmptyLabel();
    // Rows the new filter lets in are not new liquidations: start again from the newest.
    jumpToTop();
}

void LiquidationTape::setPointerInside(bool inside)
{
    if (inside == m_pointerInside)
        return;
    m_pointerInside = inside;
    if (!inside)
        jumpToTop();
}

void LiquidationTape::jumpToTop()
{
    m_newRows = 0;
    m_view->scrollToTop();
    updateNewRowsButton();
}

void LiquidationTape::rememberTopRow(const QModelIndex &parent)
{
    m_anchor = QPersistentModelIndex();
    if (!m_pointerInside || parent.isValid())
        return;
    m_anchor = QPersistentModelIndex(m_view->indexAt(QPoint(0, 0)));
    m_anchorTop = m_anchor.isValid() ? m_view->visualRect(m_anchor).top() : 0;
}

// While paused: scroll down by as much as the rows inserted above pushed the top row down.
void LiquidationTape::keepTopRow(const QModelIndex &parent, int first, int last)
{
    if (!m_pointerInside || parent.isValid())
        return;
    if (m_anchor.isValid()) {
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(bar->value() + m_view->visualRect(m_anchor).top() - m_anchorTop);
    }
    m_anchor = QPersistentModelIndex();
    m_newRows += last - first + 1;
    updateNewRowsButton();
}

void LiquidationTape::updateNewRowsButton()
{
    m_newRowsButton->setVisible(m_newRows > 0);
    if (m_newRows == 0)
        return;
    m_newRowsButton->setText(tr("↑ %n new", nullptr, m_newRows));
    m_newRowsButton->adjustSize();
    placeNewRowsButton();
    m_newRowsButton->raise();
}

// Over the top of the rows, centred: a child of the view rather than of its viewport, which would
// scroll it away with the rows.
void LiquidationTape::placeNewRowsButton()
{
    const QRect rows = m_view->viewport()->geometry();
    const QSize size = m_newRowsButton->sizeHint();
    m_newRowsButton->setGeometry(rows.center().x() - size.width() / 2, rows.top() + 4, size.width(),
                                 size.height());
}

bool LiquidationTape::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        switch (event->type()) {
        case QEvent::Enter: setPointerInside(true); break;
        case QEvent::Leave: setPointerInside(false); break;
        case QEvent::Resize: placeNewRowsButton(); break;
        default: break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LiquidationTape::hideEvent(QHideEvent *event)
{
    // A hidden tape gets no Leave: do not stay paused behind another tab.
    setPointerInside(false);
    QWidget::hideEvent(event);
}

} // namespace Liq
