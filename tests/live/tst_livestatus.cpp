// The source-neutral status: one formatter of state texts, short (badge) and long (tooltip, stderr).
#include "live/livestatus.h"

#include <QTest>

using namespace Liq;

namespace {

const QDateTime Now(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

LinkStatus linkIn(LiveState state)
{
    LinkStatus status;
    status.state = state;
    return status;
}

} // namespace

class tst_LiveStatus final : public QObject
{
    Q_OBJECT

private slots:
    void everyStateHasWords();
    void staleShowsAgeAndCountdown();
    void silentIsNotQuiet();
    void retryCountdownRoundsUp();
    void errorCarriesTheReason();
    void reconnectingCountsDownAndKeepsTheAge();
    void changesWithTimeOnlyWhenAnAgeOrCountdownIsShown();
    void describeAllListsEveryLink();
};

void tst_LiveStatus::everyStateHasWords()
{
    QSet<QString> seen;
    for (LiveState state : {LiveState::Idle, LiveState::Connecting, LiveState::Live, LiveState::Unchanged,
                            LiveState::Stale, LiveState::Silent, LiveState::Retrying, LiveState::Reconnecting,
                            LiveState::Error, LiveState::Paused}) {
        const QString text = liveStateText(state);
        QVERIFY(!text.isEmpty());
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen.insert(text);
        QVERIFY(!linkIn(state).shortText(Now).isEmpty());
    }
    QVERIFY(isFlowing(LiveState::Live) && isFlowing(LiveState::Unchanged));
    QVERIFY(!isFlowing(LiveState::Silent) && !isFlowing(LiveState::Stale));
}

void tst_LiveStatus::staleShowsAgeAndCountdown()
{
    LinkStatus status = linkIn(LiveState::Stale);
    status.lastSuccessAt = Now.addSecs(-125);
    status.nextAttemptAt = Now.addSecs(8);
    status.message = u"http://127.0.0.1:9/feed: the server answered HTTP 500"_qs;
    QCOMPARE(status.shortText(Now), u"Stale · data 2 min old · retry in 8 s"_qs);
    QCOMPARE(status.describe(Now),
             u"Stale: data 2 min old, retrying in 8 s (http://127.0.0.1:9/feed: the "
             u"server answered HTTP 500)"_qs);
    status.lastSuccessAt = Now.addSecs(-(3 * 3600 + 5 * 60));
    QVERIFY2(status.shortText(Now).contains(u"3 h 5 min old"_qs), qPrintable(status.shortText(Now)));
}

void tst_LiveStatus::silentIsNotQuiet()
{
    LinkStatus status = linkIn(LiveState::Silent);
    status.name = u"Binance USD-M"_qs;
    status.lastSuccessAt = Now.addSecs(-400);
    status.nextAttemptAt = Now.addSecs(2);
    QCOMPARE(status.shortText(Now), u"Silent · data 6 min old · retry in 2 s"_qs);
    QVERIFY(status.describe(Now).startsWith(u"Silent: data 6 min old, retrying in 2 s"_qs));
}

void tst_LiveStatus::retryCountdownRoundsUp()
{
    LinkStatus status = linkIn(LiveState::Retrying);
    status.nextAttemptAt = Now.addMSecs(1);
    QCOMPARE(status.shortText(Now), u"Retrying in 1 s"_qs);
    status.nextAttemptAt = Now.addMSecs(-500); // overdue: never a negative countdown
    QCOMPARE(status.shortText(Now), u"Retrying in 0 s"_qs);
    status.nextAttemptAt = {};
    QCOMPARE(status.shortText(Now), u"Retrying"_qs);
}

void tst_LiveStatus::errorCarriesTheReason()
{
    LinkStatus status = linkIn(LiveState::Error);
    QCOMPARE(status.shortText(Now), u"Error"_qs);
    status.message = u"CoinGlass rejected the API key (HTTP 401)"_qs;
    QCOMPARE(status.shortText(Now), u"Error: CoinGlass rejected the API key (HTTP 401)"_qs);
    QCOMPARE(status.describe(Now), u"Error (CoinGlass rejected the API key (HTTP 401))"_qs);
}

// A database that went away: the badge counts down to the reconnection, the long form keeps the data's age.
void tst_LiveStatus::reconnectingCountsDownAndKeepsTheAge()
{
    LinkStatus status = linkIn(LiveState::Reconnecting);
    QCOMPARE(status.shortText(Now), u"Reconnecting"_qs);
    QVERIFY(!status.changesWithTime());
    status.nextAttemptAt = Now.addMSecs(3500);
    status.lastSuccessAt = Now.addSecs(-125);
    status.message = u"the event store cannot be read"_qs;
    QCOMPARE(status.shortText(Now), u"Reconnecting in 4 s"_qs);
    QCOMPARE(status.describe(Now),
             u"Reconnecting in 4 s: data 2 min old (the event store cannot be read)"_qs);
    QVERIFY(status.changesWithTime());
    QVERIFY(!isFlowing(LiveState::Reconnecting));
}

void tst_LiveStatus::changesWithTimeOnlyWhenAnAgeOrCountdownIsShown()
{
    LinkStatus status = linkIn(LiveState::Live);
    status.lastSuccessAt = Now;
    QVERIFY(!status.changesWithTime());
    status.state = LiveState::Stale;
    QVERIFY(status.changesWithTime());
    status = linkIn(LiveState::Retrying);
    QVERIFY(!status.changesWithTime());
    status.nextAttemptAt = Now.addSecs(3);
    QVERIFY(status.changesWithTime());
    status.state = LiveState::Paused;
    QVERIFY(!status.changesWithTime());
}

void tst_LiveStatus::describeAllListsEveryLink()
{
    LiveStatus status;
    status.state = LiveState::Live;
    status.message = u"2 of 3 exchanges live"_qs;
    QCOMPARE(status.describeAll(Now), status.describe(Now)); // one connection: no list
    LinkStatus binance = linkIn(LiveState::Live);
    binance.name = u"Binance"_qs;
    LinkStatus okx = linkIn(LiveState::Retrying);
    okx.name = u"OKX"_qs;
    okx.nextAttemptAt = Now.addSecs(4);
    status.links = {binance, okx};
    const QStringList lines = status.describeAll(Now).split(u'\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(1), u"Binance: Live"_qs);
    QCOMPARE(lines.at(2), u"OKX: Retrying, retrying in 4 s"_qs);
}

QTEST_GUILESS_MAIN(tst_LiveStatus)
#include "tst_livestatus.moc"
