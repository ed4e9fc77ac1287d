#pragma once

#include "analysis/analysisconfig.h"

class QSettings;

namespace Liq::AnalysisSettings {

// The one place the analysis thresholds are stored (QSettings group "analysis"): the window's
// Preferences write them; the dashboard, the session history's score and `liqscope --summary` read
// them, so all three give the same verdict for the same data. Missing or invalid values fall back
// to AnalysisConfig's defaults.
AnalysisConfig load(QSettings &settings);
void save(QSettings &settings, const AnalysisConfig &config);

// The saved thresholds of this user (the application's own QSettings), as the window has them.
AnalysisConfig loadSaved();

} // namespace Liq::AnalysisSettings
