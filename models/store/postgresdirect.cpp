#include "store/postgresdirect.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>
#include <QtEndian>

#include <cstring>
#include <libpq-fe.h>
#include <vector>

namespace Liq::PostgresDirect {
namespace {

PGconn *handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Declared by QPSQL as a pointer to libpq's struct, whose name depends on the Qt version.
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

QString firstLine(const char *text)
{
    return QString::fromUtf8(text).section(QLatin1Char('\n'), 0, 0).simplified();
}

} // namespace

void ResultDeleter::operator()(pg_result *result) const
{
    PQclear(result);
}

Result exec(const QSqlDatabase &db, const char *sql, const QList<QByteArray> &params, Format paramFormat,
            Format results, QString *error)
{
    PGconn *connection = handleOf(db);
    if (!connection) {
        *error = QStringLiteral("not connected");
        return nullptr;
    }
    std::vector<const char *> values;
    std::vector<int> lengths;
    const std::vector<int> formats(size_t(params.size()), paramFormat == Format::Binary ? 1 : 0);
    values.reserve(size_t(params.size()));
    lengths.reserve(size_t(params.size()));
    for (const QByteArray &param : params) {
        values.push_back(param.constData());
        lengths.push_back(int(param.size()));
    }
    Result result(PQexecParams(connection, sql, int(params.size()), nullptr, values.data(), lengths.data(),
                               formats.data(), results == Format::Binary ? 1 : 0));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        *error = firstLine(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(connection));
        if (error->isEmpty())
            *error = firstLine(PQerrorMessage(connection));
        return nullptr;
    }
    return result;
}

int rows(const pg_result *result)
{
    return PQntuples(result);
}

bool isNull(const pg_result *result, int row, int column)
{
    return PQgetisnull(result, row, column) != 0;
}

QByteArray bytes(const pg_result *result, int row, int column)
{
    return QByteArray::fromRawData(PQgetvalue(result, row, column), PQgetlength(result, row, column));
}

qint64 int8(const pg_result *result, int row, int column)
{
    const char *value = PQgetvalue(result, row, column);
    if (PQfformat(result, column) == 1)
        return PQgetlength(result, row, column) == 8 ? qFromBigEndian<qint64>(value) : 0;
    return QByteArray::fromRawData(value, PQgetlength(result, row, column)).toLongLong();
}

qint16 int2(const pg_result *result, int row, int column)
{
    if (PQgetlength(result, row, column) != 2)
        return 0;
    return qFromBigEndian<qint16>(PQgetvalue(result, row, column));
}

double float8(const pg_result *result, int row, int column)
{
    if (PQgetlength(result, row, column) != 8)
        return 0;
    const quint64 bits = qFromBigEndian<quint64>(PQgetvalue(result, row, column));
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

} // namespace Liq::PostgresDirect
