#include "feed/demofeedprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimerEvent>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Liq {

DemoFeedProcess::DemoFeedProcess(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // Even when the app is killed and no destructor runs, the kernel ends the child with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoFeedProcess::onReadyRead);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("%1: cannot start the demo feed (%2)").arg(m_program, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        const QString why = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
        fail(tr("%1: the demo feed stopped (exit code %2)%3")
                 .arg(m_program)
                 .arg(exitCode)
                 .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    });
}

DemoFeedProcess::~DemoFeedProcess()
{
    m_process.disconnect(this);
    stop();
}

QString DemoFeedProcess::defaultProgram()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("liqscope-feed"));
}

QUrl DemoFeedProcess::snapshotUrl() const
{
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/v1/snapshot"));
    return url;
}

void DemoFeedProcess::start(quint64 seed, int startupTimeoutMs)
{
    stop();
    m_stdout.clear();
    m_baseUrl.clear();
    m_reported = false;
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                          QString::number(seed)};
    arguments += m_extraArguments;
    m_process.start(m_program, arguments, QIODevice::ReadOnly);
    m_startupTimer = startTimer(startupTimeoutMs);
}

void DemoFeedProcess::stop()
{
    if (m_startupTimer) {
        killTimer(m_startupTimer);
        m_startupTimer = 0;
    }
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_reported = true; // a stop we asked for is no failure
    m_process.terminate();
    if (!m_process.waitForFinished(2000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void DemoFeedProcess::onReadyRead()
{
    m_stdout += m_process.readAllStandardOutput();
    if (m_reported)
        return;
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0) {
        if (m_stdout.size() > 4096)
            fail(tr("%1: unexpected output from the demo feed").arg(m_program));
        return;
    }
    const QByteArray line = m_stdout.left(newline).trimmed();
    const QByteArray prefix = "listening on ";
    const QUrl url(QString::fromUtf8(line.mid(prefix.size())));
    if (!line.startsWith(prefix) || !url.isValid() || url.port() <= 0) {
        fail(tr("%1: unexpected output from the demo feed: %2")
                 .arg(m_program, QString::fromUtf8(line.left(200))));
        return;
    }
    m_baseUrl = url;
    m_reported = true;
    if (m_startupTimer) {
        killTimer(m_startupTimer);
        m_startupTimer = 0;
    }
    emit ready(snapshotUrl());
}

void DemoFeedProcess::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_startupTimer)
        return QObject::timerEvent(event);
    killTimer(m_startupTimer);
    m_startupTimer = 0;
    if (!m_reported) {
        fail(tr("%1: the demo feed did not report its address in time").arg(m_program));
        stop();
    }
}

void DemoFeedProcess::fail(const QString &message)
{
    if (m_reported)
        return;
    m_reported = true;
    emit failed(message);
}

} // namespace Liq
