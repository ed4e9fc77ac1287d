#pragma once

#include "analysis/marketanalysis.h"
#include "theme.h"

#include <QDialog>

#include <array>

class QComboBox;
class QDoubleSpinBox;

namespace Liq {

class AlertRulesEditor;

// The analysis thresholds (dominance, per-window baselines, momentum ratios), the theme, and the alert
// rules (a tab of their own).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(const AnalysisConfig &config, Theme theme, QWidget *parent = nullptr);

    AnalysisConfig config() const;
    Theme theme() const;
    void setConfig(const AnalysisConfig &config);
    AlertRulesEditor *alertRules() const { return m_alertRules; }

private:
    QComboBox *m_theme;
    QDoubleSpinBox *m_dominance;
    std::array<QDoubleSpinBox *, TimeWindowCount> m_baselines{};
    QDoubleSpinBox *m_accelerating;
    QDoubleSpinBox *m_fading;
    AlertRulesEditor *m_alertRules;
};

} // namespace Liq
