#pragma once

#include <QProcess>
#include <QString>

namespace LiqTest {

// liqscope-test-shell as a child process on the session bus of DBUS_SESSION_BUS_ADDRESS: the tray half of a
// desktop shell (testshellmain.cpp), started and stopped when a test says (a panel starting late).
class DesktopShell
{
public:
    enum class Host { Registered, Later };

    DesktopShell() = default;
    ~DesktopShell() { stop(); }
    DesktopShell(const DesktopShell &) = delete;
    DesktopShell &operator=(const DesktopShell &) = delete;

    // Starts it and waits until it owns org.kde.StatusNotifierWatcher: empty on success, else what failed.
    QString start(Host host = Host::Registered);
    void stop();

private:
    QProcess m_process;
};

} // namespace LiqTest

// main() for a test of QApplication on a private session bus: the bus starts, and becomes the process's
// session bus, before the application exists (Qt's platform code may open the session bus early).
#define LIQTEST_MAIN_ON_PRIVATE_BUS(TestObject) \
    int main(int argc, char **argv) \
    { \
        LiqTest::SessionBus bus; \
        if (const QString problem = bus.start(); !problem.isEmpty()) { \
            qCritical("%s", qPrintable(problem)); \
            return 1; \
        } \
        bus.exportToEnvironment(); \
        QApplication app(argc, argv); \
        TestObject test; \
        return QTest::qExec(&test, argc, argv); \
    }
