// Counted texts read as English: "1 snapshot", "2 snapshots", never "1 snapshot(s)".
#include "domain/englishplurals.h"

#include <QCoreApplication>
#include <QTest>

using namespace Liq;

class TestEnglishPlurals final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void countedTextsTakeTheirForm_data();
    void countedTextsTakeTheirForm();
    void otherTextsAreLeftAsWritten();
};

void TestEnglishPlurals::initTestCase()
{
    QCOMPARE(QCoreApplication::translate("Liq::Test", "%n bad message(s) dropped", nullptr, 1),
             QStringLiteral("1 bad message(s) dropped")); // what users read without it
    EnglishPlurals::install();
}

void TestEnglishPlurals::countedTextsTakeTheirForm_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << QStringLiteral("%n bad message(s) dropped") << 1
                         << QStringLiteral("1 bad message dropped");
    QTest::newRow("two") << QStringLiteral("%n bad message(s) dropped") << 2
                         << QStringLiteral("2 bad messages dropped");
    QTest::newRow("none") << QStringLiteral("%n bad message(s) dropped") << 0
                          << QStringLiteral("0 bad messages dropped");
    QTest::newRow("two nouns") << QStringLiteral("%n liquidation(s) of unknown instrument(s)") << 1
                               << QStringLiteral("1 liquidation of unknown instrument");
    QTest::newRow("with an argument")
        << QStringLiteral("Saved %n snapshot(s) to %1") << 3 << QStringLiteral("Saved 3 snapshots to %1");
}

void TestEnglishPlurals::countedTextsTakeTheirForm()
{
    QFETCH(QString, source);
    QFETCH(int, count);
    QFETCH(QString, expected);
    const QByteArray text = source.toUtf8();
    QCOMPARE(QCoreApplication::translate("Liq::Test", text.constData(), nullptr, count), expected);
}

void TestEnglishPlurals::otherTextsAreLeftAsWritten()
{
    // Not counted: "(s)" stays, as the text means it.
    QCOMPARE(QCoreApplication::translate("Liq::Test", "exchange(s) to watch"),
             QStringLiteral("exchange(s) to watch"));
    // Counted without a choice to make.
    QCOMPARE(QCoreApplication::translate("Liq::Test", "%n liquidations", nullptr, 5),
             QStringLiteral("5 liquidations"));
    QCOMPARE(QCoreApplication::translate("Liq::Test", "Exported to %1"), QStringLiteral("Exported to %1"));
}

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
