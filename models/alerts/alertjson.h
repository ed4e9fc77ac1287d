#pragma once

#include "alerts/alertcheck.h"

#include <QByteArray>
#include <QList>

namespace Liq {

// `liqscope --summary --format json --alert RULE ...`: the analysis' JSON (analysisToJson) with one more
// key, last: "alerts": [{"rule": "squeeze>=strong", "fired": true|false, "text": "..."}, ...] in the
// order of the rules. The keys before it and their order are unchanged. Indented 2, UTF-8.
QByteArray withAlertsJson(const QByteArray &analysisJson, const QList<Alerts::RuleResult> &results);

} // namespace Liq
