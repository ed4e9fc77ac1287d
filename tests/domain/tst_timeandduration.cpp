#include "domain/duration.h"
#include "domain/isotime.h"

#include <QTest>
#include <QTimeZone>

using namespace Liq;

class TestTimeAndDuration final : public QObject
{
    Q_OBJECT

private slots:
    void isoTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected"); // invalid: refused
        const QDateTime twoPm(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc());
        QTest::newRow("Z") << QStringLiteral("2026-11-20T14:00:00Z") << twoPm;
        QTest::newRow("no zone is UTC") << QStringLiteral("2026-11-20T14:00:00") << twoPm;
        QTest::newRow("offset") << QStringLiteral("2026-11-20T16:00:00+02:00") << twoPm;
        QTest::newRow("milliseconds") << QStringLiteral("2026-11-20T14:00:00.250Z") << twoPm.addMSecs(250);
        QTest::newRow("milliseconds, no zone")
            << QStringLiteral("2026-11-20T14:00:00.250") << twoPm.addMSecs(250);
        QTest::newRow("words") << QStringLiteral("yesterday afternoon") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }

    void isoTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const std::optional<QDateTime> parsed = parseIsoTime(text);
        QCOMPARE(parsed.has_value(), expected.isValid());
        if (!parsed)
            return;
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }

    void noZoneIsUtcWhateverTheMachineSays()
    {
        const QByteArray before = qgetenv("TZ");
        qputenv("TZ", "Asia/Kolkata");
        const std::optional<QDateTime> parsed = parseIsoTime(QStringLiteral("2026-11-20T14:00:00"));
        if (before.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", before);
        QVERIFY(parsed);
        QCOMPARE(parsed->toSecsSinceEpoch(),
                 QDateTime(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc()).toSecsSinceEpoch());
    }

    void durations_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative") << qint64(-5) << QStringLiteral("0 s");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("45 s") << qint64(45) << QStringLiteral("45 s");
        QTest::newRow("a minute") << qint64(60) << QStringLiteral("1 min");
        QTest::newRow("12 min") << qint64(12 * 60 + 59) << QStringLiteral("12 min");
        QTest::newRow("an hour") << qint64(3600) << QStringLiteral("1 h 0 min");
        QTest::newRow("3 h 5 min") << qint64(3 * 3600 + 5 * 60 + 7) << QStringLiteral("3 h 5 min");
        QTest::newRow("47 h") << qint64(47 * 3600 + 59 * 60) << QStringLiteral("47 h 59 min");
        QTest::newRow("48 h") << qint64(48 * 3600) << QStringLiteral("2 days");
        QTest::newRow("a week") << qint64(7 * 86400 + 3600) << QStringLiteral("7 days");
    }

    void durations()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(formatDuration(seconds), expected);
    }
};

QTEST_GUILESS_MAIN(TestTimeAndDuration)
#include "tst_timeandduration.moc"
