#include "store/postgresrollup.h"

#include "store/postgresarrays.h"
#include "store/postgresdirect.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QtEndian>

#include <cstring>

namespace Liq::PostgresRollup {
namespace {

constexpr qint64 MinuteMs = 60000;
constexpr int RebuildMinutesPerWrite = 1000; // rows per INSERT while the migration rebuilds the rollup
constexpr qint64 MaxCoinId = 1 << 20; // a coins table is a few hundred rows; more means damage

bool failed(const QSqlQuery &query, QString *error)
{
    *error = query.lastError().text().section(QLatin1Char('\n'), 0, 0).simplified();
    return false;
}

template<typename T>
void appendBigEndian(QByteArray &bytes, T value)
{
    const T big = qToBigEndian(value);
    bytes.append(reinterpret_cast<const char *>(&big), sizeof big);
}

void appendDouble(QByteArray &bytes, double value)
{
    value += 0.0; // -0 as 0, as float8send(x + 0) in keyHashSql()
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    appendBigEndian(bytes, bits);
}

// An array literal of bytea values in hex ("\x…"), escaped for the array's own syntax.
QString byteaArray(const QList<QByteArray> &values)
{
    QStringList elements;
    elements.reserve(values.size());
    for (const QByteArray &value : values)
        elements << QStringLiteral("\"\\\\x") + QString::fromLatin1(value.toHex()) + QLatin1Char('"');
    return PostgresArrays::literal(elements);
}

QString minuteArray(const Minutes &minutes)
{
    QStringList elements;
    elements.reserve(minutes.size());
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it)
        elements << PostgresArrays::number(it.key());
    return PostgresArrays::literal(elements);
}

void appendTotals(QList<MinuteTotal> &totals, qint64 minute, const MinuteRollup &rollup,
                  const QList<QString> &coins)
{
    for (const MinuteRollup::Entry &entry : rollup.entries()) {
        if (entry.coinId < quint32(coins.size()) && !coins.at(entry.coinId).isNull())
            totals.append({minute, entry.exchange, coins.at(entry.coinId), entry.side, entry.usd,
                           int(entry.count), entry.largestUsd});
    }
}

bool readCoins(QSqlDatabase &db, QList<QString> *coins, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, coin FROM coins")))
        return failed(query, error);
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (id >= 0 && id < MaxCoinId) {
            coins->resize(qMax(coins->size(), qsizetype(id) + 1));
            QString name = query.value(1).toString();
            (*coins)[id] = name.isNull() ? QStringLiteral("") : name; // null marks an unknown number
        }
    }
    return true;
}

} // namespace

qint64 minuteOf(qint64 timeMs)
{
    return timeMs >= 0 ? timeMs / MinuteMs : -((-timeMs + MinuteMs - 1) / MinuteMs);
}

qint64 keyHash(const LiquidationEvent &event)
{
    QByteArray bytes;
    bytes.reserve(64);
    appendBigEndian(bytes, qint16(event.exchange));
    appendBigEndian(bytes, qint16(event.market));
    appendBigEndian(bytes, qint16(event.side));
    appendBigEndian(bytes, event.exchangeTimeMs);
    appendDouble(bytes, event.quantity);
    appendDouble(bytes, event.price);
    bytes += event.instrument.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
    return qFromBigEndian<qint64>(digest.constData());
}

QString keyHashSql()
{
    return QStringLiteral(
        "('x' || left(md5(int2send(exchange) || int2send(market) || int2send(side) || int8send(time_ms)"
        " || float8send(quantity + 0::float8) || float8send(price + 0::float8)"
        " || convert_to(instrument, 'UTF8')), 16))::bit(64)::bigint");
}

bool CoinIds::load(QSqlDatabase &db, QString *error)
{
    QList<QString> coins;
    if (!readCoins(db, &coins, error))
        return false;
    m_ids.clear();
    for (qsizetype id = 0; id < coins.size(); ++id) {
        if (!coins.at(id).isNull())
            m_ids.insert(coins.at(id), quint32(id));
    }
    return true;
}

bool CoinIds::ensure(QSqlDatabase &db, const QList<QString> &coins, QString *error)
{
    QSet<QString> missing;
    for (const QString &coin : coins) {
        if (!m_ids.contains(coin))
            missing.insert(coin);
    }
    if (missing.isEmpty())
        return true;
    QStringList quoted;
    for (const QString &coin : std::as_const(missing))
        quoted << PostgresArrays::quoted(coin);
    const QString names = PostgresArrays::literal(quoted);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("INSERT INTO coins (coin) SELECT unnest(?::text[]) ORDER BY 1"
                                      " ON CONFLICT (coin) DO NOTHING")))
        return failed(query, error);
    query.addBindValue(names);
    if (!query.exec())
        return failed(query, error);
    if (!query.prepare(QStringLiteral("SELECT id, coin FROM coins WHERE coin = ANY(?::text[])")))
        return failed(query, error);
    query.addBindValue(names);
    if (!query.exec())
        return failed(query, error);
    while (query.next())
        m_ids.insert(query.value(1).toString(), quint32(query.value(0).toLongLong()));
    return true;
}

bool add(QSqlDatabase &db, qint64 writer, const Minutes &minutes, QString *error)
{
    if (minutes.isEmpty())
        return true;
    const PostgresDirect::Result stored = PostgresDirect::exec(
        db, "SELECT minute, totals FROM minute_rollups WHERE writer = $1 AND minute = ANY($2::int8[])",
        {QByteArray::number(writer), minuteArray(minutes).toUtf8()}, PostgresDirect::Format::Text,
        PostgresDirect::Format::Binary, error);
    if (!stored)
        return false;
    Minutes merged = minutes;
    MinuteRollup row;
    for (int i = 0; i < PostgresDirect::rows(stored.get()); ++i) {
        auto it = merged.find(PostgresDirect::int8(stored.get(), i, 0));
        // A damaged row starts again from this batch.
        if (it != merged.end() && MinuteRollup::unpack(PostgresDirect::bytes(stored.get(), i, 1), &row))
            it->merge(row);
    }
    return write(db, writer, merged, error);
}

bool write(QSqlDatabase &db, qint64 writer, const Minutes &minutes, QString *error)
{
    if (minutes.isEmpty())
        return true;
    QList<QByteArray> packed;
    packed.reserve(minutes.size());
    for (const MinuteRollup &rollup : minutes)
        packed << rollup.pack();
    return PostgresDirect::exec(
               db,
               "INSERT INTO minute_rollups (minute, writer, totals)"
               " SELECT m, $1, t FROM unnest($2::int8[], $3::bytea[]) AS u (m, t)"
               " ON CONFLICT (minute, writer) DO UPDATE SET totals = excluded.totals",
               {QByteArray::number(writer), minuteArray(minutes).toUtf8(), byteaArray(packed).toUtf8()},
               PostgresDirect::Format::Text, PostgresDirect::Format::Text, error)
        != nullptr;
}

QList<MinuteTotal> read(QSqlDatabase &db, qint64 fromMinute, qint64 toMinute, QString *error)
{
    QList<MinuteTotal> totals;
    QList<QString> coins; // by id: a few hundred
    if (!readCoins(db, &coins, error))
        return totals;
    // In binary: the packed rows as they are stored, not as hex.
    const PostgresDirect::Result rows = PostgresDirect::exec(
        db, "SELECT minute, totals FROM minute_rollups WHERE minute >= $1 AND minute < $2 ORDER BY minute",
        {QByteArray::number(fromMinute), QByteArray::number(toMinute)}, PostgresDirect::Format::Text,
        PostgresDirect::Format::Binary, error);
    if (!rows)
        return totals;
    qint64 minute = 0;
    MinuteRollup sum; // the current minute's rows, every writer's
    MinuteRollup row;
    for (int i = 0; i < PostgresDirect::rows(rows.get()); ++i) {
        const qint64 rowMinute = PostgresDirect::int8(rows.get(), i, 0);
        if (rowMinute != minute && !sum.isEmpty()) {
            if (totals.isEmpty()) // the first minute's entries times the minutes asked for, and some
                totals.reserve(qsizetype(sum.entries().size())
                               * qBound(qint64(1), toMinute - minute, qint64(1440)) * 5 / 4);
            appendTotals(totals, minute, sum, coins);
            sum = MinuteRollup();
        }
        minute = rowMinute;
        if (MinuteRollup::unpack(PostgresDirect::bytes(rows.get(), i, 1), &row))
            sum.merge(row);
    }
    appendTotals(totals, minute, sum, coins);
    return totals;
}

namespace {

// One span of RebuildMinutesPerWrite minutes, grouped on the server and packed here (each query read whole
// before the next statement: QPSQL runs one at a time on a connection).
bool rebuildSpan(QSqlDatabase &db, const CoinIds &coins, qint64 fromMinute, QString *error)
{
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT floor(time_ms / 60000.0)::int8, coin, exchange, side, sum(usd),"
                                      " count(*), max(usd) FROM events WHERE time_ms >= ? AND time_ms < ?"
                                      " GROUP BY 1, 2, 3, 4")))
        return failed(query, error);
    query.addBindValue(fromMinute * MinuteMs);
    query.addBindValue((fromMinute + RebuildMinutesPerWrite) * MinuteMs);
    if (!query.exec())
        return failed(query, error);
    Minutes minutes;
    while (query.next()) {
        const int exchange = query.value(2).toInt();
        const int side = query.value(3).toInt();
        if (exchange < 0 || exchange >= ExchangeCount || side < 0 || side > 1)
            continue; // never written by Liqscope
        minutes[query.value(0).toLongLong()].add({coins.idOf(query.value(1).toString()), Exchange(exchange),
                                                  LiquidatedSide(side), quint32(query.value(5).toLongLong()),
                                                  query.value(4).toDouble(), query.value(6).toDouble()});
    }
    return write(db, MigrationWriter, minutes, error);
}

} // namespace

bool rebuild(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("INSERT INTO coins (coin) SELECT DISTINCT coin FROM events ORDER BY 1"
                                   " ON CONFLICT (coin) DO NOTHING")))
        return failed(query, error);
    CoinIds coins;
    if (!coins.load(db, error))
        return false;
    if (!query.exec(QStringLiteral("SELECT min(time_ms), max(time_ms) FROM events")) || !query.next())
        return failed(query, error);
    if (query.value(0).isNull())
        return true; // no events
    const qint64 first = minuteOf(query.value(0).toLongLong());
    const qint64 last = minuteOf(query.value(1).toLongLong());
    for (qint64 from = first; from <= last; from += RebuildMinutesPerWrite) {
        if (!rebuildSpan(db, coins, from, error))
            return false;
    }
    return true;
}

} // namespace Liq::PostgresRollup
