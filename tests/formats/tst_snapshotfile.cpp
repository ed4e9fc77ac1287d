#include "formats/snapshotfile.h"
#include "formats/snapshotreader.h"
#include "formats/snapshotwriter.h"
#include "formattestsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <limits>
#include <sys/resource.h>
#include <unistd.h>

using namespace Liq;
using namespace Liq::TestSupport;

Q_DECLARE_METATYPE(Liq::LiquidationSnapshot)

namespace {

const QDateTime AsOf(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

LiquidationSnapshot snapshot(const WindowAmounts &totals, BreakdownKind kind = BreakdownKind::None,
                             const QList<BreakdownRow> &rows = {})
{
    LiquidationSnapshot result;
    result.asOf = AsOf;
    result.source = QStringLiteral("Test source");
    result.scope = QStringLiteral("All exchanges");
    result.totals = totals;
    result.breakdownKind = kind;
    result.breakdown = rows;
    return result;
}

const WindowAmounts Seed = windows({SideAmounts{819850, 6080000}, SideAmounts{3700000, 28020000},
                                    SideAmounts{49950000, 224860000}, SideAmounts{66340000, 330700000}});

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

// Lowers the file size limit for this process while alive: writes past it fail with EFBIG. Works
// for root too, which read-only directories do not stop.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit lowered = m_saved;
        lowered.rlim_cur = bytes;
        m_active = setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, SIG_DFL);
    }
    bool isActive() const { return m_active; }

private:
    rlimit m_saved{};
    bool m_active = false;
};

} // namespace

class TestSnapshotFile final : public QObject
{
    Q_OBJECT

private slots:
    void writeThenReadIsLossless_data()
    {
        QTest::addColumn<LiquidationSnapshot>("original");
        QTest::newRow("seed figures") << snapshot(Seed);
        QTest::newRow("odd doubles") << snapshot(
            windows({SideAmounts{0.1 + 0.2, 1e15 + 0.5}, SideAmounts{1.0 / 3.0, 2369935.19562},
                     SideAmounts{std::numeric_limits<double>::denorm_min(), 9007199254740993.0},
                     SideAmounts{std::numeric_limits<double>::max(), 1e300}}));
        QTest::newRow("coin breakdown") << snapshot(
            Seed, BreakdownKind::Coin,
            {{QStringLiteral("BTC"),
              windows({SideAmounts{1.5, 2.25}, SideAmounts{3, 4}, SideAmounts{5, 6}, SideAmounts{7, 8.125}})},
             {QStringLiteral("Ünïcødé ₿ \"quoted\" \\ back"), Seed}});
        QTest::newRow("exchange breakdown with absent windows")
            << snapshot(windows({std::nullopt, SideAmounts{5.5e6, 7e6}, std::nullopt, std::nullopt}),
                        BreakdownKind::Exchange,
                        {{QStringLiteral("Binance"),
                          windows({std::nullopt, SideAmounts{3e6, 4e6}, std::nullopt, std::nullopt})},
                         {QStringLiteral("OKX"),
                          windows({std::nullopt, SideAmounts{2.5e6, 3e6}, std::nullopt, std::nullopt})}});
        QTest::newRow("kind without rows") << snapshot(Seed, BreakdownKind::Coin);
        LiquidationSnapshot odd = snapshot(Seed);
        odd.asOf = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        odd.source = QStringLiteral("line\nbreak\ttab");
        odd.scope = QString();
        QTest::newRow("milliseconds, control characters, empty scope") << odd;
    }

    void writeThenReadIsLossless()
    {
        QFETCH(LiquidationSnapshot, original);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("snapshot.liqscope"));
        QString error;
        QVERIFY2(SnapshotFile::save(original, path, &error), qPrintable(error));
        QVERIFY(error.isEmpty());

        const LoadResult loaded = SnapshotFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        QCOMPARE(*loaded.snapshot, original);

        // One line of a history file reads back the same.
        const QByteArray line = SnapshotWriter::toJsonLine(original);
        QVERIFY(!line.contains('\n'));
        const LoadResult fromLine = SnapshotReader::read(line, ReadContext{QStringLiteral("line"), {}, {}});
        QVERIFY2(fromLine.ok(), qPrintable(fromLine.error.message));
        QCOMPARE(*fromLine.snapshot, original);

        // Deterministic: the same snapshot gives the same bytes, which are what was saved.
        QCOMPARE(SnapshotWriter::toJson(original), readAll(path));
        QCOMPARE(SnapshotWriter::toJson(original), SnapshotWriter::toJson(*loaded.snapshot));
    }

    void writtenLayout()
    {
        LiquidationSnapshot seed = snapshot(Seed);
        seed.asOf = QDateTime(QDate(2026, 11, 20), QTime(16, 0), QTimeZone(2 * 3600)); // 14:00 UTC
        const QByteArray json = SnapshotWriter::toJson(seed);
        QVERIFY2(json.startsWith("{\n  \"format\": \"liqscope-snapshot\",\n  \"version\": 1,\n"
                                 "  \"as_of\": \"2026-11-20T14:00:00Z\",\n  \"source\": \"Test source\",\n"
                                 "  \"scope\": \"All exchanges\",\n  \"windows\": {\n    \"1h\": {\n"
                                 "      \"long_usd\": 819850,\n      \"short_usd\": 6080000\n"),
                 json.constData());
        QVERIFY(json.endsWith("}\n"));
        QVERIFY(!json.contains("breakdown"));

        seed.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0, 0, 5), Qt::UTC);
        QVERIFY(SnapshotWriter::toJsonLine(seed).contains("\"as_of\":\"2026-11-20T14:00:00.005Z\""));
        QVERIFY(
            SnapshotWriter::toJsonLine(snapshot(windows({std::nullopt, SideAmounts{1, 2}})))
                .contains("\"windows\":{\"1h\":null,\"4h\":{\"long_usd\":1,\"short_usd\":2},\"12h\":null"));
    }

    // A save that fails halfway leaves the old file as it was, and no temporary file behind.
    void failedSaveLeavesTheOldFile_data()
    {
        QTest::addColumn<bool>("readOnlyDirectory"); // false: a file size limit makes the write fail
        QTest::newRow("write fails halfway") << false;
        if (geteuid() != 0) // root writes into read-only directories
            QTest::newRow("read-only directory") << true;
    }

    void failedSaveLeavesTheOldFile()
    {
        QFETCH(bool, readOnlyDirectory);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.liqscope"));
        const QByteArray old = "the old content\n";
        QVERIFY(writeAll(path, old));

        QString error;
        bool saved = true;
        if (readOnlyDirectory) {
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
            saved = SnapshotFile::save(snapshot(Seed), path, &error);
            QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        } else {
            // The new document is far larger than the limit, so the write fails partway.
            const FileSizeLimit limit(old.size() + 8);
            QVERIFY(limit.isActive());
            saved = SnapshotFile::save(snapshot(Seed), path, &error);
        }
        QVERIFY(!saved);
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
        QCOMPARE(readAll(path), old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("kept.liqscope")});
    }

    void saveRefusesWhatItCannotWrite_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::addColumn<LiquidationSnapshot>("toSave");
        QTest::newRow("missing directory") << "no/such/dir/x.liqscope" << snapshot(Seed);
        QTest::newRow("path is a directory") << "." << snapshot(Seed);
        QTest::newRow("no amounts") << "empty.liqscope" << snapshot(WindowAmounts{});
        LiquidationSnapshot timeless = snapshot(Seed);
        timeless.asOf = QDateTime();
        QTest::newRow("no as-of time") << "timeless.liqscope" << timeless;
    }

    void saveRefusesWhatItCannotWrite()
    {
        QFETCH(QString, relativePath);
        QFETCH(LiquidationSnapshot, toSave);
        QTemporaryDir dir;
        const QString path = QDir::cleanPath(dir.filePath(relativePath));
        QString error;
        QVERIFY(!SnapshotFile::save(toSave, path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY(!QFileInfo(path).isFile());
        QVERIFY(!SnapshotFile::save(toSave, path, nullptr)); // no error pointer: no crash
    }

    void sizeCap()
    {
        const QString path = QStringLiteral(LIQSCOPE_SAMPLE_FILE);
        const qint64 size = QFileInfo(path).size();
        QVERIFY(SnapshotFile::load(path, size).ok());
        const LoadResult refused = SnapshotFile::load(path, size - 1);
        QCOMPARE(refused.error.kind, LoadErrorKind::TooLarge);
        QVERIFY2(refused.error.message.startsWith(path + QStringLiteral(": ")),
                 qPrintable(refused.error.message));
    }

    void windowFromFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("window"); // -1: none
        QTest::newRow("exchange-list-4h.json") << "exchange-list-4h.json" << windowIndex(TimeWindow::H4);
        QTest::newRow("24H upper case") << "/tmp/coinglass_24H.json" << windowIndex(TimeWindow::H24);
        QTest::newRow("h12 spelling") << "h12-exchanges.json" << windowIndex(TimeWindow::H12);
        QTest::newRow("1h before extension") << "x.1h.json" << windowIndex(TimeWindow::H1);
        QTest::newRow("directory does not count") << "/data/4h/exchanges.json" << -1;
        QTest::newRow("no window") << "exchanges.json" << -1;
        QTest::newRow("part of a word") << "lunch24hours.json" << -1;
        QTest::newRow("a year is no window") << "exchange-list-2024.json" << -1;
        QTest::newRow("two windows") << "1h-vs-4h.json" << -1;
        QTest::newRow("same window twice") << "4h-exchange-list-4h.json" << windowIndex(TimeWindow::H4);
    }

    void windowFromFileName()
    {
        QFETCH(QString, name);
        QFETCH(int, window);
        const auto found = SnapshotFile::windowFromFileName(name);
        QCOMPARE(found.has_value(), window >= 0);
        if (found)
            QCOMPARE(windowIndex(*found), window);
    }

    void exchangeListWindowFromTheFileName()
    {
        QTemporaryDir dir;
        const QByteArray body = readAll(goodFile(QStringLiteral("exchange-list-4h.json")));
        const QString named = dir.filePath(QStringLiteral("exchange-list-24h.json"));
        const QString unnamed = dir.filePath(QStringLiteral("exchanges.json"));
        QVERIFY(writeAll(named, body));
        QVERIFY(writeAll(unnamed, body));

        const LoadResult loaded = SnapshotFile::load(named);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        QCOMPARE(loaded.snapshot->totals.count(), 1);
        QCOMPARE(loaded.snapshot->totals.at(TimeWindow::H24), (SideAmounts{5.5e6, 7e6}));

        const LoadResult refused = SnapshotFile::load(unnamed);
        QCOMPARE(refused.error.kind, LoadErrorKind::MissingWindow);
        QVERIFY2(refused.error.message.startsWith(unnamed + QStringLiteral(": ")),
                 qPrintable(refused.error.message));
    }

    void fallbackAsOfIsTheModificationTime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("coin-list.json"));
        QVERIFY(writeAll(path, readAll(goodFile(QStringLiteral("coin-list-v4.json")))));
        const QDateTime modified(QDate(2025, 3, 4), QTime(5, 6, 7), Qt::UTC);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
        file.close();
        const LoadResult loaded = SnapshotFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        QCOMPARE(loaded.snapshot->asOf, modified);
    }

    void sampleLoads()
    {
        const QString path = QStringLiteral(LIQSCOPE_SAMPLE_FILE);
        const LoadResult loaded = SnapshotFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        QVERIFY2(loaded.warnings.isEmpty(), qPrintable(loaded.warnings.join(u'\n')));
        QVERIFY(loaded.snapshot->totals.isComplete());
        QCOMPARE(loaded.snapshot->totals, Seed);
        QCOMPARE(loaded.snapshot->asOf, AsOf);
        QCOMPARE(loaded.snapshot->scope, QStringLiteral("All exchanges"));
        QCOMPARE(loaded.snapshot->breakdownKind, BreakdownKind::None);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotFile)
#include "tst_snapshotfile.moc"
