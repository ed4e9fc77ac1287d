#pragma once

#include <QString>

namespace Liq {

// Where the CoinGlass API key lives between runs: the environment (LIQSCOPE_COINGLASS_KEY) wins, then
// a one-line file only its owner may read (0600, written atomically). The key itself never appears in
// the messages.
class ApiKeyStore final
{
public:
    static constexpr const char *EnvironmentVariable = "LIQSCOPE_COINGLASS_KEY";

    explicit ApiKeyStore(const QString &path = defaultPath());
    // <AppConfigLocation>/coinglass-api-key
    static QString defaultPath();
    const QString &path() const { return m_path; }

    // The key from the environment, else from the file; empty when neither has one. A file that other
    // users could read is refused (with *error saying so and how to fix it), as is an unreadable one.
    QString load(QString *error = nullptr) const;
    // True when the key came from the environment (the dialog then does not offer to save it).
    static bool environmentHasKey();
    // Writes the key with mode 0600 (the directory 0700) through QSaveFile.
    bool save(const QString &key, QString *error) const;
    bool remove(QString *error) const;

private:
    QString m_path;
};

} // namespace Liq
