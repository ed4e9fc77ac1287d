#pragma once

#include "alerts/alertrule.h"
#include "live/exchangeendpoints.h"
#include "live/liveoptions.h"

#include <QString>
#include <QStringList>

namespace Liq::CollectOptions {

struct Parsed
{
    ExchangeStreamsEndpoint endpoint;
    LiveOptions options;
    QString storePath;
    int retentionDays = 30;
    QList<AlertRule> alertRules; // --alert RULE (repeatable): one log line per alert
    bool helpRequested = false;
    QString error; // a usage error (exit 2)
};

Parsed parse(const QStringList &arguments);
QString helpText();

} // namespace Liq::CollectOptions
