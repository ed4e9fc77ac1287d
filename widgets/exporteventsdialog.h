#pragma once

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace Liq {

// File > Export Events: which liquidations to write, as a recent span (the last hour to the last 30 days,
// or everything kept) or a custom range in UTC. The caller asks for the file afterwards, offering
// suggestedFileName().
class ExportEventsDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Range {
        LastHour,
        Last4Hours,
        Last12Hours,
        Last24Hours,
        Last7Days,
        Last30Days,
        Everything,
        Custom,
        RangeCount
    };

    // now: the end of the recent spans (a test's clock; the current time otherwise).
    explicit ExportEventsDialog(QWidget *parent = nullptr,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());

    Range range() const;
    void setRange(Range range);
    // The chosen range as [fromMs, untilMs) of exchange time.
    qint64 fromMs() const;
    qint64 untilMs() const;
    // e.g. liquidations-24h-20261206-2130.csv, or liquidations-20261201-0000-to-20261202-0000.csv
    QString suggestedFileName() const;

    QComboBox *rangeBox() const { return m_range; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *untilEdit() const { return m_until; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateState();

    QDateTime m_now;
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_until;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Liq
