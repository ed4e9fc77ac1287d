#include "preferencesdialog.h"

#include "alertruleseditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Liq {

PreferencesDialog::PreferencesDialog(const AnalysisConfig &config, Theme theme, QWidget *parent)
    : QDialog(parent)
    , m_theme(new QComboBox)
    , m_dominance(new QDoubleSpinBox)
    , m_accelerating(new QDoubleSpinBox)
    , m_fading(new QDoubleSpinBox)
    , m_alertRules(new AlertRulesEditor)
{
    setWindowTitle(tr("Preferences"));
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark})
        m_theme->addItem(themeText(t), int(t));
    m_theme->setCurrentIndex(m_theme->findData(int(theme)));

    m_dominance->setRange(50.0, 99.0);
    m_dominance->setDecimals(1);
    m_dominance->setSuffix(QStringLiteral(" %"));
    m_dominance->setToolTip(tr("A side dominates a window when it holds at least this share of its total"));
    auto *signalForm = new QFormLayout;
    signalForm->addRow(tr("Dominant side holds at least"), m_dominance);
    for (TimeWindow window : AllTimeWindows) {
        auto *spin = new QDoubleSpinBox;
        spin->setRange(0.01, 1e6);
        spin->setDecimals(2);
        spin->setPrefix(QStringLiteral("$"));
        spin->setSuffix(QStringLiteral(" M"));
        spin->setToolTip(tr("Typical liquidations in %1 for the whole market").arg(windowLabel(window)));
        m_baselines[std::size_t(windowIndex(window))] = spin;
        signalForm->addRow(tr("Typical %1 total").arg(windowLabel(window)), spin);
    }
    auto *signalBox = new QGroupBox(tr("Squeeze signal"));
    signalBox->setLayout(signalForm);

    m_accelerating->setRange(1.0, 20.0);
    m_accelerating->setSingleStep(0.1);
    m_accelerating->setSuffix(QStringLiteral(" ×"));
    m_fading->setRange(0.01, 1.0);
    m_fading->setSingleStep(0.05);
    m_fading->setSuffix(QStringLiteral(" ×"));
    auto *momentumForm = new QFormLayout;
    momentumForm->addRow(tr("Accelerating when the last hour is at least"), m_accelerating);
    momentumForm->addRow(tr("Fading when it is at most"), m_fading);
    auto *momentumBox = new QGroupBox(tr("Momentum (last hour against the 24h hourly rate)"));
    momentumBox->setLayout(momentumForm);

    auto *appearance = new QFormLayout;
    appearance->addRow(tr("Theme"), m_theme);
    auto *appearanceBox = new QGroupBox(tr("Appearance"));
    appearanceBox->setLayout(appearance);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                         | QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setConfig(AnalysisConfig()); });

    auto *analysis = new QWidget;
    auto *analysisLayout = new QVBoxLayout(analysis);
    analysisLayout->addWidget(signalBox);
    analysisLayout->addWidget(momentumBox);
    analysisLayout->addWidget(appearanceBox);
    auto *tabs = new QTabWidget;
    tabs->addTab(analysis, tr("A&nalysis"));
    tabs->addTab(m_alertRules, tr("A&lerts"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    setConfig(config);
}

void PreferencesDialog::setConfig(const AnalysisConfig &config)
{
    m_dominance->setValue(config.dominanceShare * 100.0);
    for (std::size_t i = 0; i < m_baselines.size(); ++i)
        m_baselines[i]->setValue(config.baselineUsd[i] / 1e6);
    m_accelerating->setValue(config.acceleratingRatio);
    m_fading->setValue(config.fadingRatio);
}

AnalysisConfig PreferencesDialog::config() const
{
    AnalysisConfig config;
    config.dominanceShare = m_dominance->value() / 100.0;
    for (std::size_t i = 0; i < m_baselines.size(); ++i)
        config.baselineUsd[i] = m_baselines[i]->value() * 1e6;
    config.acceleratingRatio = m_accelerating->value();
    config.fadingRatio = std::min(m_fading->value(), config.acceleratingRatio);
    return config;
}

Theme PreferencesDialog::theme() const
{
    return static_cast<Theme>(m_theme->currentData().toInt());
}

} // namespace Liq
