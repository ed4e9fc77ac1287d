#include "snapshotreader.h"

#include "coinglassformat.h"
#include "consistency.h"
#include "csvformat.h"
#include "jsondocument.h"
#include "liqscopeformat.h"

#include <QCoreApplication>

#include <cstring>

namespace Liq {
namespace SnapshotReader {

namespace {

using namespace Formats;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The content without a UTF-8 BOM and surrounding whitespace.
QByteArrayView trimmedContent(const QByteArray &bytes)
{
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    qsizetype begin = 0;
    qsizetype end = view.size();
    while (begin < end && (isJsonSpace(view[begin]) || view[begin] == '\f' || view[begin] == '\v'))
        ++begin;
    while (end > begin && (isJsonSpace(view[end - 1]) || view[end - 1] == '\f' || view[end - 1] == '\v'))
        --end;
    return view.sliced(begin, end - begin);
}

bool looksBinary(QByteArrayView content)
{
    return std::memchr(content.data(), '\0', std::size_t(content.size())) != nullptr;
}

bool looksLikeJson(QByteArrayView content)
{
    return !content.isEmpty() && (content.front() == '{' || content.front() == '[');
}

const QString ReadableFormats = QCoreApplication::translate(
    "Liq::Formats",
    "expected a Liqscope snapshot, a CoinGlass coin-list or exchange-list response, or a CSV with "
    "window,long_usd,short_usd columns");

ReadFailure unknownFormat(const QString &why)
{
    return failure(LoadErrorKind::UnknownFormat, why + QStringLiteral("; ") + ReadableFormats);
}

ReadOutcome readJson(QByteArrayView content, const ReadContext &context)
{
    Json root;
    const ReadFailure bad
        = parseJsonStrict(std::string_view(content.data(), std::size_t(content.size())), &root);
    if (bad.failed())
        return ReadOutcome::failed(bad);
    if (isLiqscopeDocument(root))
        return readLiqscopeSnapshot(root);
    if (const Json *format = member(root, "format")) {
        const QString shown
            = format->is_string() ? shownText(format->get_ref<const std::string &>()) : jsonTypeName(*format);
        return ReadOutcome::failed(unknownFormat(
            QCoreApplication::translate("Liq::Formats", "the format %1 is not one Liqscope reads")
                .arg(shown)));
    }
    if (isCoinGlassDocument(root))
        return readCoinGlass(root, context);
    return ReadOutcome::failed(
        unknownFormat(QCoreApplication::translate("Liq::Formats", "JSON of an unknown shape")));
}

} // namespace

LoadResult read(const QByteArray &bytes, const ReadContext &context)
{
    const QByteArrayView content = trimmedContent(bytes);
    ReadOutcome outcome;
    if (content.isEmpty()) {
        outcome = ReadOutcome::failed(failure(
            LoadErrorKind::Empty,
            bytes.isEmpty()
                ? QCoreApplication::translate("Liq::Formats", "the input is empty")
                : QCoreApplication::translate("Liq::Formats", "the input holds nothing but whitespace")));
    } else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        outcome = ReadOutcome::failed(
            failure(LoadErrorKind::UnknownFormat,
                    QCoreApplication::translate("Liq::Formats", "UTF-16 text: save the file as UTF-8")));
    } else if (looksBinary(content)) {
        outcome = ReadOutcome::failed(
            unknownFormat(QCoreApplication::translate("Liq::Formats", "binary data, not text")));
    } else if (looksLikeJson(content)) {
        // Parse the untrimmed bytes so error offsets count from the start of the input.
        outcome = readJson(QByteArrayView(bytes), context);
    } else if (looksLikeCsv(content)) {
        outcome = readCsv(content, context);
    } else {
        outcome = ReadOutcome::failed(unknownFormat(
            QCoreApplication::translate("Liq::Formats", "neither JSON nor a CSV with a known header")));
    }

    if (!outcome.snapshot)
        return failedResult(context.origin, outcome.failure);
    LoadResult result;
    result.warnings = Consistency::check(*outcome.snapshot, outcome.statedTotals, context.origin);
    result.snapshot = std::move(outcome.snapshot);
    return result;
}

} // namespace SnapshotReader
} // namespace Liq
