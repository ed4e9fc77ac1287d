#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

class QSqlDatabase;
struct pg_result;

// libpq under a QPSQL connection (the driver's handle), for the store's hot paths, as the SQLite store
// uses the C API under QSQLITE: QPSQL sends bound values inside an EXECUTE statement, which the server
// lexes and copies as SQL text, and returns every value as text (a day's packed rollup rows as hex). Here
// the parameters go beside the statement and the results may come in binary (bench_pgstore: inserts
// 41k/s through QPSQL, 49k-63k/s through libpq, 82k-100k/s with binary arrays, on the same busy machine).
namespace Liq::PostgresDirect {

struct ResultDeleter
{
    void operator()(pg_result *result) const;
};
using Result = std::unique_ptr<pg_result, ResultDeleter>;

enum class Format { Text, Binary };

// Runs sql ($1, $2 … for params, all in the one format; binary ones take their types from the statement's
// casts) on db's connection, in its transaction if one is open. Null with *error set when the connection
// is not open or the statement failed.
Result exec(const QSqlDatabase &db, const char *sql, const QList<QByteArray> &params, Format paramFormat,
            Format results, QString *error);

int rows(const pg_result *result);
bool isNull(const pg_result *result, int row, int column);
QByteArray bytes(const pg_result *result, int row, int column); // a view: valid while result lives
qint64 int8(const pg_result *result, int row, int column); // a bigint, as the format asked for
// Binary results only: a smallint and a double precision.
qint16 int2(const pg_result *result, int row, int column);
double float8(const pg_result *result, int row, int column);

} // namespace Liq::PostgresDirect
