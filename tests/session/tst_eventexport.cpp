// Exporting stored liquidations (issue 15): a real SQLite store, a range cut on exchange time, the CSV
// oldest first, and failures that name the store or the file and leave an earlier export untouched.
#include "session/eventexport.h"
#include "store/sqliteeventstore.h"
#include "testevents.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

constexpr qint64 MinuteMs = 60'000;

LiquidationEvent makeEvent(qint64 timeMs, const QString &coin, double usd)
{
    return testLiquidation(timeMs, usd, LiquidatedSide::Long, coin);
}

QList<QByteArray> csvLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestEventExport final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesTheRangeOldestFirst();
    void exportsWhileAWriterGoesOn();
    void missingStoreIsNamedAndNothingIsWritten();
    void failedWriteLeavesTheEarlierExport();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_writer;
    QString m_storePath;
    qint64 m_now = 0;
};

void TestEventExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = QDateTime::currentMSecsSinceEpoch();
    m_storePath = m_dir->filePath(QStringLiteral("events.sqlite"));
    m_writer = std::make_unique<SqliteEventStore>(m_storePath);
    QCOMPARE(m_writer->open(true), QString());
    // Appended out of order: the export is ordered by time, not by arrival.
    m_writer->append({makeEvent(m_now - 30 * MinuteMs, QStringLiteral("ETH"), 3000),
                      makeEvent(m_now - 180 * MinuteMs, QStringLiteral("BTC"), 1000),
                      makeEvent(m_now - 120 * MinuteMs, QStringLiteral("SOL"), 2000),
                      makeEvent(m_now - 1 * MinuteMs, QStringLiteral("XRP"), 4000)});
    QVERIFY(m_writer->flush());
}

void TestEventExport::cleanup()
{
    m_writer.reset();
    m_dir.reset();
}

void TestEventExport::writesTheRangeOldestFirst()
{
    const QString csv = m_dir->filePath(QStringLiteral("range.csv"));
    // [now-150 min, now-10 min): SOL and ETH; BTC is before it, XRP after it.
    const EventExportResult result
        = exportStoredEvents(m_storePath, m_now - 150 * MinuteMs, m_now - 10 * MinuteMs, csv);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.count, 2);
    const QList<QByteArray> lines = csvLines(csv);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith("time_utc,exchange,"));
    QVERIFY2(lines.at(1).contains(",SOL,") && lines.at(1).endsWith(",2000"), lines.at(1).constData());
    QVERIFY2(lines.at(2).contains(",ETH,") && lines.at(2).endsWith(",3000"), lines.at(2).constData());

    // The range's ends: from is in, until is out.
    const EventExportResult edges
        = exportStoredEvents(m_storePath, m_now - 180 * MinuteMs, m_now - 30 * MinuteMs, csv);
    QCOMPARE(edges.count, 2); // BTC (at from) and SOL; ETH sits exactly on until
    QVERIFY(csvLines(csv).at(1).contains(",BTC,"));

    const EventExportResult all = exportStoredEvents(m_storePath, 0, std::numeric_limits<qint64>::max(), csv);
    QCOMPARE(all.count, 4);
    QVERIFY(csvLines(csv).last().contains(",XRP,"));
}

void TestEventExport::exportsWhileAWriterGoesOn()
{
    // The writer keeps its lock and goes on writing; the export reads through its own connection.
    m_writer->append({makeEvent(m_now, QStringLiteral("DOGE"), 5000)});
    const QString csv = m_dir->filePath(QStringLiteral("live.csv"));
    QFuture<EventExportResult> running = startExportingStoredEvents(m_storePath, m_now - 60 * MinuteMs,
                                                                    std::numeric_limits<qint64>::max(), csv);
    QVERIFY(m_writer->flush());
    running.waitForFinished();
    const EventExportResult result = running.result();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.count == 2 || result.count == 3); // ETH and XRP, and DOGE if its batch came first
    QCOMPARE(csvLines(csv).size(), 1 + int(result.count));
    QCOMPARE(m_writer->access(), EventStore::Access::ReadWrite);
}

void TestEventExport::missingStoreIsNamedAndNothingIsWritten()
{
    const QString csv = m_dir->filePath(QStringLiteral("nothing.csv"));
    const QString missing = m_dir->filePath(QStringLiteral("absent.sqlite"));
    const EventExportResult result = exportStoredEvents(missing, 0, std::numeric_limits<qint64>::max(), csv);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QLatin1String("absent.sqlite")), qPrintable(result.error));
    QCOMPARE(result.count, 0);
    QVERIFY(!QFile::exists(csv));
    QVERIFY(!QFile::exists(missing)); // a read never creates a store
}

void TestEventExport::failedWriteLeavesTheEarlierExport()
{
    const QString csv = m_dir->filePath(QStringLiteral("kept.csv"));
    QVERIFY(exportStoredEvents(m_storePath, 0, std::numeric_limits<qint64>::max(), csv).ok());
    const QList<QByteArray> before = csvLines(csv);

    // A file in a folder that does not exist: refused, naming it.
    const QString nowhere = m_dir->filePath(QStringLiteral("no-such-folder/out.csv"));
    const EventExportResult result
        = exportStoredEvents(m_storePath, 0, std::numeric_limits<qint64>::max(), nowhere);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QLatin1String("out.csv")), qPrintable(result.error));
    QCOMPARE(csvLines(csv), before);
}

QTEST_GUILESS_MAIN(TestEventExport)
#include "tst_eventexport.moc"
