#include "store/postgresconnection.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostgresConnection", text);
}

const QStringList &sslModes()
{
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

// Query parameters passed to libpq as they are (file names and a timeout; no spaces or quotes, which
// QPSQL's option string could not carry).
const QStringList &passedThrough()
{
    static const QStringList keys{QStringLiteral("sslrootcert"), QStringLiteral("sslcert"),
                                  QStringLiteral("sslkey"), QStringLiteral("passfile")};
    return keys;
}

bool plainValue(const QString &value)
{
    for (const QChar c : value) {
        if (c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\') || c == QLatin1Char(';'))
            return false;
    }
    return true;
}

// Applies one query item; false with *error set.
bool applyItem(PostgresConnection &c, const QString &key, const QString &value, QString *error)
{
    if (!plainValue(value)) {
        *error = tr("the value of %1 cannot contain spaces, quotes or semicolons").arg(key);
        return false;
    }
    if (key == QLatin1String("host"))
        c.host = value;
    else if (key == QLatin1String("port"))
        c.port = value.toInt();
    else if (key == QLatin1String("user"))
        c.user = value;
    else if (key == QLatin1String("dbname"))
        c.database = value;
    else if (key == QLatin1String("sslmode") && sslModes().contains(value))
        c.sslMode = value;
    else if (key == QLatin1String("connect_timeout") && value.toInt() > 0)
        c.connectTimeout = value;
    else if (key == QLatin1String("application_name"))
        c.applicationName = value;
    else if (passedThrough().contains(key))
        c.extraOptions += QStringLiteral(";%1=%2").arg(key, value);
    else {
        *error = tr("%1=%2 is not a parameter Liqscope understands").arg(key, value);
        return false;
    }
    return true;
}

} // namespace

bool PostgresConnection::isPostgresSpec(const QString &spec)
{
    return spec.startsWith(QLatin1String("postgresql://")) || spec.startsWith(QLatin1String("postgres://"));
}

PostgresConnection PostgresConnection::parse(const QString &spec)
{
    PostgresConnection c;
    const QUrl url(spec, QUrl::StrictMode);
    if (!isPostgresSpec(spec) || !url.isValid()) {
        c.error = tr("not a PostgreSQL URI (postgresql://[user@]host[:port]/dbname): %1")
                      .arg(url.isValid() ? spec : url.errorString());
        return c;
    }
    const QUrlQuery query(url);
    if (!url.password().isEmpty() || query.hasQueryItem(QStringLiteral("password"))) {
        c.error = tr("a password does not belong in the store's address (it would be kept in shell "
                     "histories and logs): put it in ~/.pgpass, or name a file in PGPASSFILE, or set "
                     "PGPASSWORD");
        return c;
    }
    c.host = url.host(QUrl::FullyDecoded);
    c.port = url.port(-1);
    c.user = url.userName(QUrl::FullyDecoded);
    c.database = url.path(QUrl::FullyDecoded).mid(1);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!applyItem(c, item.first, item.second, &c.error))
            return c;
    }
    if (c.database.isEmpty() || c.database.contains(QLatin1Char('/'))) {
        c.error = tr("the URI names no database (postgresql://host/dbname)");
        return c;
    }
    if (c.sslMode.isEmpty() && !c.isLocal())
        c.sslMode = QStringLiteral("require"); // over a network, never in clear unless asked
    return c;
}

bool PostgresConnection::isLocal() const
{
    return host.isEmpty() || host.startsWith(QLatin1Char('/')) || host == QLatin1String("localhost")
        || host == QLatin1String("::1") || host.startsWith(QLatin1String("127."));
}

QString PostgresConnection::location() const
{
    const auto encoded = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    };
    const bool socket = host.isEmpty() || host.startsWith(QLatin1Char('/'));
    QString shown = QStringLiteral("postgresql://");
    QStringList query;
    if (socket) {
        if (!host.isEmpty())
            query << QStringLiteral("host=") + encoded(host);
        if (port > 0)
            query << QStringLiteral("port=%1").arg(port);
        if (!user.isEmpty())
            query << QStringLiteral("user=") + encoded(user);
    } else {
        if (!user.isEmpty())
            shown += encoded(user) + QLatin1Char('@');
        shown += host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
        if (port > 0)
            shown += QStringLiteral(":%1").arg(port);
    }
    shown += QLatin1Char('/') + encoded(database);
    if (!sslMode.isEmpty())
        query << QStringLiteral("sslmode=") + sslMode;
    if (!query.isEmpty())
        shown += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return shown;
}

bool PostgresConnection::open(const QString &name, QString *problem) const
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *problem = tr("Qt's PostgreSQL driver is missing (install libqt6sql6-psql)");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(host);
    if (port > 0)
        db.setPort(port);
    db.setUserName(user);
    db.setDatabaseName(database);
    QStringList options{QStringLiteral("connect_timeout=") + connectTimeout,
                        QStringLiteral("application_name=") + applicationName};
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    db.setConnectOptions(options.join(QLatin1Char(';')) + extraOptions);
    if (!db.open()) {
        *problem = db.lastError().text().simplified();
        return false;
    }
    return true;
}

void PostgresConnection::drop(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString PostgresConnection::firstLine(const QString &message)
{
    return message.section(QLatin1Char('\n'), 0, 0).simplified();
}

} // namespace Liq
