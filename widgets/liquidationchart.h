#pragma once

#include "analysis/marketanalysis.h"

#include <QChartView>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QStackedBarSeries;
QT_END_NAMESPACE

namespace Liq {

// Longs and shorts liquidated as stacked bars. Three views of one analysis:
//  Windows  the published cumulative windows (1h, 4h, 12h, 24h), USD;
//  PerHour  disjoint slices (0–1h, 1–4h, 4–12h, 12–24h) as USD per hour, where the pace shows;
//  Share    each window as 100%: how lopsided it was.
// Values are replaced in place (no series rebuild, no animation) so live updates do not flicker.
class LiquidationChart final : public QChartView
{
    Q_OBJECT

public:
    enum class Mode { Windows, PerHour, Share };
    Q_ENUM(Mode)

    explicit LiquidationChart(QWidget *parent = nullptr);

    void setAnalysis(const MarketAnalysis &analysis);
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    // What is plotted.
    QStringList categories() const;
    QList<double> longValues() const;
    QList<double> shortValues() const;
    QBarSet *longSet() const { return m_longSet; }
    QBarSet *shortSet() const { return m_shortSet; }
    QStringList axisLabels() const;

    // What the current mode shows, e.g. "Liquidated per window (cumulative)".
    QString headline() const { return m_headline; }
    // Whether the headline is drawn inside the chart (exports) or left to a label outside (the window).
    void setHeadlineVisible(bool visible);

    static QString modeKey(Mode mode); // "windows", "per_hour", "share"
    static Mode modeFromKey(const QString &key);
    static QString modeText(Mode mode);

signals:
    void modeChanged(Liq::LiquidationChart::Mode mode);
    void headlineChanged(const QString &headline);

protected:
    void changeEvent(QEvent *event) override;

private:
    QString categoryLabel(TimeWindow window) const;
    void refresh();
    void updateAxis(double maxValue);
    void applyPalette();
    void showHoverTip(bool entered, int index, bool longSide);

    MarketAnalysis m_analysis;
    QString m_headline;
    bool m_headlineVisible = true;
    Mode m_mode = Mode::Windows;
    QStackedBarSeries *m_series;
    QBarSet *m_longSet;
    QBarSet *m_shortSet;
    QBarCategoryAxis *m_categoryAxis;
    QCategoryAxis *m_valueAxis;
    QList<double> m_totalsForTips; // the total behind each bar, for the tooltip's share
};

} // namespace Liq
