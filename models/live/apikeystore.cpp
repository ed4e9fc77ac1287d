#include "live/apikeystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace Liq {

namespace {
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OthersAny = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::ApiKeyStore", text);
}
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
} // namespace

ApiKeyStore::ApiKeyStore(const QString &path)
    : m_path(path)
{ }

QString ApiKeyStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/coinglass-api-key");
}

bool ApiKeyStore::environmentHasKey()
{
    return !qEnvironmentVariable(EnvironmentVariable).trimmed().isEmpty();
}

QString ApiKeyStore::load(QString *error) const
{
    setError(error, {});
    QString fromEnvironment = qEnvironmentVariable(EnvironmentVariable).trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (file.permissions() & OthersAny) {
        setError(error,
                 tr("%1: other users may read this key file; not using it "
                    "(run chmod 600 on it, or save the key again)")
                     .arg(m_path));
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("%1: cannot read the key file: %2").arg(m_path, file.errorString()));
        return {};
    }
    const QByteArray content = file.read(4096);
    return QString::fromUtf8(content).trimmed();
}

bool ApiKeyStore::save(const QString &key, QString *error) const
{
    setError(error, {});
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(u'\n')) {
        setError(error, tr("%1: not saving an empty or multi-line key").arg(m_path));
        return false;
    }
    const QFileInfo info(m_path);
    QDir directory = info.dir();
    if (!directory.exists()) {
        if (!directory.mkpath(QStringLiteral("."))) {
            setError(error, tr("%1: cannot create the folder").arg(directory.path()));
            return false;
        }
        QFile::setPermissions(directory.path(), OwnerOnly | QFileDevice::ExeOwner);
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, tr("%1: cannot write the key file: %2").arg(m_path, file.errorString()));
        return false;
    }
    // Restrict the temporary file before the key is in it; the rename keeps the mode.
    if (!file.setPermissions(OwnerOnly)) {
        file.cancelWriting();
        setError(error, tr("%1: cannot restrict the key file to its owner").arg(m_path));
        return false;
    }
    file.write(trimmed.toUtf8());
    file.write("\n");
    if (!file.commit()) {
        setError(error, tr("%1: cannot save the key file: %2").arg(m_path, file.errorString()));
        return false;
    }
    return true;
}

bool ApiKeyStore::remove(QString *error) const
{
    setError(error, {});
    if (!QFile::exists(m_path) || QFile::remove(m_path))
        return true;
    setError(error, tr("%1: cannot remove the key file").arg(m_path));
    return false;
}

} // namespace Liq
