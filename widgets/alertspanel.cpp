#include "alertspanel.h"

#include "card.h"
#include "itemmodels/alertlistmodel.h"
#include "viewplaceholder.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Liq {

AlertsPanel::AlertsPanel(AlertListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView)
    , m_state(new QLabel)
    , m_empty(new ViewPlaceholder(m_view))
    , m_pause(new QToolButton)
{
    auto *card = new Card;
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(12, 8, 12, 8);
    auto *header = new QHBoxLayout;
    header->addWidget(Card::makeTitle(tr("Alerts")));
    header->addWidget(m_state, 1);
    m_pause->setText(tr("Pause for 1 h"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("No notification for an hour; what happens meanwhile is not told afterwards"));
    header->addWidget(m_pause);
    cardLayout->addLayout(header);

    m_view->setModel(model);
    m_view->setAccessibleName(tr("Alerts that fired, newest first"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(AlertListModel::Title, QHeaderView::Stretch);
    cardLayout->addWidget(m_view, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(card);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit showRequested(index.data(AlertListModel::CoinRole).toString());
    });
    connect(m_pause, &QToolButton::toggled, this, &AlertsPanel::pauseToggled);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &AlertsPanel::updateEmptyLabel);
    connect(model, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateEmptyLabel);
    setWatching(0, false);
}

void AlertsPanel::setWatching(int enabledRules, bool paused)
{
    m_enabledRules = enabledRules;
    m_state->setText(paused ? tr("paused") : tr("rules on: %1").arg(enabledRules));
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(paused);
    m_pause->setEnabled(enabledRules > 0);
    updateEmptyLabel();
}

QLabel *AlertsPanel::emptyLabel() const
{
    return m_empty;
}

void AlertsPanel::updateEmptyLabel()
{
    const bool empty = m_model->rowCount() == 0;
    // Up to a few hundred rows: measuring them when one arrives costs nothing.
    for (int column : {AlertListModel::Time, AlertListModel::Urgency, AlertListModel::Rule})
        m_view->resizeColumnToContents(column);
    const QString text = !empty ? QString()
        : m_enabledRules == 0   ? tr("No alert rule is on. Add one in Edit > Preferences > Alerts, e.g. "
                                       "liquidation>=250k or squeeze>=strong.")
                                : tr("No alert has fired yet. Alerts come from live data only.");
    m_empty->showText(text);
}

} // namespace Liq
