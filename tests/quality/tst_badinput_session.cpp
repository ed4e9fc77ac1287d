// Every bad input against a dashboard that already shows good data: the load fails with the error
// class the reader gives, the message names the file, and nothing the user sees changes (snapshot,
// scope, summary, every cell and header of both item models, which stay under QAbstractItemModelTester).
#include "formats/snapshotfile.h"
#include "itemmodels/breakdowntablemodel.h"
#include "itemmodels/windowtablemodel.h"
#include "session/dashboardsession.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Liq;

namespace {

QString badDir()
{
    return QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/bad");
}

QString goodPath()
{
    return QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/good/snapshot-with-breakdown.liqscope");
}

// The error class of each committed bad file. tst_badinput checks the exact messages; here the
// class must survive the trip through the session. A file without a row fails everyBadFileHasAClass.
struct BadClass
{
    const char *prefix; // file names starting with this...
    LoadErrorKind kind; // ...fail with this kind
};
const BadClass BadClasses[] = {
    {"empty", LoadErrorKind::Empty}, // empty.json, empty-string-amount.json are listed below first
    {"whitespace-only", LoadErrorKind::Empty},
    {"bom-only", LoadErrorKind::Empty},
    {"binary-garbage", LoadErrorKind::UnknownFormat},
    {"plain-text", LoadErrorKind::UnknownFormat},
    {"utf16", LoadErrorKind::UnknownFormat},
    {"unknown-json-shape", LoadErrorKind::UnknownFormat},
    {"unknown-format-name", LoadErrorKind::UnknownFormat},
    {"wrong-type-row", LoadErrorKind::UnknownFormat},
    {"truncated", LoadErrorKind::Syntax},
    {"bom-truncated", LoadErrorKind::Syntax},
    {"trailing-", LoadErrorKind::Syntax},
    {"single-quoted", LoadErrorKind::Syntax},
    {"invalid-utf8", LoadErrorKind::Syntax},
    {"csv-unclosed-quote", LoadErrorKind::Syntax},
    {"csv-field-count", LoadErrorKind::Syntax},
    {"csv-unknown-window", LoadErrorKind::Syntax},
    {"nesting-too-deep", LoadErrorKind::TooDeep},
    {"duplicate-key", LoadErrorKind::DuplicateKey},
    {"csv-duplicate-row", LoadErrorKind::DuplicateKey},
    {"csv-mixed-window-spellings", LoadErrorKind::DuplicateKey},
    {"nan-", LoadErrorKind::InvalidNumber},
    {"infinity-", LoadErrorKind::InvalidNumber},
    {"overflow-", LoadErrorKind::InvalidNumber},
    {"non-numeric-string", LoadErrorKind::InvalidNumber},
    {"hex-string", LoadErrorKind::InvalidNumber},
    {"thousands-separator", LoadErrorKind::InvalidNumber},
    {"incomplete-exponent", LoadErrorKind::InvalidNumber},
    {"empty-string-amount", LoadErrorKind::InvalidNumber},
    {"null-amount", LoadErrorKind::InvalidNumber},
    {"fullwidth-digits", LoadErrorKind::InvalidNumber},
    {"arabic-indic-digits", LoadErrorKind::InvalidNumber},
    {"crlf-non-numeric", LoadErrorKind::InvalidNumber},
    {"negative-", LoadErrorKind::NegativeAmount},
    {"missing-window", LoadErrorKind::MissingWindow},
    {"bom-csv-missing-window", LoadErrorKind::MissingWindow},
    {"exchange-list-no-window", LoadErrorKind::MissingWindow},
    {"missing-", LoadErrorKind::MissingField},
    {"envelope-without-data", LoadErrorKind::MissingField},
    {"wrong-type-", LoadErrorKind::WrongType},
    {"bad-as-of", LoadErrorKind::WrongType},
    {"unknown-breakdown-kind", LoadErrorKind::WrongType},
    {"api-error", LoadErrorKind::ApiError},
    {"unsupported-version", LoadErrorKind::UnsupportedVersion},
};

// The longest matching prefix wins ("empty-string-amount" over "empty", "missing-window" over "missing-").
std::optional<LoadErrorKind> classOf(const QString &fileName)
{
    std::optional<LoadErrorKind> kind;
    qsizetype longest = 0;
    for (const BadClass &bad : BadClasses) {
        const QString prefix = QString::fromUtf8(bad.prefix);
        if (fileName.startsWith(prefix) && prefix.size() > longest) {
            longest = prefix.size();
            kind = bad.kind;
        }
    }
    return kind;
}

// Everything a model shows: header and cells in the display, tooltip and custom roles.
QList<QVariant> modelContents(const QAbstractItemModel &model)
{
    const int roles[] = {Qt::DisplayRole,  Qt::ToolTipRole,  Qt::TextAlignmentRole, Qt::UserRole,
                         Qt::UserRole + 1, Qt::UserRole + 2, Qt::UserRole + 3,      Qt::UserRole + 4};
    QList<QVariant> contents{model.rowCount(), model.columnCount()};
    for (int column = 0; column < model.columnCount(); ++column)
        contents.append(model.headerData(column, Qt::Horizontal, Qt::DisplayRole));
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : roles)
                contents.append(model.data(model.index(row, column), role));
        }
    }
    return contents;
}

// What the user sees of a session, to compare before and after a failed load.
struct SessionView
{
    LiquidationSnapshot snapshot;
    LiquidationSnapshot scoped;
    QString origin;
    QStringList warnings;
    int scopeRow = -1;
    QString summary;
    QList<QVariant> windows;
    QList<QVariant> breakdown;

    static SessionView of(const DashboardSession &session)
    {
        return {session.snapshot(),
                session.scopedSnapshot(),
                session.origin(),
                session.allWarnings(),
                session.scopeRow(),
                session.summary().toPlainText(),
                modelContents(*session.windowModel()),
                modelContents(*session.breakdownModel())};
    }
};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestBadInputSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyBadFileHasAClass();
    void badInputLeavesTheSessionUnchanged_data();
    void badInputLeavesTheSessionUnchanged();
    void invalidLiveSnapshotIsRefused();

private:
    QString generate(const QString &name);

    QTemporaryDir m_generated;
    DashboardSession m_session;
    std::unique_ptr<QAbstractItemModelTester> m_windowTester;
    std::unique_ptr<QAbstractItemModelTester> m_breakdownTester;
};

void TestBadInputSession::initTestCase()
{
    QVERIFY(m_generated.isValid());
    m_windowTester = std::make_unique<QAbstractItemModelTester>(
        m_session.windowModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_breakdownTester = std::make_unique<QAbstractItemModelTester>(
        m_session.breakdownModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy opened(&m_session, &DashboardSession::fileOpened);
    m_session.openFile(goodPath());
    QVERIFY(opened.wait(20000));
    QVERIFY(m_session.hasSnapshot());
    QVERIFY(m_session.breakdownModel()->rowCount() > 1);
    m_session.setScope(1); // a scoped dashboard has the most state to lose
    QCOMPARE(m_session.scopeRow(), 1);
}

void TestBadInputSession::everyBadFileHasAClass()
{
    const QStringList files = QDir(badDir()).entryList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 30);
    for (const QString &file : files)
        QVERIFY2(classOf(file).has_value(), qPrintable(file + QStringLiteral(" has no error class here")));
}

// Inputs too large to commit are made at test time, once.
QString TestBadInputSession::generate(const QString &name)
{
    QString path = m_generated.filePath(name);
    if (QFileInfo::exists(path))
        return path;
    constexpr int Depth = 200000;
    if (name == u"deep-arrays.json") {
        writeFile(path, QByteArray(Depth, '[') + QByteArray(Depth, ']'));
    } else if (name == u"deep-objects.json") {
        writeFile(path, QByteArray("{\"a\":").repeated(Depth) + QByteArray(Depth, '}'));
    } else if (name == u"whitespace.json") {
        writeFile(path, QByteArray(100 * 1024 * 1024, ' '));
    } else if (name == u"huge-array.json") {
        // A million rows that are not rows: the reader must refuse without building anything large.
        writeFile(path,
                  "{\"code\":\"0\",\"msg\":\"success\",\"data\":[" + QByteArray("null,").repeated(1000000)
                      + "null]}");
    } else if (name == u"huge-csv.csv") {
        // 100,000 coins with every window, then one with a negative amount in its last row.
        QByteArray csv = "symbol,window,long_usd,short_usd\n";
        for (int coin = 0; coin <= 100000; ++coin) {
            const QByteArray symbol = "C" + QByteArray::number(coin);
            csv += symbol + ",1h,1,2\n" + symbol + ",4h,3,4\n" + symbol + ",12h,5,6\n" + symbol
                + (coin < 100000 ? ",24h,7,8\n" : ",24h,7,-8\n");
        }
        writeFile(path, csv);
    } else if (name == u"over-cap.json") {
        // Sparse: one byte over the cap without writing 256 MB.
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.resize(SnapshotFile::DefaultMaxBytes + 1);
    }
    return path;
}

void TestBadInputSession::badInputLeavesTheSessionUnchanged_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<LoadErrorKind>("kind");
    const QStringList files = QDir(badDir()).entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        QTest::newRow(qPrintable(file))
            << QDir(badDir()).filePath(file) << classOf(file).value_or(LoadErrorKind::None);
    }
    const std::pair<const char *, LoadErrorKind> generated[] = {
        {"deep-arrays.json", LoadErrorKind::TooDeep},    {"deep-objects.json", LoadErrorKind::TooDeep},
        {"whitespace.json", LoadErrorKind::Empty},       {"huge-array.json", LoadErrorKind::UnknownFormat},
        {"huge-csv.csv", LoadErrorKind::NegativeAmount}, {"over-cap.json", LoadErrorKind::TooLarge},
        {"no-such-file.json", LoadErrorKind::Io},
    };
    for (const auto &[name, kind] : generated)
        QTest::newRow(name) << generate(QString::fromUtf8(name)) << kind;
}

void TestBadInputSession::badInputLeavesTheSessionUnchanged()
{
    QFETCH(QString, path);
    QFETCH(LoadErrorKind, kind);
    QVERIFY(kind != LoadErrorKind::None);

    // The class the reader gives this file, read directly.
    const LoadResult direct = SnapshotFile::load(path);
    QVERIFY2(!direct.ok(), "a bad input was accepted");
    QCOMPARE(direct.error.kind, kind);

    const SessionView before = SessionView::of(m_session);
    QSignalSpy changed(&m_session, &DashboardSession::changed);
    QSignalSpy failed(&m_session, &DashboardSession::loadFailed);
    QSignalSpy opened(&m_session, &DashboardSession::fileOpened);
    m_session.openFile(path);
    QVERIFY(failed.wait(60000));
    QVERIFY(!m_session.isLoading());

    QCOMPARE(failed.count(), 1);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
    QCOMPARE(message, direct.error.message); // the session shows the reader's message as it is
    QVERIFY(!message.contains(u'\n'));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(opened.count(), 0);

    const SessionView after = SessionView::of(m_session);
    QCOMPARE(after.snapshot, before.snapshot);
    QCOMPARE(after.scoped, before.scoped);
    QCOMPARE(after.origin, goodPath());
    QCOMPARE(after.origin, before.origin);
    QCOMPARE(after.warnings, before.warnings);
    QCOMPARE(after.scopeRow, before.scopeRow);
    QCOMPARE(after.summary, before.summary);
    QCOMPARE(after.windows, before.windows);
    QCOMPARE(after.breakdown, before.breakdown);
}

void TestBadInputSession::invalidLiveSnapshotIsRefused()
{
    const SessionView before = SessionView::of(m_session);
    QSignalSpy changed(&m_session, &DashboardSession::changed);
    QSignalSpy failed(&m_session, &DashboardSession::loadFailed);
    m_session.setSnapshot(LiquidationSnapshot{}, {}, QStringLiteral("http://127.0.0.1:1/feed"));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(u"127.0.0.1"), qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(changed.count(), 0);
    const SessionView after = SessionView::of(m_session);
    QCOMPARE(after.snapshot, before.snapshot);
    QCOMPARE(after.windows, before.windows);
    QCOMPARE(after.breakdown, before.breakdown);
}

QTEST_GUILESS_MAIN(TestBadInputSession)
#include "tst_badinput_session.moc"
