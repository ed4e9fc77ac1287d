// File > Export Events asks for a range: the recent spans end at the dialog's clock, a custom range is
// read in UTC whatever the local zone, an empty range cannot be accepted, and the file name offered
// says what is in it.
#include "exporteventsdialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <algorithm>

using namespace Liq;

namespace {

const QDateTime Now(QDate(2026, 12, 6), QTime(21, 30, 15), Qt::UTC);
constexpr qint64 HourMs = qint64(3600) * 1000;

} // namespace

class TestExportEventsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recentSpansEndNow_data();
    void recentSpansEndNow();
    void customRangeIsUtcAndMustNotBeEmpty();
};

void TestExportEventsDialog::initTestCase()
{
    qputenv("TZ", "Asia/Kolkata"); // a custom range must not move with the local zone (UTC+5:30)
}

void TestExportEventsDialog::recentSpansEndNow_data()
{
    QTest::addColumn<int>("range");
    QTest::addColumn<qint64>("backMs");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("1h") << int(ExportEventsDialog::LastHour) << HourMs
                        << QStringLiteral("liquidations-1h-20261206-2130.csv");
    QTest::newRow("24h") << int(ExportEventsDialog::Last24Hours) << 24 * HourMs
                         << QStringLiteral("liquidations-24h-20261206-2130.csv");
    QTest::newRow("30d") << int(ExportEventsDialog::Last30Days) << 30 * 24 * HourMs
                         << QStringLiteral("liquidations-30d-20261206-2130.csv");
    QTest::newRow("all") << int(ExportEventsDialog::Everything) << Now.toMSecsSinceEpoch()
                         << QStringLiteral("liquidations-all-20261206-2130.csv");
}

void TestExportEventsDialog::recentSpansEndNow()
{
    QFETCH(int, range);
    QFETCH(qint64, backMs);
    QFETCH(QString, fileName);
    ExportEventsDialog dialog(nullptr, Now);
    QCOMPARE(dialog.range(), ExportEventsDialog::Last24Hours); // as --since defaults
    dialog.rangeBox()->setCurrentIndex(range); // as the user picks it
    QCOMPARE(dialog.fromMs(), Now.toMSecsSinceEpoch() - backMs);
    QCOMPARE(dialog.untilMs(), std::numeric_limits<qint64>::max()); // up to whatever is newest
    QCOMPARE(dialog.suggestedFileName(), fileName);
    QVERIFY(!dialog.fromEdit()->isEnabled());
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestExportEventsDialog::customRangeIsUtcAndMustNotBeEmpty()
{
    ExportEventsDialog dialog(nullptr, Now);
    dialog.rangeBox()->setCurrentIndex(ExportEventsDialog::Custom);
    QVERIFY(dialog.fromEdit()->isEnabled());
    QVERIFY(dialog.untilEdit()->isEnabled());
    const QDateTime from(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    const QDateTime until(QDate(2026, 12, 2), QTime(6, 0), Qt::UTC);
    dialog.fromEdit()->setDateTime(from);
    dialog.untilEdit()->setDateTime(until);
    QCOMPARE(dialog.fromMs(), from.toMSecsSinceEpoch());
    QCOMPARE(dialog.untilMs(), until.toMSecsSinceEpoch());
    QCOMPARE(dialog.fromEdit()->text(), QStringLiteral("2026-12-01 00:00 UTC"));
    QCOMPARE(dialog.suggestedFileName(), QStringLiteral("liquidations-20261201-0000-to-20261202-0600.csv"));
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());

    const auto problemShown = [&dialog] {
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return !label->isHidden() && label->text().contains(QLatin1String("From must be before To"));
        });
    };
    QVERIFY(!problemShown());
    dialog.untilEdit()->setDateTime(from); // empty: from == until
    QVERIFY(!ok->isEnabled());
    QVERIFY(problemShown());
    dialog.untilEdit()->setDateTime(until);
    QVERIFY(ok->isEnabled());
    QVERIFY(!problemShown());
}

QTEST_MAIN(TestExportEventsDialog)
#include "tst_exporteventsdialog.moc"
