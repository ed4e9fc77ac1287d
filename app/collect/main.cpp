// liqscope-collect: listens to the exchanges' free liquidation streams with no window and keeps every
// liquidation in the event store, so the dashboard's history survives closing it. One log line per
// state change (never per event) and one per alert (--alert); SIGTERM/SIGINT flush the last batch and exit 0.
#include "alerts/alertengine.h"
#include "collectoptions.h"
#include "desktopnotifier.h"
#include "domain/englishplurals.h"
#include "exchanges/exchangestreamsource.h"
#include "session/analysissettings.h"
#include "session/storerecorder.h"
#include "store/eventstorefactory.h"
#include "terminationsignals.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QNetworkProxyFactory>
#include <QTextStream>

using namespace Liq;

namespace {

// "2026-12-06 05:40:12 UTC Binance: Live" for each exchange whose state or reason changed.
class StateLog final : public QObject
{
public:
    StateLog(QTextStream &err, LiveSource *source)
        : m_err(err)
    {
        connect(source, &LiveSource::statusChanged, this, [this](const LiveStatus &status) {
            for (const LinkStatus &exchange : status.links)
                note(exchange.name, exchange.state, exchange.message);
        });
    }
    void line(const QString &text)
    {
        m_err << QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << " UTC "
              << text << Qt::endl;
    }

private:
    void note(const QString &name, LiveState state, const QString &message)
    {
        const QString text = message.isEmpty() ? liveStateText(state)
                                               : QStringLiteral("%1 (%2)").arg(liveStateText(state), message);
        if (m_last.value(name) == text || (state == LiveState::Idle && !m_last.contains(name)))
            return;
        m_last.insert(name, text);
        line(QStringLiteral("%1: %2").arg(name, text));
    }

    QTextStream &m_err;
    QHash<QString, QString> m_last;
};

// --alert: the window's engine on the same data (judged with the thresholds saved in Preferences); each
// alert one log line, and a desktop notification when a session bus is there (said once when none shows).
void logAlerts(const QList<AlertRule> &rules, LiveSource *source, AlertEngine *engine, StateLog *log)
{
    if (rules.isEmpty())
        return;
    engine->setRules(rules);
    const AnalysisConfig config = AnalysisSettings::loadSaved();
    QObject::connect(source, &LiveSource::snapshotReceived, engine,
                     [engine, config](const LiquidationSnapshot &snapshot) {
                         engine->feedSnapshot(snapshot, analyzeSnapshot(snapshot, config));
                     });
    QObject::connect(source, &LiveSource::eventsReceived, engine,
                     [engine](const QList<LiquidationEvent> &events) { engine->feedEvents(events); });
    QObject::connect(engine, &AlertEngine::alertRaised, log, [log](const Alert &alert) {
        log->line(QStringLiteral("alert %1: %2. %3").arg(alert.rule, alert.title, alert.body));
    });
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return; // a service without a desktop session: the log is the delivery
    auto *notifier = new DesktopNotifier(QDBusConnection::sessionBus(), engine);
    QObject::connect(notifier, &DesktopNotifier::unavailable, log,
                     [log](const QString &reason) { log->line(reason); });
    QObject::connect(engine, &AlertEngine::alertRaised, notifier,
                     [notifier](const Alert &alert) { notifier->notify(DesktopNotification::of(alert)); });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Liqscope"));
    QCoreApplication::setApplicationName(QStringLiteral("Liqscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIQSCOPE_VERSION_STRING));
    Liq::EnglishPlurals::install();
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    QTextStream out(stdout);
    QTextStream err(stderr);

    const CollectOptions::Parsed parsed = CollectOptions::parse(app.arguments());
    if (parsed.helpRequested) {
        out << CollectOptions::helpText();
        return 0;
    }
    if (!parsed.error.isEmpty()) {
        err << "liqscope-collect: " << parsed.error << "\nTry 'liqscope-collect --help'." << Qt::endl;
        return 2;
    }

    const std::unique_ptr<EventStore> opened
        = openEventStore(parsed.storePath, nullptr, parsed.retentionDays);
    EventStore &store = *opened;
    if (const QString problem = store.open(true); !problem.isEmpty()) {
        err << "liqscope-collect: " << problem << Qt::endl;
        return 1;
    }
    if (store.access() != EventStore::Access::ReadWrite) {
        err << "liqscope-collect: " << store.location() << ": another collector is writing this store"
            << Qt::endl;
        return 1;
    }

    ExchangeStreamSource source(parsed.endpoint, parsed.options);
    StoreRefill::refill(source, store);
    StoreRecorder recorder(&store, &source);
    StateLog log(err, &source);
    AlertEngine alerts;
    logAlerts(parsed.alertRules, &source, &alerts, &log);
    QObject::connect(&store, &EventStore::writeFailed, &log,
                     [&log](const QString &message) { log.line(message); });
    QObject::connect(&store, &EventStore::writeRecovered, &log,
                     [&log] { log.line(QStringLiteral("the store is writable again")); });

    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &app, [&](int signalNumber) {
        log.line(QStringLiteral("stopping on %1").arg(TerminationSignals::name(signalNumber)));
        source.pause();
        QCoreApplication::quit();
    });
    log.line(QStringLiteral("collecting %1 into %2").arg(source.displayOrigin(), store.location()));
    source.start();
    const int code = app.exec();
    const bool flushed = store.flush();
    log.line(flushed ? QStringLiteral("stopped; %1 liquidations counted this run").arg(source.eventsCounted())
                     : QStringLiteral("stopped; the last batch could not be written"));
    return code == 0 && flushed ? 0 : 1;
}
