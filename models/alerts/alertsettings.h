#pragma once

#include "alerts/alertrule.h"

#include <QList>
#include <QStringList>

class QSettings;

namespace Liq {

// A rule as the user keeps it: the rules editor can switch one off without losing it.
struct AlertRuleSetting
{
    AlertRule rule;
    bool enabled = true;

    friend bool operator==(const AlertRuleSetting &a, const AlertRuleSetting &b)
    {
        return a.rule == b.rule && a.enabled == b.enabled;
    }
    friend bool operator!=(const AlertRuleSetting &a, const AlertRuleSetting &b) { return !(a == b); }
};

namespace AlertSettings {

// The one place the alert rules are stored (QSettings group "alerts"): "rules", the rules' canonical
// texts in order, and "disabled", the texts of those switched off. The window's rules editor writes
// them; the window and liqscope-collect read them. A text that no longer parses is skipped, its parse
// message appended to *problems when given; a repeated rule is kept once.
QList<AlertRuleSetting> load(QSettings &settings, QStringList *problems = nullptr);
void save(QSettings &settings, const QList<AlertRuleSetting> &rules);

// The enabled rules, in order.
QList<AlertRule> enabledRules(const QList<AlertRuleSetting> &rules);

} // namespace AlertSettings

} // namespace Liq
