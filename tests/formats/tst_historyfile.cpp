#include "formats/historyfile.h"
#include "formats/snapshotwriter.h"
#include "formattestsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Liq;
using namespace Liq::TestSupport;

namespace {

const QString Origin = QStringLiteral("/var/lib/liqscope/history.jsonl");

LiquidationSnapshot snapshotAt(int minute, double scale = 1.0)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, minute), Qt::UTC);
    snapshot.source = QStringLiteral("Liqscope demo feed");
    snapshot.scope = QStringLiteral("All exchanges");
    snapshot.totals
        = windows({SideAmounts{1e5 * scale, 2e5 * scale}, SideAmounts{4e5 * scale, 6e5 * scale},
                   SideAmounts{9e5 * scale, 11e5 * scale}, SideAmounts{15e5 * scale, 25e5 * scale}});
    return snapshot;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestHistoryFile final : public QObject
{
    Q_OBJECT

private slots:
    // Each bad line sits between two good ones: it is reported with its number and skipped, and
    // both good lines are kept.
    void badLineIsReportedAndSkipped_data()
    {
        QTest::addColumn<QByteArray>("badLine");
        QTest::addColumn<LoadErrorKind>("kind");
        QTest::addColumn<QString>("where");
        const QByteArray good = SnapshotWriter::toJsonLine(snapshotAt(1));
        QTest::newRow("truncated") << good.left(good.size() / 2) << LoadErrorKind::Syntax
                                   << "(line 2, column ";
        QTest::newRow("not JSON") << QByteArray("garbage") << LoadErrorKind::Syntax << "(line 2, column 1)";
        QTest::newRow("another format")
            << QByteArray(R"({"code":"0","data":[]})") << LoadErrorKind::UnknownFormat << "(line 2)";
        QTest::newRow("missing window") << QByteArray(good).replace("\"12h\":", "\"12x\":")
                                        << LoadErrorKind::MissingWindow << "(line 2, field windows.12h)";
        QTest::newRow("negative amount")
            << QByteArray(good).replace("\"long_usd\":100000", "\"long_usd\":-1")
            << LoadErrorKind::NegativeAmount << "(line 2, field windows.1h.long_usd)";
        QTest::newRow("newer version") << QByteArray(good).replace("\"version\":1", "\"version\":7")
                                       << LoadErrorKind::UnsupportedVersion << "(line 2, field version)";
        QTest::newRow("duplicate key")
            << QByteArray(good).replace("\"version\":1", "\"version\":1,\"version\":1")
            << LoadErrorKind::DuplicateKey << "(line 2, in the top-level object)";
        QTest::newRow("too deep") << QByteArray(1000, '[') << LoadErrorKind::TooDeep << "(line 2, level 65";
    }

    void badLineIsReportedAndSkipped()
    {
        QFETCH(QByteArray, badLine);
        QFETCH(LoadErrorKind, kind);
        QFETCH(QString, where);
        const QByteArray bytes = SnapshotWriter::toJsonLine(snapshotAt(1)) + '\n' + badLine + '\n'
            + SnapshotWriter::toJsonLine(snapshotAt(3)) + '\n';
        const HistoryLoadResult result = HistoryFile::read(bytes, Origin);
        QVERIFY(result.ok());
        QCOMPARE(result.snapshots, (QList<LiquidationSnapshot>{snapshotAt(1), snapshotAt(3)}));
        QCOMPARE(result.badLines.size(), 1);
        const HistoryLineError &bad = result.badLines.first();
        QCOMPARE(bad.line, 2);
        QCOMPARE(bad.kind, kind);
        QVERIFY2(bad.message.startsWith(Origin + QStringLiteral(": ")), qPrintable(bad.message));
        QVERIFY2(bad.message.contains(where), qPrintable(bad.message));
        QVERIFY(!bad.message.contains(u'\n'));
    }

    void mixedFile()
    {
        // BOM, CRLF, blank lines, two bad lines and no newline at the end.
        const QByteArray bytes = "\xEF\xBB\xBF" + SnapshotWriter::toJsonLine(snapshotAt(1)) + "\r\n\r\n"
            + "{not json}\n" + SnapshotWriter::toJsonLine(snapshotAt(2)) + "\n   \n" + "[1,2]\r\n"
            + SnapshotWriter::toJsonLine(snapshotAt(4));
        const HistoryLoadResult result = HistoryFile::read(bytes, Origin);
        QVERIFY(result.ok());
        QCOMPARE(result.snapshots, (QList<LiquidationSnapshot>{snapshotAt(1), snapshotAt(2), snapshotAt(4)}));
        QCOMPARE(result.badLines.size(), 2);
        QCOMPARE(result.badLines.at(0).line, 3);
        QCOMPARE(result.badLines.at(1).line, 6);
        QCOMPARE(result.badLines.at(1).kind, LoadErrorKind::UnknownFormat);
        QVERIFY(result.warnings.isEmpty());
    }

    // A history repeats the same coin names on every line: each distinct name is one shared
    // QString, and different names stay different.
    void rowNamesAreSharedAcrossLines()
    {
        QList<LiquidationSnapshot> snapshots;
        for (int minute = 0; minute < 3; ++minute) {
            LiquidationSnapshot snapshot = snapshotAt(minute);
            snapshot.breakdownKind = BreakdownKind::Coin;
            snapshot.breakdown
                = {{QStringLiteral("BTC"), snapshot.totals}, {QStringLiteral("ETH"), snapshot.totals}};
            snapshots.append(snapshot);
        }
        const HistoryLoadResult result = HistoryFile::read(HistoryFile::toJsonLines(snapshots), Origin);
        QVERIFY(result.ok());
        QCOMPARE(result.snapshots, snapshots);
        const QString &firstBtc = result.snapshots.at(0).breakdown.at(0).name;
        QVERIFY(firstBtc.isSharedWith(result.snapshots.at(2).breakdown.at(0).name));
        QVERIFY(!firstBtc.isSharedWith(result.snapshots.at(2).breakdown.at(1).name));
        QCOMPARE(result.snapshots.at(2).breakdown.at(1).name, QStringLiteral("ETH"));
    }

    void emptyHistoryIsFine()
    {
        const HistoryLoadResult result = HistoryFile::read(QByteArray("\n\n"), Origin);
        QVERIFY(result.ok());
        QVERIFY(result.snapshots.isEmpty());
        QVERIFY(result.badLines.isEmpty());
    }

    void inconsistentLineWarnsWithItsNumber()
    {
        LiquidationSnapshot odd = snapshotAt(5);
        odd.totals.set(TimeWindow::H1, SideAmounts{9e6, 1});
        const QByteArray bytes
            = SnapshotWriter::toJsonLine(snapshotAt(1)) + '\n' + SnapshotWriter::toJsonLine(odd);
        const HistoryLoadResult result = HistoryFile::read(bytes, Origin);
        QCOMPARE(result.snapshots.size(), 2);
        QVERIFY(!result.warnings.isEmpty());
        QVERIFY2(result.warnings.first().startsWith(Origin + QStringLiteral(":2: ")),
                 qPrintable(result.warnings.first()));
    }

    void saveThenLoadRoundTrips()
    {
        QList<LiquidationSnapshot> snapshots;
        for (int minute = 0; minute < 50; ++minute)
            snapshots.append(snapshotAt(minute, 1.0 + minute / 7.0));
        snapshots[3].breakdownKind = BreakdownKind::Coin;
        snapshots[3].breakdown = {{QStringLiteral("BTC"), snapshots[3].totals}};

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.jsonl"));
        QString error;
        QVERIFY2(HistoryFile::save(snapshots, path, &error), qPrintable(error));
        const QByteArray written = readAll(path);
        QCOMPARE(written.count('\n'), snapshots.size());
        QCOMPARE(written, HistoryFile::toJsonLines(snapshots));

        const HistoryLoadResult loaded = HistoryFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        QVERIFY(loaded.badLines.isEmpty());
        QCOMPARE(loaded.snapshots, snapshots);
    }

    void failedSaveLeavesTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.jsonl"));
        QString error;
        QVERIFY2(HistoryFile::save({snapshotAt(1)}, path, &error), qPrintable(error));
        const QByteArray before = readAll(path);

        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit lowered = saved;
        lowered.rlim_cur = rlim_t(before.size() + 20); // room for less than one more line
        std::signal(SIGXFSZ, SIG_IGN);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &lowered), 0);
        const bool written = HistoryFile::save({snapshotAt(1), snapshotAt(2)}, path, &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, SIG_DFL);

        QVERIFY(!written);
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QCOMPARE(readAll(path), before);
    }

    void fileLevelErrors()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("none.jsonl"));
        const HistoryLoadResult absent = HistoryFile::load(missing);
        QCOMPARE(absent.error.kind, LoadErrorKind::Io);
        QVERIFY(absent.error.message.startsWith(missing + QStringLiteral(": ")));

        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(writeAll(path, HistoryFile::toJsonLines({snapshotAt(1), snapshotAt(2)})));
        const HistoryLoadResult big = HistoryFile::load(path, 100);
        QCOMPARE(big.error.kind, LoadErrorKind::TooLarge);
        QVERIFY(big.snapshots.isEmpty());
        QVERIFY(big.error.message.startsWith(path + QStringLiteral(": ")));
    }
};

QTEST_GUILESS_MAIN(TestHistoryFile)
#include "tst_historyfile.moc"
