#include "formats/jsondocument.h"
#include "formats/snapshotfile.h"
#include "formats/snapshotreader.h"
#include "formattestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace Liq;
using namespace Liq::TestSupport;

namespace {

struct BadFile
{
    const char *name;
    LoadErrorKind kind;
    const char *where; // a fragment the message must contain: where the problem is
};

// One row per file in tests/data/bad: what is wrong with it and where the message must point.
const BadFile BadFiles[] = {
    {"empty.json", LoadErrorKind::Empty, "empty"},
    {"whitespace-only.json", LoadErrorKind::Empty, "whitespace"},
    {"bom-only.liqscope", LoadErrorKind::Empty, "whitespace"},
    {"binary-garbage.bin", LoadErrorKind::UnknownFormat, "binary"},
    {"plain-text.txt", LoadErrorKind::UnknownFormat, "neither JSON nor a CSV"},
    {"utf16.json", LoadErrorKind::UnknownFormat, "UTF-16 text: save the file as UTF-8"},
    {"unknown-json-shape.json", LoadErrorKind::UnknownFormat, "unknown shape"},
    {"unknown-format-name.json", LoadErrorKind::UnknownFormat, "\"someone-elses-snapshot\""},
    {"truncated.liqscope", LoadErrorKind::Syntax, "byte "},
    {"trailing-garbage.json", LoadErrorKind::Syntax, "expected end of input (byte 574, line 30, column 1)"},
    {"trailing-comma.json", LoadErrorKind::Syntax, "line 1, column 44"},
    {"single-quoted.json", LoadErrorKind::Syntax, "line 1, column 2)"},
    {"invalid-utf8.json", LoadErrorKind::Syntax, "ill-formed UTF-8 byte (byte 22, line 1, column 23)"},
    {"nesting-too-deep.json", LoadErrorKind::TooDeep, "deeper than 64 levels (level 65, in [0][0]"},
    {"duplicate-key.liqscope", LoadErrorKind::DuplicateKey,
     "\"version\" appears twice in one object (in the top-level object)"},
    {"duplicate-key-nested.liqscope", LoadErrorKind::DuplicateKey,
     "\"long_usd\" appears twice in one object (in windows.4h)"},
    {"nan-literal.liqscope", LoadErrorKind::InvalidNumber, "\"NaN\" is not a finite number (byte "},
    {"infinity-literal.liqscope", LoadErrorKind::InvalidNumber, "\"-Infinity\" is not a finite number"},
    {"overflow-number.liqscope", LoadErrorKind::InvalidNumber, "1e999"},
    {"nan-string.json", LoadErrorKind::InvalidNumber, "(row 1, field long_liquidation_usd_4h)"},
    {"infinity-string.json", LoadErrorKind::InvalidNumber, "(row 2, field short_liquidation_usd_12h)"},
    {"overflow-string.json", LoadErrorKind::InvalidNumber,
     "out of a double's range (row 1, field long_liquidation_usd_24h)"},
    {"non-numeric-string.json", LoadErrorKind::InvalidNumber,
     "\"abc\" is not a number (row 1, field short_liquidation_usd_1h)"},
    {"hex-string.json", LoadErrorKind::InvalidNumber, "\"0x10\" is not a number (row 1"},
    {"thousands-separator.json", LoadErrorKind::InvalidNumber, "\"1,000\" is not a number (row 1"},
    {"incomplete-exponent.json", LoadErrorKind::InvalidNumber, "\"1e\" is not a number (row 1"},
    {"empty-string-amount.json", LoadErrorKind::InvalidNumber, "(row 1, field long_liquidation_usd_12h)"},
    {"null-amount.liqscope", LoadErrorKind::InvalidNumber,
     "null is not an amount (field windows.12h.short_usd)"},
    {"negative-amount.liqscope", LoadErrorKind::NegativeAmount, "(field windows.24h.long_usd)"},
    {"negative-string.json", LoadErrorKind::NegativeAmount, "(row 2, field short_liquidation_usd_24h)"},
    {"negative-amount.csv", LoadErrorKind::NegativeAmount, "(line 3, column short_usd)"},
    {"missing-window.liqscope", LoadErrorKind::MissingWindow,
     "the 12h window is missing (field windows.12h)"},
    {"missing-window-breakdown.liqscope", LoadErrorKind::MissingWindow,
     "(breakdown row 2, field windows.24h)"},
    {"missing-window.csv", LoadErrorKind::MissingWindow, "no 24h row for the totals"},
    {"missing-window-coin-list.json", LoadErrorKind::MissingWindow,
     "(row 1, field long_liquidation_usd_12h)"},
    {"exchange-list-no-window.json", LoadErrorKind::MissingWindow, "exchange-list-4h.json"},
    {"missing-field.liqscope", LoadErrorKind::MissingField, "(field windows.4h.short_usd)"},
    {"missing-as-of.liqscope", LoadErrorKind::MissingField, "(field as_of)"},
    {"missing-field-coin-list.json", LoadErrorKind::MissingField, "(row 2, field short_liquidation_usd_4h)"},
    {"missing-symbol.json", LoadErrorKind::MissingField, "(row 2, field symbol)"},
    {"missing-column.csv", LoadErrorKind::MissingField, "(line 1, column short_usd)"},
    {"envelope-without-data.json", LoadErrorKind::MissingField, "(field data)"},
    {"wrong-type-windows.liqscope", LoadErrorKind::WrongType, "found an array (field windows)"},
    {"wrong-type-amount.liqscope", LoadErrorKind::WrongType, "found a boolean (field windows.1h.long_usd)"},
    {"wrong-type-data.json", LoadErrorKind::WrongType, "found an object (field data)"},
    {"wrong-type-version.liqscope", LoadErrorKind::WrongType, "found a string (field version)"},
    {"bad-as-of.liqscope", LoadErrorKind::WrongType, "\"yesterday afternoon\" is not an ISO-8601 time"},
    {"unknown-breakdown-kind.liqscope", LoadErrorKind::WrongType,
     "\"planet\" (expected \"coin\" or \"exchange\")"},
    {"api-error.json", LoadErrorKind::ApiError,
     "CoinGlass refused the request: \"Upgrade plan\" (code 40001)"},
    {"api-error-combined.json", LoadErrorKind::ApiError, "\"Too many requests\" (code 50001) (window 4h)"},
    {"unsupported-version.liqscope", LoadErrorKind::UnsupportedVersion,
     "version 2; this build of Liqscope reads version 1"},
    {"csv-unclosed-quote.csv", LoadErrorKind::Syntax, "never closed (line 2)"},
    {"csv-field-count.csv", LoadErrorKind::Syntax, "2 fields but the header 3 (line 3)"},
    {"csv-unknown-window.csv", LoadErrorKind::Syntax,
     "\"2h\" (expected 1h, 4h, 12h or 24h) (line 3, column window)"},
    {"csv-duplicate-row.csv", LoadErrorKind::DuplicateKey, "second 4h row for the totals (line 6)"},
    // Added by the quality gates (issue 7): Unicode digits, BOM/CRLF variants, mixed window spellings,
    // duplicate keys and wrong types in CoinGlass rows.
    {"fullwidth-digits.json", LoadErrorKind::InvalidNumber,
     "\"１２３\" is not a number (row 1, field short_liquidation_usd_1h)"},
    {"fullwidth-digits.csv", LoadErrorKind::InvalidNumber,
     "\"３\" is not a number (line 3, column long_usd)"},
    {"arabic-indic-digits.liqscope", LoadErrorKind::InvalidNumber,
     "is not a number (field windows.1h.long_usd)"},
    {"bom-truncated.liqscope", LoadErrorKind::Syntax, "unexpected end of input"},
    {"bom-csv-missing-window.csv", LoadErrorKind::MissingWindow, "no 12h row for the totals"},
    {"crlf-non-numeric.csv", LoadErrorKind::InvalidNumber,
     "\"x4\" is not a number (line 3, column short_usd)"},
    {"csv-mixed-window-spellings.csv", LoadErrorKind::DuplicateKey, "second 4h row for the totals (line 4)"},
    {"duplicate-key-coin-list.json", LoadErrorKind::DuplicateKey,
     "\"symbol\" appears twice in one object (in data[0])"},
    {"wrong-type-symbol.json", LoadErrorKind::WrongType, "found a number (row 1, field symbol)"},
    {"wrong-type-row.json", LoadErrorKind::UnknownFormat, "neither CoinGlass coin-list rows"},
};

void verifyMessage(const LoadResult &result, LoadErrorKind kind, const QString &path, const QString &where)
{
    QVERIFY2(!result.ok(), "a bad input was accepted");
    QCOMPARE(result.error.kind, kind);
    const QString &message = result.error.message;
    QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
    QVERIFY2(message.size() > path.size() + 10, qPrintable(message)); // says what is wrong
    QVERIFY2(!message.contains(u'\n') && !message.contains(u'\r'), qPrintable(message));
    QVERIFY2(message.contains(where), qPrintable(message + QStringLiteral("\n  lacks: ") + where));
    QVERIFY(result.warnings.isEmpty());
}

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

private slots:
    void everyBadFileHasARow()
    {
        const QStringList onDisk = QDir(badDir()).entryList(QDir::Files, QDir::Name);
        QStringList listed;
        for (const BadFile &bad : BadFiles)
            listed.append(QString::fromUtf8(bad.name));
        listed.sort();
        QCOMPARE(onDisk, listed);
        QVERIFY(onDisk.size() >= 30);
    }

    void badFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<LoadErrorKind>("kind");
        QTest::addColumn<QString>("where");
        for (const BadFile &bad : BadFiles) {
            QTest::newRow(bad.name) << badDir() + QLatin1Char('/') + QString::fromUtf8(bad.name) << bad.kind
                                    << QString::fromUtf8(bad.where);
        }
    }

    void badFile()
    {
        QFETCH(QString, path);
        QFETCH(LoadErrorKind, kind);
        QFETCH(QString, where);
        verifyMessage(SnapshotFile::load(path), kind, path, where);
    }

    // Malformed JSON is described in Liqscope's words: what was found, what was expected, where.
    void syntaxErrorsSayWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("trailing comma in an array")
            << QByteArray("[1,]") << u"unexpected ']'; expected a value (byte 3, line 1, column 4)"_qs;
        QTest::newRow("a missing comma")
            << QByteArray("[1 2]") << u"unexpected number; expected ',' or ']' (byte 3, line 1, column 4)"_qs;
        QTest::newRow("a missing colon")
            << QByteArray("{\"a\" 1}") << u"unexpected number; expected ':' after the key (byte 5"_qs;
        QTest::newRow("an empty object member")
            << QByteArray("{\"a\":}") << u"unexpected '}'; expected a value (byte 5"_qs;
        QTest::newRow("an empty array")
            << QByteArray("[,1]") << u"unexpected ','; expected a value or ']'"_qs;
        QTest::newRow("after the document")
            << QByteArray("{\"a\":1}\n}")
            << u"unexpected '}'; expected end of input (byte 8, line 2, column 1)"_qs;
        QTest::newRow("a broken literal") << QByteArray("[tru]") << u"invalid literal; expected"_qs;
        QTest::newRow("a literal out of place")
            << QByteArray("{\"a\":1 true}") << u"unexpected true; expected ',' or '}'"_qs;
        QTest::newRow("a broken number")
            << QByteArray("[-x]") << u"malformed JSON: invalid number (byte 2"_qs;
        QTest::newRow("an unclosed string")
            << QByteArray("[\"abc") << u"invalid string: missing closing quote (byte 5"_qs;
        QTest::newRow("a control character")
            << QByteArray("[\"a\tb\"]") << u"invalid string: control characters must be escaped (byte 3"_qs;
        QTest::newRow("an unknown escape")
            << QByteArray("[\"a\\qb\"]") << u"invalid string: unknown escape"_qs;
        QTest::newRow("a short \\u escape")
            << QByteArray("[\"\\u12\"]") << u"invalid string: \\u must be followed by 4 hex digits"_qs;
        QTest::newRow("the end inside an object")
            << QByteArray("{\"a\":") << u"unexpected end of input; expected a value (byte 5"_qs;
    }

    void syntaxErrorsSayWhatAndWhere()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const LoadResult result = SnapshotReader::read(json, ReadContext{u"in.json"_qs, {}, {}});
        QVERIFY(!result.ok());
        QCOMPARE(result.error.kind, LoadErrorKind::Syntax);
        QVERIFY2(result.error.message.startsWith(u"in.json: malformed JSON: "_qs),
                 qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
    }

    // The same bytes read from memory name the URL they came from.
    void badBytesNameTheirOrigin()
    {
        QFile file(badDir() + QStringLiteral("/api-error.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString url
            = QStringLiteral("https://open-api-v4.coinglass.com/api/futures/liquidation/coin-list");
        const LoadResult result = SnapshotReader::read(file.readAll(), ReadContext{url, {}, {}});
        verifyMessage(result, LoadErrorKind::ApiError, url, QStringLiteral("\"Upgrade plan\""));
    }

    void generatedInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<LoadErrorKind>("kind");
        QTest::addColumn<QString>("where");
        QTest::newRow("200,000 nested arrays")
            << "deep-arrays.json" << LoadErrorKind::TooDeep << "deeper than 64";
        QTest::newRow("200,000 nested objects")
            << "deep-objects.json" << LoadErrorKind::TooDeep << "deeper than 64";
        QTest::newRow("100 MB of whitespace") << "whitespace.json" << LoadErrorKind::Empty << "whitespace";
        QTest::newRow("no such file") << "missing.json" << LoadErrorKind::Io << "no such file";
        QTest::newRow("a directory") << "folder.json" << LoadErrorKind::Io << "directory";
    }

    // Inputs too large to commit, or that are not files, are made here.
    void generatedInput()
    {
        QFETCH(QString, name);
        QFETCH(LoadErrorKind, kind);
        QFETCH(QString, where);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(name);
        constexpr int Depth = 200000;
        if (name == u"deep-arrays.json")
            writeFile(path, QByteArray(Depth, '[') + QByteArray(Depth, ']'));
        else if (name == u"deep-objects.json")
            writeFile(path, QByteArray("{\"a\":").repeated(Depth) + QByteArray(Depth, '}'));
        else if (name == u"whitespace.json")
            writeFile(path, QByteArray(100 * 1024 * 1024, ' '));
        else if (name == u"folder.json")
            QVERIFY(QDir(dir.path()).mkdir(name));

        QElapsedTimer timer;
        timer.start();
        verifyMessage(SnapshotFile::load(path), kind, path, where);
        QVERIFY2(timer.elapsed() < 20000, "rejecting the input took too long");
    }

    void sizeCapIsCheckedBeforeReading()
    {
        const QString path = goodFile(QStringLiteral("coin-list-v4.json"));
        verifyMessage(SnapshotFile::load(path, 100), LoadErrorKind::TooLarge, path,
                      QStringLiteral("over the 100 bytes limit"));
        QVERIFY(SnapshotFile::load(path, QFileInfo(path).size()).ok()); // exactly at the cap is fine
    }

    void deviceWithoutASizeIsCapped()
    {
        const QString path = QStringLiteral("/dev/zero");
        QVERIFY(QFileInfo::exists(path)); // Linux, where Liqscope runs
        verifyMessage(SnapshotFile::load(path, 4 * 1024 * 1024), LoadErrorKind::TooLarge, path,
                      QStringLiteral("past the 4.0 MB limit"));
    }

    void depthLimitIsExact()
    {
        using Formats::parseJsonStrict;
        const auto nested = [](int depth) {
            return std::string(size_t(depth), '[') + std::string(size_t(depth), ']');
        };
        Formats::Json root;
        QCOMPARE(parseJsonStrict(nested(Formats::MaxJsonDepth), &root).kind, LoadErrorKind::None);
        QCOMPARE(parseJsonStrict(nested(Formats::MaxJsonDepth + 1), &root).kind, LoadErrorKind::TooDeep);
    }

private:
    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
