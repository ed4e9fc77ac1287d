#include "store/postgresdirect.h"

#include "store/postgresconnection.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>
#include <QtEndian>

#include <cstring>
#include <dlfcn.h>
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

// The libpq functions used here, taken from the copy the QPSQL driver loads for its connections. Liqscope
// does not link libpq: that would load it, with its Kerberos, LDAP, SASL and TLS libraries, at every
// start of every user (about 10 ms of dynamic linking before the first paint) for a store few use.
struct LibPq
{
    decltype(&::PQexecParams) execParams = nullptr;
    decltype(&::PQresultStatus) resultStatus = nullptr;
    decltype(&::PQresultErrorMessage) resultErrorMessage = nullptr;
    decltype(&::PQerrorMessage) errorMessage = nullptr;
    decltype(&::PQclear) clear = nullptr;
    decltype(&::PQntuples) ntuples = nullptr;
    decltype(&::PQgetisnull) getisnull = nullptr;
    decltype(&::PQgetvalue) getvalue = nullptr;
    decltype(&::PQgetlength) getlength = nullptr;
    decltype(&::PQfformat) fformat = nullptr;
    bool loaded = false;
};

template<typename Function>
bool resolve(void *library, const char *name, Function *function)
{
    *function = reinterpret_cast<Function>(dlsym(library, name));
    return *function != nullptr;
}

const LibPq &libpq()
{
    static const LibPq api = [] {
        LibPq pq;
        // Already there once QPSQL has opened a connection; loaded here otherwise (never unloaded).
        void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
        if (!library)
            library = dlopen("libpq.so.5", RTLD_NOW);
        if (!library)
            return pq;
        pq.loaded = resolve(library, "PQexecParams", &pq.execParams)
            && resolve(library, "PQresultStatus", &pq.resultStatus)
            && resolve(library, "PQresultErrorMessage", &pq.resultErrorMessage)
            && resolve(library, "PQerrorMessage", &pq.errorMessage) && resolve(library, "PQclear", &pq.clear)
            && resolve(library, "PQntuples", &pq.ntuples) && resolve(library, "PQgetisnull", &pq.getisnull)
            && resolve(library, "PQgetvalue", &pq.getvalue) && resolve(library, "PQgetlength", &pq.getlength)
            && resolve(library, "PQfformat", &pq.fformat);
        return pq;
    }();
    return api;
}

} // namespace

void ResultDeleter::operator()(pg_result *result) const
{
    libpq().clear(result); // a result exists only when libpq was loaded
}

Result exec(const QSqlDatabase &db, const char *sql, const QList<QByteArray> &params, Format paramFormat,
            Format results, QString *error)
{
    PGconn *connection = handleOf(db);
    if (!connection) {
        *error = QStringLiteral("not connected");
        return nullptr;
    }
    const LibPq &pq = libpq();
    if (!pq.loaded) {
        *error = QStringLiteral("libpq.so.5 (Debian's libpq5) cannot be loaded");
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
    Result result(pq.execParams(connection, sql, int(params.size()), nullptr, values.data(), lengths.data(),
                                formats.data(), results == Format::Binary ? 1 : 0));
    const ExecStatusType status = result ? pq.resultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        *error = PostgresConnection::firstLine(
            QString::fromUtf8(result ? pq.resultErrorMessage(result.get()) : pq.errorMessage(connection)));
        if (error->isEmpty())
            *error = PostgresConnection::firstLine(QString::fromUtf8(pq.errorMessage(connection)));
        return nullptr;
    }
    return result;
}

int rows(const pg_result *result)
{
    return libpq().ntuples(result);
}

bool isNull(const pg_result *result, int row, int column)
{
    return libpq().getisnull(result, row, column) != 0;
}

QByteArray bytes(const pg_result *result, int row, int column)
{
    return QByteArray::fromRawData(libpq().getvalue(result, row, column),
                                   libpq().getlength(result, row, column));
}

qint64 int8(const pg_result *result, int row, int column)
{
    const char *value = libpq().getvalue(result, row, column);
    if (libpq().fformat(result, column) == 1)
        return libpq().getlength(result, row, column) == 8 ? qFromBigEndian<qint64>(value) : 0;
    return QByteArray::fromRawData(value, libpq().getlength(result, row, column)).toLongLong();
}

qint16 int2(const pg_result *result, int row, int column)
{
    if (libpq().getlength(result, row, column) != 2)
        return 0;
    return qFromBigEndian<qint16>(libpq().getvalue(result, row, column));
}

double float8(const pg_result *result, int row, int column)
{
    if (libpq().getlength(result, row, column) != 8)
        return 0;
    const quint64 bits = qFromBigEndian<quint64>(libpq().getvalue(result, row, column));
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

} // namespace Liq::PostgresDirect
