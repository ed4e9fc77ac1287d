#pragma once

#include "analysis/marketanalysis.h"
#include "card.h"

class QLabel;

namespace Liq {

// One headline figure: a small title, a big value, a line of context, and an optional colour stripe
// (the side's colour; the title says the side too).
class KpiCard final : public Card
{
    Q_OBJECT

public:
    explicit KpiCard(const QString &title, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setValue(const QString &value, const QString &detail);
    void setAccent(const QColor &color);

    QString value() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();

    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
    QColor m_accent;
};

// The headline row: total, longs and shorts of the longest window present, and the pace of the last hour
// against the 24h rate.
class KpiStrip final : public QWidget
{
    Q_OBJECT

public:
    explicit KpiStrip(QWidget *parent = nullptr);

    void setAnalysis(const MarketAnalysis &analysis);
    // For observed data: which windows are partial (Observation::partialText), shown on the total card
    // in place of its usual line; empty for complete data.
    void setPartialNote(const QString &note);
    void clear();

    KpiCard *totalCard() const { return m_total; }
    KpiCard *shortCard() const { return m_short; }
    // Adds a widget (e.g. the gauge) as the last card of the row.
    void addTrailingCard(QWidget *content, int stretch);

private:
    KpiCard *m_total;
    KpiCard *m_long;
    KpiCard *m_short;
    KpiCard *m_pace;
    QString m_shortestText;
};

} // namespace Liq
