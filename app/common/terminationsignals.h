#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace Liq {

// Turns SIGTERM, SIGINT and SIGHUP into a Qt signal delivered in the event loop, so that a logout,
// `kill` or Ctrl-C ends the program the way closing it does (settings saved, children ended,
// destructors run) instead of killing it mid-write.
//
// The self-pipe pattern from Qt's "Calling Qt Functions From Unix Signal Handlers": the handler only
// writes the signal number to a socket, which is async-signal-safe; a QSocketNotifier reads it in
// the event loop.
//
// One-shot: once a signal has been received the previous handlers are back, so a second Ctrl-C ends
// a program that hangs on its way out. One instance at a time; the destructor restores the previous
// handlers too.
class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    // False when the handlers could not be installed (another instance is active, or the socket
    // pair could not be made), and after the first signal: the signals then behave as before.
    bool isActive() const { return m_notifier != nullptr; }

    // "SIGTERM", "SIGINT", "SIGHUP"; "signal N" for any other.
    static QString name(int signalNumber);

signals:
    void received(int signalNumber);

private:
    void readPending();
    void uninstall();

    QSocketNotifier *m_notifier = nullptr;
    int m_readFd = -1;
};

} // namespace Liq
