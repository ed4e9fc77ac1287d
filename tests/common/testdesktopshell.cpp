#include "testdesktopshell.h"

namespace LiqTest {
namespace {

constexpr int StartMs = 10000;

} // namespace

QString DesktopShell::start(Host host)
{
    QStringList arguments;
    if (host == Host::Later)
        arguments << QStringLiteral("--no-host");
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(LIQSCOPE_TEST_SHELL), arguments);
    if (!m_process.waitForStarted(StartMs))
        return m_process.errorString();
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(StartMs))
            return QStringLiteral("liqscope-test-shell did not start (exit code %1)")
                .arg(m_process.exitCode());
    }
    return m_process.readLine().trimmed() == "ready" ? QString()
                                                     : QStringLiteral("liqscope-test-shell: no ready");
}

void DesktopShell::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished();
}

} // namespace LiqTest
