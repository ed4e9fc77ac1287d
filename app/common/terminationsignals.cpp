#include "terminationsignals.h"

#include <QSocketNotifier>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Liq {
namespace {

constexpr std::array<int, 3> HandledSignals{SIGTERM, SIGINT, SIGHUP};

// Read by the signal handler: a lock-free atomic is async-signal-safe.
std::atomic<int> s_writeFd{-1};
static_assert(std::atomic<int>::is_always_lock_free);

// The handlers in place before ours, restored by uninstall(). Guarded by s_installed.
std::array<struct sigaction, HandledSignals.size()> s_previous{};
std::atomic<bool> s_installed{false};

extern "C" void onTerminationSignal(int signalNumber)
{
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signalNumber);
    // Non-blocking: if the socket is somehow full, the signal is dropped, never the process hung.
    [[maybe_unused]] const ssize_t written = ::write(s_writeFd.load(), &byte, 1);
    errno = savedErrno;
}

} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
    bool expected = false;
    if (!s_installed.compare_exchange_strong(expected, true))
        return; // another instance owns the handlers

    std::array<int, 2> fds{-1, -1};
    // CLOEXEC: child processes (the demo feed) must not inherit the pair.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds.data()) != 0) {
        s_installed = false;
        return;
    }
    m_readFd = fds[0];
    s_writeFd = fds[1];

    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // other system calls carry on rather than fail with EINTR
    for (std::size_t i = 0; i < HandledSignals.size(); ++i)
        ::sigaction(HandledSignals[i], &action, &s_previous[i]);

    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignals::readPending);
}

TerminationSignals::~TerminationSignals()
{
    uninstall();
}

QString TerminationSignals::name(int signalNumber)
{
    switch (signalNumber) {
    case SIGTERM: return QStringLiteral("SIGTERM");
    case SIGINT: return QStringLiteral("SIGINT");
    case SIGHUP: return QStringLiteral("SIGHUP");
    default: return QStringLiteral("signal %1").arg(signalNumber);
    }
}

void TerminationSignals::readPending()
{
    // Drain the socket; the first signal is the one acted on (later ones ask for the same thing).
    int first = 0;
    std::array<unsigned char, 16> bytes{};
    for (;;) {
        const ssize_t count = ::read(m_readFd, bytes.data(), bytes.size());
        if (count <= 0)
            break; // EAGAIN: drained
        if (first == 0)
            first = bytes[0];
    }
    if (first == 0)
        return;
    // Before emitting: a receiver may take its time shutting down, and a second signal must then
    // have its usual effect.
    uninstall();
    emit received(first);
}

void TerminationSignals::uninstall()
{
    if (!m_notifier)
        return;
    for (std::size_t i = 0; i < HandledSignals.size(); ++i)
        ::sigaction(HandledSignals[i], &s_previous[i], nullptr);
    m_notifier->setEnabled(false);
    m_notifier->deleteLater();
    m_notifier = nullptr;
    ::close(s_writeFd.exchange(-1));
    ::close(m_readFd);
    m_readFd = -1;
    s_installed = false;
}

} // namespace Liq
