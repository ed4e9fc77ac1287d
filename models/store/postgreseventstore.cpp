#include "store/postgreseventstore.h"

#include "store/postgresconnection.h"
#include "store/postgresdirect.h"
#include "store/postgresrollup.h"
#include "store/postgresschema.h"
#include "store/postgresstorewriter.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Liq {

PostgresEventStore::PostgresEventStore(const QString &spec, QObject *parent)
    : EventStore(parent)
    , m_connection(PostgresConnection::parse(spec))
    , m_spec(spec)
    , m_connectionPrefix(QStringLiteral("liqscope-pg-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_writer(this)
{ }

PostgresEventStore::~PostgresEventStore()
{
    close();
}

void PostgresEventStore::setRetentionDays(int days)
{
    m_retentionDays = qMax(1, days);
}

void PostgresEventStore::setMaxPendingEvents(qsizetype events)
{
    m_maxPendingEvents = qMax<qsizetype>(1, events);
}

QString PostgresEventStore::location() const
{
    // An unusable URI may hold a password: it is never shown back.
    return m_connection.error.isEmpty() ? m_connection.location() : QStringLiteral("postgresql://…");
}

// Checks (and, for a writer, creates or migrates) the schema; *writer becomes false when the role may
// not insert. Empty on success.
QString PostgresEventStore::checkSchema(bool *writer)
{
    const QString shown = location();
    const QString check = m_connectionPrefix + QStringLiteral("-check");
    QString error;
    if (!m_connection.open(check, &error)) {
        PostgresConnection::drop(check);
        return tr("%1: cannot connect (%2)").arg(shown, error);
    }
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::database(check, false);
        const int version = PostgresSchema::versionOf(db, &error);
        if (version < 0)
            problem = tr("%1: not a Liqscope event store, or unreadable (%2)").arg(shown, error);
        else if (version > PostgresSchema::CurrentVersion)
            problem
                = tr("%1: written by a newer Liqscope (schema %2; this one reads up to %3)")
                      .arg(shown, QString::number(version), QString::number(PostgresSchema::CurrentVersion));
        else if (version == 0 && !*writer)
            problem
                = tr("%1: no Liqscope event store in this database yet (a collector creates it)").arg(shown);
        else if (version < PostgresSchema::CurrentVersion && !*writer)
            problem = tr("%1: an older schema (%2) that only a writer may update")
                          .arg(shown, QString::number(version));
        else if (version < PostgresSchema::CurrentVersion && !PostgresSchema::migrate(db, &error))
            problem = tr("%1: cannot create or update the schema (%2)").arg(shown, error);
        if (problem.isEmpty() && *writer) {
            QSqlQuery query(db);
            *writer = query.exec(QStringLiteral("SELECT has_table_privilege('events', 'INSERT')"))
                && query.next() && query.value(0).toBool();
        }
    }
    PostgresConnection::drop(check);
    return problem;
}

QString PostgresEventStore::open(bool mayWrite)
{
    close();
    if (!m_connection.error.isEmpty())
        return tr("%1: %2").arg(location(), m_connection.error);
    bool writer = mayWrite;
    if (QString problem = checkSchema(&writer); !problem.isEmpty())
        return problem;
    if (writer) {
        QString error;
        if (!m_writer.start(new PostgresStoreWriter(m_connection,
                                                    m_connectionPrefix + QStringLiteral("-write"),
                                                    m_retentionDays, m_maxPendingEvents),
                            &error)) {
            close();
            return tr("%1: cannot write (%2)").arg(location(), error);
        }
    }
    m_access = writer ? Access::ReadWrite : Access::ReadOnly;
    return {};
}

void PostgresEventStore::close()
{
    m_writer.stop();
    PostgresConnection::drop(m_connectionPrefix + QStringLiteral("-read"));
    m_access = Access::Closed;
}

void PostgresEventStore::append(const QList<LiquidationEvent> &events)
{
    m_writer.append(events);
}

void PostgresEventStore::recordCoverage(Exchange exchange, qint64 sinceMs, qint64 untilMs)
{
    if (!m_writer.isRunning())
        return;
    m_recordsCoverage = true;
    m_writer.cover(exchange, sinceMs, untilMs);
}

bool PostgresEventStore::isWrittenElsewhere() const
{
    return !m_recordsCoverage && !coverage(QDateTime::currentMSecsSinceEpoch() - WriterActiveMs).isEmpty();
}

bool PostgresEventStore::flush()
{
    return m_writer.call([](PostgresStoreWriter &writer) { return writer.write(true); });
}

QString PostgresEventStore::readConnection() const
{
    QString name = m_connectionPrefix + QStringLiteral("-read");
    bool broken = false;
    {
        const QMutexLocker locker(&m_errorMutex);
        std::swap(broken, m_readBroken);
        m_lastError.clear(); // the problem of this call, if any, not of an earlier one
    }
    if (broken || !QSqlDatabase::database(name, false).isOpen()) {
        PostgresConnection::drop(name);
        QString error;
        if (m_connection.error.isEmpty() && m_connection.open(name, &error)) {
            QSqlQuery readOnly(QSqlDatabase::database(name, false));
            readOnly.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
            // The day is in cache, so a random page costs little more than a sequential one: ranges come
            // straight from an index in its order. A sort that still happens stays in memory.
            readOnly.exec(QStringLiteral("SET random_page_cost = 1.1"));
            readOnly.exec(QStringLiteral("SET work_mem = '32MB'"));
        } else {
            readFailed(m_connection.error.isEmpty() ? error : m_connection.error);
        }
    }
    return name;
}

// A read that failed: the message for lastError(), and a new connection for the next read (the server
// may have restarted under this one).
void PostgresEventStore::readFailed(const QString &error) const
{
    const QMutexLocker locker(&m_errorMutex);
    m_lastError = PostgresConnection::firstLine(error);
    m_readBroken = true;
}

QString PostgresEventStore::lastError() const
{
    const QMutexLocker locker(&m_errorMutex);
    return m_lastError;
}

// In binary through libpq, one result, instead of QPSQL's text rows one at a time (bench_pgstore: the last
// hour's 4,000 events in 4 ms instead of 9–10; ten followers of a busy writer 1.5 s behind at the p99
// instead of 4–5 s).
QList<LiquidationEvent> PostgresEventStore::events(qint64 sinceMs, qint64 afterId, qint64 *lastId) const
{
    QList<LiquidationEvent> found;
    qint64 highest = afterId;
    const QSqlDatabase db = QSqlDatabase::database(readConnection(), false);
    const char *const sql = afterId > 0
        ? "SELECT id, exchange, market, instrument, coin, side, price, quantity,"
          " usd, time_ms, received_ms FROM events WHERE time_ms >= $1 AND id > $2"
          " ORDER BY id"
        : "SELECT id, exchange, market, instrument, coin, side, price, quantity,"
          " usd, time_ms, received_ms FROM events WHERE time_ms >= $1 AND id > $2"
          " ORDER BY time_ms, id";
    const bool open = db.isOpen(); // before the read: QPSQL's isOpen() turns false once the server went away
    QString error;
    const PostgresDirect::Result rows = open
        ? PostgresDirect::exec(db, sql, {QByteArray::number(sinceMs), QByteArray::number(afterId)},
                               PostgresDirect::Format::Text, PostgresDirect::Format::Binary, &error)
        : nullptr;
    if (open && !rows)
        readFailed(error);
    const int count = rows ? PostgresDirect::rows(rows.get()) : 0;
    found.reserve(count);
    QHash<QByteArray, QString> texts; // instruments and coins repeat: one QString each, shared
    const auto text = [&texts, &rows](int row, int column) {
        const QByteArray bytes = PostgresDirect::bytes(rows.get(), row, column);
        auto it = texts.find(bytes);
        if (it == texts.end())
            it = texts.insert(QByteArray(bytes.constData(), bytes.size()), QString::fromUtf8(bytes));
        return it.value();
    };
    using namespace PostgresDirect;
    for (int row = 0; row < count; ++row) {
        const pg_result *r = rows.get();
        highest = qMax(highest, int8(r, row, 0));
        LiquidationEvent event;
        event.exchange = Exchange(int2(r, row, 1));
        event.market = MarketKind(int2(r, row, 2));
        event.instrument = text(row, 3);
        event.coin = text(row, 4);
        event.side = LiquidatedSide(int2(r, row, 5));
        event.price = float8(r, row, 6);
        event.quantity = float8(r, row, 7);
        event.usd = float8(r, row, 8);
        event.exchangeTimeMs = int8(r, row, 9);
        event.receiveTimeMs = int8(r, row, 10);
        found.append(event);
    }
    if (lastId)
        *lastId = highest;
    return found;
}

QList<MinuteTotal> PostgresEventStore::minuteTotals(qint64 fromMinute, qint64 toMinute) const
{
    QSqlDatabase db = QSqlDatabase::database(readConnection(), false);
    if (!db.isOpen())
        return {};
    QString error;
    QList<MinuteTotal> totals = PostgresRollup::read(db, fromMinute, toMinute, &error);
    if (!error.isEmpty())
        readFailed(error);
    return totals;
}

QList<CoverageSpan> PostgresEventStore::coverage(qint64 sinceMs) const
{
    QList<CoverageSpan> spans;
    const QSqlDatabase db = QSqlDatabase::database(readConnection(), false);
    if (!db.isOpen())
        return spans;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT exchange, since_ms, until_ms FROM coverage WHERE until_ms >= ?"
                                 " ORDER BY exchange, since_ms"));
    query.addBindValue(sinceMs);
    if (!query.exec())
        readFailed(query.lastError().text());
    while (query.next())
        spans.append(
            {Exchange(query.value(0).toInt()), query.value(1).toLongLong(), query.value(2).toLongLong()});
    return spans;
}

} // namespace Liq
