#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

namespace Liq {

// A prepared statement of the SQLite C API on the handle of a QtSql connection (what the store's hot
// paths use: QSqlQuery's QVariant per value costs more than SQLite itself), finalized when it goes.
// Parameters and columns count as SQLite counts them: parameters from 1, columns from 0.
class SqliteStatement
{
public:
    enum class Step { Row, Done, Error };

    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Prepares sql once for many runs (SQLITE_PREPARE_PERSISTENT). False with error() set.
    bool prepare(sqlite3 *db, const char *sql);
    bool isValid() const { return m_statement != nullptr; }

    void bind(int parameter, qint64 value);
    void bind(int parameter, double value);
    // The bytes are not copied: they must outlive the step() that uses them.
    void bindText(int parameter, const QByteArray &utf8);
    void bindBlob(int parameter, const QByteArray &bytes);

    Step step();
    // Ready to run again (bind every parameter again: text and blobs are not copied).
    void reset();
    // A statement without rows: step() to the end, then reset(). False with *error set.
    bool run(QString *error);

    qint64 integer(int column) const;
    double real(int column) const;
    QString text(int column) const;
    // Valid until the next step() or reset().
    QByteArrayView blob(int column) const;

    // The connection's message for the last failure.
    QString error() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

namespace SqliteApi {

// Opens the QSQLITE connection `name` of the calling thread on path (a busy timeout of 5 s: the writer's
// commits are short). False with *error set; drop it with dropConnection() either way.
bool openConnection(const QString &name, const QString &path, bool readOnly, QString *error);
void dropConnection(const QString &name);

// The sqlite3 handle behind an open QSQLITE connection; null when the driver gives none.
sqlite3 *handle(const QSqlDatabase &db);
// Runs statements without results ("BEGIN", "COMMIT"). False with *error set.
bool exec(sqlite3 *db, const char *sql, QString *error);
// The SQLite library this program links ("3.40.1").
QString linkedVersion();
// True when Qt's QSQLITE driver (db, open) runs on the very SQLite library this program links (same
// version number and source id), so that its handle may be used with the C API here. *driverVersion
// gets the driver's version for the message that refuses the store otherwise.
bool sameLibrary(QSqlDatabase &db, QString *driverVersion);

} // namespace SqliteApi
} // namespace Liq
