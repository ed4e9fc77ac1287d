#include "live/liveendpoint.h"
#include "live/liveoptions.h"
#include "live/livestatus.h"
#include "livebadge.h"

#include <QTest>

using namespace Liq;

namespace {

const QDateTime Now(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

} // namespace

class tst_LiveBadge final : public QObject
{
    Q_OBJECT

private slots:
    void textPerState_data();
    void textPerState();
    void ticksOnlyWhileTimeIsShown_data();
    void ticksOnlyWhileTimeIsShown();
    void tooltipIsTheStatusDescription();
    void colourDiffersBetweenGoodAndBad();
    void oneDotPerExchangeAndTheRate();
};

void tst_LiveBadge::oneDotPerExchangeAndTheRate()
{
    LiveStatus status;
    status.state = LiveState::Live;
    status.eventsPerSecond = 3.25;
    LinkStatus binance;
    binance.name = u"Binance"_qs;
    binance.state = LiveState::Live;
    LinkStatus okx;
    okx.name = u"OKX"_qs;
    okx.state = LiveState::Silent;
    okx.message = u"connected, but nothing arrived for 300 s"_qs;
    status.links = {binance, okx};
    LiveBadge badge;
    badge.setStatus(status);
    const QString text = badge.text();
    // A dot in each part's own colour, the exchanges by name, the silent one says so, and the rate.
    QVERIFY(text.contains(LiveBadge::stateColor(LiveState::Live).name()));
    QVERIFY(text.contains(LiveBadge::stateColor(LiveState::Silent).name()));
    QVERIFY(text.indexOf(u"Binance"_qs) < text.indexOf(u"OKX"_qs));
    QVERIFY(text.contains(u"Silent"_qs));
    QVERIFY(text.contains(u"3.2/s"_qs) || text.contains(u"3.3/s"_qs));
    // The tooltip gives each exchange's whole story.
    QVERIFY(badge.toolTip().contains(u"OKX: Silent"_qs));
    QVERIFY(badge.toolTip().contains(u"nothing arrived"_qs));
    QVERIFY(!text.contains(u"collector"_qs));

    // Data relayed through a store a collector writes: the badge says so after the rate.
    status.relay = u"via collector"_qs;
    badge.setStatus(status);
    QVERIFY(badge.text().indexOf(u"via collector"_qs) > badge.text().indexOf(u"/s"_qs));
}

void tst_LiveBadge::textPerState_data()
{
    QTest::addColumn<LiveState>("state");
    QTest::addColumn<int>("dataAgeSeconds"); // -1: no good snapshot yet
    QTest::addColumn<int>("retryInMs"); // -1: none scheduled
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("idle") << LiveState::Idle << -1 << -1 << QString() << u"Not live"_qs;
    QTest::newRow("connecting") << LiveState::Connecting << -1 << -1 << QString() << u"Connecting…"_qs;
    QTest::newRow("live") << LiveState::Live << 0 << 10000 << QString() << u"Live"_qs;
    QTest::newRow("unchanged") << LiveState::Unchanged << 0 << 10000 << QString() << u"Live · no change"_qs;
    QTest::newRow("paused") << LiveState::Paused << 30 << -1 << QString() << u"Paused"_qs;
    QTest::newRow("stale, seconds") << LiveState::Stale << 42 << 8000 << u"HTTP 500"_qs
                                    << u"Stale · data 42 s old · retry in 8 s"_qs;
    QTest::newRow("stale, minutes") << LiveState::Stale << 125 << 60'500 << u"timeout"_qs
                                    << u"Stale · data 2 min old · retry in 1 min"_qs;
    QTest::newRow("stale, hours") << LiveState::Stale << 3 * 3600 + 5 * 60 << -1 << QString()
                                  << u"Stale · data 3 h 5 min old"_qs;
    QTest::newRow("retrying, rounds up")
        << LiveState::Retrying << -1 << 2100 << u"refused"_qs << u"Retrying in 3 s"_qs;
    QTest::newRow("retrying, none scheduled")
        << LiveState::Retrying << -1 << -1 << QString() << u"Retrying"_qs;
    QTest::newRow("error with why") << LiveState::Error << 60 << -1 << u"HTTP 401: the API key was refused"_qs
                                    << u"Error: HTTP 401: the API key was refused"_qs;
    QTest::newRow("error without why") << LiveState::Error << -1 << -1 << QString() << u"Error"_qs;
}

void tst_LiveBadge::textPerState()
{
    QFETCH(LiveState, state);
    QFETCH(int, dataAgeSeconds);
    QFETCH(int, retryInMs);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    LiveStatus status;
    status.state = state;
    status.message = message;
    if (dataAgeSeconds >= 0)
        status.lastSuccessAt = Now.addSecs(-dataAgeSeconds);
    if (retryInMs >= 0)
        status.nextAttemptAt = Now.addMSecs(retryInMs);
    QCOMPARE(status.shortText(Now), expected);

    // The widget shows the same words (with a dot), and says them to screen readers.
    LiveBadge badge;
    status.lastSuccessAt = status.lastSuccessAt.isValid()
        ? QDateTime::currentDateTimeUtc().addSecs(-dataAgeSeconds)
        : QDateTime();
    status.nextAttemptAt = QDateTime(); // keeps the text independent of the clock
    badge.setStatus(status);
    QVERIFY(badge.accessibleName().startsWith(u"Feed: "_qs));
    QVERIFY2(badge.text().contains(status.shortText(QDateTime::currentDateTimeUtc()).toHtmlEscaped()),
             qPrintable(badge.text()));
}

void tst_LiveBadge::ticksOnlyWhileTimeIsShown_data()
{
    QTest::addColumn<LiveState>("state");
    QTest::addColumn<bool>("ticks");
    QTest::newRow("idle") << LiveState::Idle << false;
    QTest::newRow("connecting") << LiveState::Connecting << false;
    QTest::newRow("live") << LiveState::Live << false;
    QTest::newRow("unchanged") << LiveState::Unchanged << false;
    QTest::newRow("paused") << LiveState::Paused << false;
    QTest::newRow("error") << LiveState::Error << false;
    QTest::newRow("stale") << LiveState::Stale << true;
    QTest::newRow("retrying") << LiveState::Retrying << true;
}

void tst_LiveBadge::ticksOnlyWhileTimeIsShown()
{
    QFETCH(LiveState, state);
    QFETCH(bool, ticks);
    LiveStatus status;
    status.state = state;
    status.lastSuccessAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    status.nextAttemptAt = QDateTime::currentDateTimeUtc().addSecs(3);
    LiveBadge badge;
    QVERIFY(!badge.isTicking());
    badge.setStatus(status);
    QCOMPARE(badge.isTicking(), ticks);
    if (ticks) {
        // The countdown moves without a new status.
        const QString before = badge.text();
        QTRY_VERIFY_WITH_TIMEOUT(badge.text() != before, 3000);
    }
    badge.setStatus(LiveStatus{});
    QVERIFY(!badge.isTicking());
}

void tst_LiveBadge::tooltipIsTheStatusDescription()
{
    LiveStatus status;
    status.state = LiveState::Stale;
    status.message = u"HTTP 503 from 127.0.0.1"_qs;
    status.lastSuccessAt = QDateTime::currentDateTimeUtc().addSecs(-130);
    LiveBadge badge;
    badge.setStatus(status);
    QCOMPARE(badge.toolTip(), status.describe(QDateTime::currentDateTimeUtc()));
    QVERIFY(badge.toolTip().contains(u"HTTP 503"_qs));
}

void tst_LiveBadge::colourDiffersBetweenGoodAndBad()
{
    const QColor live = LiveBadge::stateColor(LiveState::Live);
    QCOMPARE(LiveBadge::stateColor(LiveState::Unchanged), live);
    for (LiveState state : {LiveState::Stale, LiveState::Error, LiveState::Retrying, LiveState::Paused})
        QVERIFY(LiveBadge::stateColor(state) != live);
    QVERIFY(LiveBadge::stateColor(LiveState::Stale) != LiveBadge::stateColor(LiveState::Error));
}

QTEST_MAIN(tst_LiveBadge)
#include "tst_livebadge.moc"
