#include "alertjson.h"

#include <nlohmann/json.hpp>

namespace Liq {

QByteArray withAlertsJson(const QByteArray &analysisJson, const QList<Alerts::RuleResult> &results)
{
    // Insertion order is kept, so the analysis reads as it was written.
    using Json = nlohmann::ordered_json;
    Json root = Json::parse(analysisJson.toStdString(), nullptr, false);
    if (!root.is_object())
        root = Json::object();
    Json alerts = Json::array();
    for (const Alerts::RuleResult &result : results) {
        Json entry;
        entry["rule"] = result.rule.toStdString();
        entry["fired"] = result.fired;
        entry["text"] = result.text.toStdString();
        alerts.push_back(std::move(entry));
    }
    root["alerts"] = std::move(alerts);
    return QByteArray::fromStdString(root.dump(2, ' ', false, Json::error_handler_t::replace) + '\n');
}

} // namespace Liq
