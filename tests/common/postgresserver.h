#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Liq {

// A throwaway PostgreSQL server for tests: initdb into a temporary folder, pg_ctl on a Unix socket in
// that folder (no TCP port), trust authentication for the superuser "liqscope". PostgreSQL refuses to
// run as root, so when the tests do, the server runs as the unprivileged user "nobody" (setpriv) in a
// folder handed to it. The destructor stops the server (pg_ctl stop -m immediate) and removes the folder.
// Nothing is skipped: a machine without the server binaries gets a message naming the Debian package,
// and the test that asked fails.
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Creates the cluster on first use and starts the server. Empty on success, otherwise what failed.
    QString start();
    // pg_ctl stop -m fast (a restart in the middle of a test); start() brings it back on the same folder.
    QString stop();
    bool isRunning() const { return m_running; }

    QString createDatabase(const QString &name);
    // Runs SQL through psql (ON_ERROR_STOP); empty on success, otherwise psql's message.
    QString execute(const QString &database, const QString &sql, QString *output = nullptr);

    // postgresql:///DATABASE?host=SOCKETDIR&port=PORT&user=liqscope
    QString uri(const QString &database) const;
    QString socketDirectory() const { return m_dir.path(); }
    int port() const { return m_port; }
    static QString superuser() { return QStringLiteral("liqscope"); }

    // The folder of initdb and pg_ctl: $LIQSCOPE_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin.
    static QString binDirectory();
    // Empty when the server binaries and Qt's QPSQL driver are there; otherwise which package is missing.
    static QString missingPackages();

private:
    QString run(const QString &tool, const QStringList &arguments, bool asServerUser,
                QString *output = nullptr);
    QString handOverToServerUser();

    QTemporaryDir m_dir;
    int m_port = 0;
    bool m_initialised = false;
    bool m_running = false;
    unsigned m_uid = 0;
    unsigned m_gid = 0;
};

} // namespace Liq
