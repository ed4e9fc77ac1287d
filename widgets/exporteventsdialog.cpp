#include "exporteventsdialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

namespace Liq {
namespace {

constexpr qint64 HourMs = qint64(3600) * 1000;

// How far back each recent span reaches; 0 for the two that are not spans.
qint64 spanMs(ExportEventsDialog::Range range)
{
    switch (range) {
    case ExportEventsDialog::LastHour: return HourMs;
    case ExportEventsDialog::Last4Hours: return 4 * HourMs;
    case ExportEventsDialog::Last12Hours: return 12 * HourMs;
    case ExportEventsDialog::Last24Hours: return 24 * HourMs;
    case ExportEventsDialog::Last7Days: return 7 * 24 * HourMs;
    case ExportEventsDialog::Last30Days: return 30 * 24 * HourMs;
    case ExportEventsDialog::Everything:
    case ExportEventsDialog::Custom:
    case ExportEventsDialog::RangeCount: break;
    }
    return 0;
}

// The short form used in file names, as the command line's --since spells it.
QString spanName(ExportEventsDialog::Range range)
{
    static const char *const Names[] = {"1h", "4h", "12h", "24h", "7d", "30d", "all"};
    return range < ExportEventsDialog::Custom ? QLatin1String(Names[range]) : QString();
}

QDateTimeEdit *utcEdit(const QDateTime &value, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(value, parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    edit->setCalendarPopup(true);
    return edit;
}

QString stamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmm"));
}

} // namespace

ExportEventsDialog::ExportEventsDialog(QWidget *parent, const QDateTime &now)
    : QDialog(parent)
    , m_now(now.toUTC())
    , m_range(new QComboBox(this))
    , m_from(utcEdit(m_now.addDays(-1), this))
    , m_until(utcEdit(m_now, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Events"));
    m_range->addItems({tr("The last hour"), tr("The last 4 hours"), tr("The last 12 hours"),
                       tr("The last 24 hours"), tr("The last 7 days"), tr("The last 30 days"),
                       tr("Everything the store keeps"), tr("A range of my own (UTC)")});
    m_problem->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose File…"));

    auto *intro
        = new QLabel(tr("Writes the liquidations kept in the event store, one row each, oldest first, "
                        "as CSV."),
                     this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Liquidations of:"), m_range);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_until);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_range, &QComboBox::currentIndexChanged, this, &ExportEventsDialog::updateState);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &ExportEventsDialog::updateState);
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, &ExportEventsDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setRange(Last24Hours); // what the command line's --since defaults to
}

ExportEventsDialog::Range ExportEventsDialog::range() const
{
    return Range(m_range->currentIndex());
}

void ExportEventsDialog::setRange(Range range)
{
    m_range->setCurrentIndex(int(range));
    updateState();
}

qint64 ExportEventsDialog::fromMs() const
{
    switch (range()) {
    case Custom: return m_from->dateTime().toMSecsSinceEpoch();
    case Everything: return 0;
    default: return m_now.toMSecsSinceEpoch() - spanMs(range());
    }
}

qint64 ExportEventsDialog::untilMs() const
{
    // A recent span takes everything from its start on, as --since does: events stamped a moment
    // ahead of this clock included.
    return range() == Custom ? m_until->dateTime().toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
}

QString ExportEventsDialog::suggestedFileName() const
{
    if (range() == Custom)
        return QStringLiteral("liquidations-%1-to-%2.csv").arg(stamp(fromMs()), stamp(untilMs()));
    return QStringLiteral("liquidations-%1-%2.csv").arg(spanName(range()), stamp(m_now.toMSecsSinceEpoch()));
}

void ExportEventsDialog::updateState()
{
    const bool custom = range() == Custom;
    m_from->setEnabled(custom);
    m_until->setEnabled(custom);
    if (!custom && range() != Everything) { // the edits show the span chosen
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker untilBlocker(m_until);
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs(), Qt::UTC));
        m_until->setDateTime(m_now);
    }
    const bool empty = custom && fromMs() >= untilMs();
    m_problem->setText(empty ? tr("The range is empty: From must be before To.") : QString());
    m_problem->setVisible(empty);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!empty);
}

} // namespace Liq
