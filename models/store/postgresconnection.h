#pragma once

#include <QString>

class QSqlDatabase;

namespace Liq {

// Where a PostgreSQL event store is, from a libpq URI:
//   postgresql://[user@]host[:port]/dbname[?sslmode=…&connect_timeout=…]
//   postgresql:///dbname?host=/run/postgresql (a Unix socket folder)
// A password is never taken from the URI (it would end up in shell histories, logs and settings): libpq
// reads it from ~/.pgpass, PGPASSFILE or PGPASSWORD, as every PostgreSQL tool does. Off loopback and
// sockets the connection needs TLS (sslmode=require) unless the URI says otherwise.
struct PostgresConnection
{
    QString host; // empty: libpq's default socket; starting with '/': a socket folder
    int port = -1;
    QString user;
    QString database;
    QString sslMode; // empty: libpq's default (prefer)
    QString connectTimeout = QStringLiteral("10");
    QString applicationName = QStringLiteral("liqscope");
    QString extraOptions; // further key=value;… from the URI (sslrootcert, sslcert, sslkey, passfile)
    QString error; // why the URI cannot be used (then nothing else is meaningful)

    static bool isPostgresSpec(const QString &spec);
    static PostgresConnection parse(const QString &spec);

    bool isLocal() const; // a socket or a loopback address
    // The URI as it may be shown and logged (no password can be in it).
    QString location() const;
    // Opens a QPSQL connection of the calling thread named name; false with *problem set (the connection
    // stays registered: the caller removes it).
    bool open(const QString &name, QString *problem) const;
    // Closes and forgets the calling thread's connection named name (nothing when there is none).
    static void drop(const QString &name);
    // The first line of a server or driver message, on one line: what the store reports and logs.
    static QString firstLine(const QString &message);
};

} // namespace Liq
