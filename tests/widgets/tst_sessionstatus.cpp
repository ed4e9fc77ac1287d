#include "sessionstatus.h"

#include <QTest>
#include <QTimeZone>

using namespace Liq;

class TestSessionStatus final : public QObject
{
    Q_OBJECT

private slots:
    // The age of the data reads like every other duration in Liqscope (formatDuration).
    void ageText_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("future") << qint64(-120) << u"in the future"_qs;
        QTest::newRow("clocks a little apart") << qint64(-30) << u"just now"_qs;
        QTest::newRow("just now") << qint64(59) << u"just now"_qs;
        QTest::newRow("minutes") << qint64(12 * 60 + 5) << u"12 min ago"_qs;
        QTest::newRow("hours") << qint64(3 * 3600 + 5 * 60) << u"3 h 5 min ago"_qs;
        QTest::newRow("days") << qint64(3 * 86400) << u"3 days ago"_qs;
    }

    void ageText()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        const QDateTime now(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc());
        QCOMPARE(SessionStatus::ageText(now.addSecs(-seconds), now), expected);
    }
};

QTEST_MAIN(TestSessionStatus)
#include "tst_sessionstatus.moc"
