#include "collectoptions.h"

#include "store/sqliteeventstore.h"
#include "usagetext.h"

#include <QCommandLineParser>

namespace Liq::CollectOptions {
namespace {

struct OptionSet
{
    QCommandLineOption exchanges{
        QStringLiteral("exchanges"),
        QStringLiteral("The exchanges to listen to: binance, bybit, okx (comma-separated) or all."),
        QStringLiteral("LIST")};
    QCommandLineOption store{
        QStringLiteral("store"),
        QStringLiteral("The event store: a SQLite file (default: %1) or a PostgreSQL database, "
                       "postgresql://[user@]host[:port]/dbname (password in ~/.pgpass, never in the URI).")
            .arg(SqliteEventStore::defaultPath()),
        QStringLiteral("FILE|URI")};
    QCommandLineOption endpoint{
        QStringLiteral("endpoint"),
        QStringLiteral("Override an exchange endpoint (repeatable), as liqscope --endpoint."),
        QStringLiteral("NAME=URL")};
    QCommandLineOption retention{
        QStringLiteral("retention-days"),
        QStringLiteral("Delete liquidations older than this many days (default 30)."), QStringLiteral("DAYS"),
        QStringLiteral("30")};
    QCommandLineOption alert{
        QStringLiteral("alert"),
        QStringLiteral(
            "Watch for this alert rule (repeatable), as liqscope --alert, e.g. liquidation>=250k or "
            "squeeze>=strong:short@BTC; one log line per alert."),
        QStringLiteral("RULE")};
    QCommandLineOption allowPlain{
        QStringLiteral("allow-plain-http"),
        QStringLiteral("Allow plain http:// and ws:// to a host other than this computer.")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Show this help and exit.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QStringLiteral(
            "liqscope-collect: keeps every liquidation of the exchanges' free streams in the event "
            "store, with no window. Stops cleanly on SIGTERM or SIGINT (exit 0)."));
        parser.addOptions({exchanges, store, endpoint, retention, alert, allowPlain, help});
    }
};

} // namespace

QString helpText()
{
    QCommandLineParser parser;
    OptionSet set;
    set.addTo(parser);
    return usageText(parser, QStringLiteral("liqscope-collect"))
        + QStringLiteral("\nExit status: 0 stopped cleanly, 1 the store cannot be used, 2 usage error.\n");
}

Parsed parse(const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineParser parser;
    OptionSet set;
    set.addTo(parser);
    if (!parser.parse(arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (parser.isSet(set.help)) {
        parsed.helpRequested = true;
        return parsed;
    }
    if (!parser.isSet(set.exchanges)) {
        parsed.error = QStringLiteral("--exchanges is required (binance, bybit, okx or all).");
        return parsed;
    }
    const auto exchanges = ExchangeEndpoints::parseExchangeList(parser.value(set.exchanges), &parsed.error);
    if (!exchanges)
        return parsed;
    parsed.endpoint.exchanges = *exchanges;
    parsed.options.allowPlain = parser.isSet(set.allowPlain);
    const auto overrides = ExchangeEndpoints::parseOverrides(parser.values(set.endpoint),
                                                             parsed.options.allowPlain, &parsed.error);
    if (!overrides)
        return parsed;
    parsed.endpoint.overrides = *overrides;
    bool ok = false;
    parsed.retentionDays = parser.value(set.retention).toInt(&ok);
    if (!ok || parsed.retentionDays < 1 || parsed.retentionDays > 3650) {
        parsed.error = QStringLiteral("--retention-days takes whole days from 1 to 3650.");
        return parsed;
    }
    if (const auto rules = parseAlertRules(parser.values(set.alert), &parsed.error))
        parsed.alertRules = *rules;
    else
        return parsed;
    parsed.storePath = parser.isSet(set.store) ? parser.value(set.store) : SqliteEventStore::defaultPath();
    return parsed;
}

} // namespace Liq::CollectOptions
