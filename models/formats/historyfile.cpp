#include "historyfile.h"

#include "consistency.h"
#include "fileio.h"
#include "jsondocument.h"
#include "liqscopeformat.h"
#include "liqscopestream.h"
#include "snapshotwriter.h"

#include <QCoreApplication>

namespace Liq {
namespace HistoryFile {

using namespace Formats;

HistoryLoadResult read(const QByteArray &bytes, const QString &origin)
{
    HistoryLoadResult result;
    QByteArrayView rest(bytes);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    const QString lineOriginPrefix = originLabel(origin) + QLatin1Char(':');
    int lineNumber = 0;
    NameTable names; // the same coin names on every line: one QString each, shared
    while (!rest.isEmpty()) {
        ++lineNumber;
        const qsizetype newline = rest.indexOf('\n');
        QByteArrayView line = newline < 0 ? rest : rest.first(newline);
        rest = newline < 0 ? QByteArrayView() : rest.sliced(newline + 1);
        line = line.trimmed();
        if (line.isEmpty())
            continue;

        auto reportBad = [&](const ReadFailure &why) {
            const ReadFailure placed
                = why.within(QCoreApplication::translate("Liq::Formats", "line %1").arg(lineNumber));
            result.badLines.append(
                HistoryLineError{lineNumber, placed.kind, composeMessage(origin, placed.what, placed.where)});
        };
        const std::string_view text(line.data(), std::size_t(line.size()));
        ReadOutcome outcome;
        // The fast path reads the snapshots SnapshotWriter writes; whatever it declines (bad lines,
        // unknown keys) goes through the DOM reader, which accepts the same and says what is wrong.
        if (!streamLiqscopeSnapshot(text, &names, &outcome)) {
            Json root;
            const ReadFailure bad = parseJsonStrict(text, &root, JsonPositions::SingleLine);
            if (bad.failed()) {
                reportBad(bad);
                continue;
            }
            if (!isLiqscopeDocument(root)) {
                reportBad(failure(LoadErrorKind::UnknownFormat,
                                  QCoreApplication::translate(
                                      "Liq::Formats",
                                      "not a Liqscope snapshot: a history line must be one snapshot in the "
                                      "Liqscope format")));
                continue;
            }
            outcome = readLiqscopeSnapshot(root, &names);
            if (!outcome.snapshot) {
                reportBad(outcome.failure);
                continue;
            }
        }
        const QString lineOrigin = lineOriginPrefix + QString::number(lineNumber);
        result.warnings += Consistency::check(*outcome.snapshot, outcome.statedTotals, lineOrigin);
        result.snapshots.append(std::move(*outcome.snapshot));
    }
    return result;
}

HistoryLoadResult load(const QString &path, qint64 maxBytes)
{
    QByteArray bytes;
    HistoryLoadResult result;
    result.error = readFileCapped(path, maxBytes, &bytes);
    if (!result.ok())
        return result;
    return read(bytes, path);
}

QByteArray toJsonLines(const QList<LiquidationSnapshot> &snapshots)
{
    QByteArray lines;
    for (const LiquidationSnapshot &snapshot : snapshots)
        lines += SnapshotWriter::toJsonLine(snapshot) + '\n';
    return lines;
}

bool save(const QList<LiquidationSnapshot> &snapshots, const QString &path, QString *error)
{
    return writeFileAtomically(path, toJsonLines(snapshots), error);
}

} // namespace HistoryFile
} // namespace Liq
