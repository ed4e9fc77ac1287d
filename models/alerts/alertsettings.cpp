#include "alertsettings.h"

#include <QSettings>

namespace Liq {

QList<AlertRuleSetting> AlertSettings::load(QSettings &settings, QStringList *problems)
{
    settings.beginGroup(QStringLiteral("alerts"));
    const QStringList texts = settings.value(QStringLiteral("rules")).toStringList();
    const QStringList disabled = settings.value(QStringLiteral("disabled")).toStringList();
    settings.endGroup();
    QList<AlertRuleSetting> rules;
    for (const QString &text : texts) {
        AlertRuleError error;
        const auto rule = AlertRule::parse(text, &error);
        if (!rule) {
            if (problems)
                problems->append(error.message);
            continue;
        }
        const bool seen = std::any_of(rules.cbegin(), rules.cend(),
                                      [&rule](const AlertRuleSetting &kept) { return kept.rule == *rule; });
        if (!seen)
            rules.append({*rule, !disabled.contains(rule->toText())});
    }
    return rules;
}

void AlertSettings::save(QSettings &settings, const QList<AlertRuleSetting> &rules)
{
    QStringList texts;
    QStringList disabled;
    for (const AlertRuleSetting &setting : rules) {
        texts << setting.rule.toText();
        if (!setting.enabled)
            disabled << setting.rule.toText();
    }
    settings.beginGroup(QStringLiteral("alerts"));
    settings.setValue(QStringLiteral("rules"), texts);
    settings.setValue(QStringLiteral("disabled"), disabled);
    settings.endGroup();
}

QList<AlertRule> AlertSettings::enabledRules(const QList<AlertRuleSetting> &rules)
{
    QList<AlertRule> enabled;
    for (const AlertRuleSetting &setting : rules) {
        if (setting.enabled)
            enabled << setting.rule;
    }
    return enabled;
}

} // namespace Liq
