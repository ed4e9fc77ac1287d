#include "postgresserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QUrl>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Liq {
namespace {

constexpr int ToolTimeoutMs = 120000; // initdb on a busy two-core machine
const char *const ServerUser = "nobody";

} // namespace

PostgresServer::PostgresServer()
    : m_dir(QDir::tempPath() + QStringLiteral("/liqscope-pg-XXXXXX"))
    // The port only names the socket file in our own folder (no TCP listener): any number will do.
    , m_port(50000 + int(::getpid() % 10000))
{ }

PostgresServer::~PostgresServer()
{
    if (m_running) {
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("stop"), QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
             QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w")},
            true);
    }
}

QString PostgresServer::binDirectory()
{
    QString fromEnvironment = qEnvironmentVariable("LIQSCOPE_PG_BINDIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    int newest = 0;
    for (const QString &name : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        newest = qMax(newest, name.toInt());
    return newest > 0 ? versions.filePath(QStringLiteral("%1/bin").arg(newest)) : QString();
}

QString PostgresServer::missingPackages()
{
    QStringList missing;
    const QString bin = binDirectory();
    if (bin.isEmpty() || !QFile::exists(bin + QStringLiteral("/initdb"))
        || !QFile::exists(bin + QStringLiteral("/pg_ctl")))
        missing << QStringLiteral("the PostgreSQL server (initdb, pg_ctl): install Debian's postgresql "
                                  "package (tools/dev deps)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        missing << QStringLiteral("Qt's PostgreSQL driver (QPSQL): install Debian's libqt6sql6-psql "
                                  "package (tools/dev deps)");
    return missing.join(QStringLiteral("; "));
}

QString PostgresServer::run(const QString &tool, const QStringList &arguments, bool asServerUser,
                            QString *output)
{
    QProcess process;
    QString program = binDirectory() + QLatin1Char('/') + tool;
    QStringList args = arguments;
    if (asServerUser && ::geteuid() == 0) {
        // PostgreSQL will not run as root: drop to the server user for initdb and pg_ctl.
        args.prepend(program);
        args.prepend(QStringLiteral("--"));
        args.prepend(QStringLiteral("--clear-groups"));
        args.prepend(QStringLiteral("--regid=%1").arg(m_gid));
        args.prepend(QStringLiteral("--reuid=%1").arg(m_uid));
        program = QStringLiteral("setpriv");
    }
    process.setWorkingDirectory(m_dir.path());
    process.start(program, args);
    if (!process.waitForFinished(ToolTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("%1 did not finish: %2").arg(tool, process.errorString());
    }
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("%1 %2 failed (exit %3): %4 %5")
            .arg(tool, arguments.join(QLatin1Char(' ')))
            .arg(process.exitCode())
            .arg(out, QString::fromLocal8Bit(process.readAllStandardError()));
    return {};
}

QString PostgresServer::handOverToServerUser()
{
    if (::geteuid() != 0)
        return {};
    const passwd *user = ::getpwnam(ServerUser);
    if (!user)
        return QStringLiteral("running as root, and there is no user \"%1\" to run PostgreSQL as")
            .arg(QLatin1String(ServerUser));
    m_uid = user->pw_uid;
    m_gid = user->pw_gid;
    const QByteArray path = QFile::encodeName(m_dir.path());
    if (::chown(path.constData(), m_uid, m_gid) != 0 || ::chmod(path.constData(), 0700) != 0)
        return QStringLiteral("cannot hand %1 to the user \"%2\"")
            .arg(m_dir.path(), QLatin1String(ServerUser));
    return {};
}

QString PostgresServer::start()
{
    if (const QString missing = missingPackages(); !missing.isEmpty())
        return QStringLiteral("missing ") + missing;
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary folder: %1").arg(m_dir.errorString());
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!m_initialised) {
        if (QString problem = handOverToServerUser(); !problem.isEmpty())
            return problem;
        if (QString problem
            = run(QStringLiteral("initdb"),
                  {QStringLiteral("-D"), data, QStringLiteral("-U"), superuser(), QStringLiteral("-A"),
                   QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                   QStringLiteral("--no-sync"), QStringLiteral("--no-locale")},
                  true);
            !problem.isEmpty())
            return problem;
        m_initialised = true;
    }
    // fsync off: a test server need not survive a power cut, and the shared machine's disk is slow.
    const QString options
        = QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=off").arg(m_dir.path()).arg(m_port);
    if (QString problem = run(QStringLiteral("pg_ctl"),
                              {QStringLiteral("start"), QStringLiteral("-D"), data, QStringLiteral("-w"),
                               QStringLiteral("-t"), QStringLiteral("120"), QStringLiteral("-l"),
                               m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options},
                              true);
        !problem.isEmpty())
        return problem;
    m_running = true;
    return {};
}

QString PostgresServer::stop()
{
    QString problem
        = run(QStringLiteral("pg_ctl"),
              {QStringLiteral("stop"), QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
               QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w")},
              true);
    if (problem.isEmpty())
        m_running = false;
    return problem;
}

QString PostgresServer::createDatabase(const QString &name)
{
    return run(QStringLiteral("createdb"),
               {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"), QString::number(m_port),
                QStringLiteral("-U"), superuser(), name},
               false);
}

QString PostgresServer::execute(const QString &database, const QString &sql, QString *output)
{
    return run(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_dir.path(),
                QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), superuser(),
                QStringLiteral("-d"), database, QStringLiteral("-c"), sql},
               false, output);
}

QString PostgresServer::uri(const QString &database) const
{
    // Concatenated, not arg(): the percent-encoded folder holds "%2F".
    return QStringLiteral("postgresql:///") + database + QStringLiteral("?host=")
        + QString::fromLatin1(QUrl::toPercentEncoding(m_dir.path())) + QStringLiteral("&port=")
        + QString::number(m_port) + QStringLiteral("&user=") + superuser();
}

} // namespace Liq
