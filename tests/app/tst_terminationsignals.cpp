// TerminationSignals in this process: each signal arrives in the event loop, once, and the handlers
// that were there before come back.
#include "terminationsignals.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <csignal>
#include <memory>

using namespace Liq;

namespace {

std::atomic<int> s_fallbackCalls{0};

extern "C" void fallbackHandler(int)
{
    ++s_fallbackCalls;
}

// Puts a counting handler on signalNumber for the test's duration, so that a signal our class does
// not take shows up as a count instead of ending the test process.
class FallbackHandler final
{
public:
    explicit FallbackHandler(int signalNumber)
        : m_signal(signalNumber)
    {
        struct sigaction action = {};
        action.sa_handler = fallbackHandler;
        sigemptyset(&action.sa_mask);
        ::sigaction(m_signal, &action, &m_saved);
        s_fallbackCalls = 0;
    }
    ~FallbackHandler() { ::sigaction(m_signal, &m_saved, nullptr); }
    FallbackHandler(const FallbackHandler &) = delete;
    FallbackHandler &operator=(const FallbackHandler &) = delete;

private:
    int m_signal;
    struct sigaction m_saved = {};
};

} // namespace

class tst_TerminationSignals final : public QObject
{
    Q_OBJECT

private slots:
    void deliversInTheEventLoop_data();
    void deliversInTheEventLoop();
    void secondSignalGoesToThePreviousHandler();
    void destructorRestoresThePreviousHandler();
    void oneInstanceAtATime();
    void names();
};

void tst_TerminationSignals::deliversInTheEventLoop_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void tst_TerminationSignals::deliversInTheEventLoop()
{
    QFETCH(int, signalNumber);
    const FallbackHandler fallback(signalNumber);
    TerminationSignals termination;
    QVERIFY(termination.isActive());
    QSignalSpy received(&termination, &TerminationSignals::received);

    QCOMPARE(::raise(signalNumber), 0);
    // Not from inside the handler: only the event loop delivers it.
    QCOMPARE(received.count(), 0);
    QVERIFY(received.wait(5000));
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.at(0).at(0).toInt(), signalNumber);
    QCOMPARE(s_fallbackCalls.load(), 0);
    QVERIFY(!termination.isActive());
}

void tst_TerminationSignals::secondSignalGoesToThePreviousHandler()
{
    const FallbackHandler fallback(SIGTERM);
    TerminationSignals termination;
    QSignalSpy received(&termination, &TerminationSignals::received);
    QCOMPARE(::raise(SIGTERM), 0);
    QVERIFY(received.wait(5000));

    QCOMPARE(::raise(SIGTERM), 0);
    QCOMPARE(s_fallbackCalls.load(), 1);
    QTest::qWait(50);
    QCOMPARE(received.count(), 1);
}

void tst_TerminationSignals::destructorRestoresThePreviousHandler()
{
    const FallbackHandler fallback(SIGINT);
    {
        const TerminationSignals termination;
        QVERIFY(termination.isActive());
    }
    QCOMPARE(::raise(SIGINT), 0);
    QCOMPARE(s_fallbackCalls.load(), 1);
}

void tst_TerminationSignals::oneInstanceAtATime()
{
    const FallbackHandler fallback(SIGHUP);
    auto first = std::make_unique<TerminationSignals>();
    const TerminationSignals second;
    QVERIFY(first->isActive());
    QVERIFY(!second.isActive());
    first.reset();
    // Released with the first: a new one may take over.
    const TerminationSignals third;
    QVERIFY(third.isActive());
    QSignalSpy received(&third, &TerminationSignals::received);
    QCOMPARE(::raise(SIGHUP), 0);
    QVERIFY(received.wait(5000));
    QCOMPARE(received.at(0).at(0).toInt(), int(SIGHUP));
}

void tst_TerminationSignals::names()
{
    QCOMPARE(TerminationSignals::name(SIGTERM), QStringLiteral("SIGTERM"));
    QCOMPARE(TerminationSignals::name(SIGINT), QStringLiteral("SIGINT"));
    QCOMPARE(TerminationSignals::name(SIGHUP), QStringLiteral("SIGHUP"));
    QCOMPARE(TerminationSignals::name(SIGUSR1), QStringLiteral("signal %1").arg(SIGUSR1));
}

QTEST_GUILESS_MAIN(tst_TerminationSignals)
#include "tst_terminationsignals.moc"
