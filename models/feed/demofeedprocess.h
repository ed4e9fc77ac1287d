#pragma once

#include <QObject>
#include <QProcess>
#include <QUrl>

namespace Liq {

// Runs `liqscope-feed --port 0 [--seed N]` (found next to the running executable unless set) and
// reports the URL it listens on. The child is stopped when this object is destroyed or stop() is
// called; it never outlives the app.
class DemoFeedProcess final : public QObject
{
    Q_OBJECT
public:
    explicit DemoFeedProcess(QObject *parent = nullptr);
    ~DemoFeedProcess() override;

    // Default: liqscope-feed in QCoreApplication::applicationDirPath().
    static QString defaultProgram();
    void setProgram(const QString &program) { m_program = program; }
    const QString &program() const { return m_program; }
    // Extra arguments after --port 0 (e.g. {"--start", "...", "--advance-per-request", "60"}).
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }

    // Starts the child; ready() or failed() follows. startupTimeoutMs bounds the wait for its URL.
    void start(quint64 seed = 1, int startupTimeoutMs = 10'000);
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    const QUrl &baseUrl() const { return m_baseUrl; } // http://127.0.0.1:PORT, once ready
    QUrl snapshotUrl() const; // baseUrl + /v1/snapshot

signals:
    void ready(const QUrl &snapshotUrl);
    void failed(const QString &message);

private:
    void onReadyRead();
    void fail(const QString &message);

    QProcess m_process;
    QString m_program;
    QStringList m_extraArguments;
    QByteArray m_stdout;
    QUrl m_baseUrl;
    bool m_reported = false;
    int m_startupTimer = 0;
    void timerEvent(QTimerEvent *event) override;
};

} // namespace Liq
