#include "snapshotfile.h"

#include "fileio.h"
#include "formats/snapshotreader.h"
#include "readoutcome.h"
#include "snapshotwriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace Liq {
namespace SnapshotFile {

std::optional<TimeWindow> windowFromFileName(const QString &path)
{
    // "exchange-list-4h.json", "coinglass_24H.json", "h12-exchanges.json": a window label standing
    // alone between separators. Two different labels make the name ambiguous.
    static const QRegularExpression label(QStringLiteral("(?:^|[^0-9a-z])(h?(?:1|4|12|24)h?)(?=[^0-9a-z]|$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    std::optional<TimeWindow> found;
    auto matches = label.globalMatch(QFileInfo(path).fileName());
    while (matches.hasNext()) {
        const auto window = windowFromLabel(matches.next().capturedView(1));
        if (!window)
            continue;
        if (found && *found != *window)
            return std::nullopt;
        found = window;
    }
    return found;
}

LoadResult load(const QString &path, qint64 maxBytes)
{
    QByteArray bytes;
    const LoadError readError = Formats::readFileCapped(path, maxBytes, &bytes);
    if (readError.kind != LoadErrorKind::None) {
        LoadResult result;
        result.error = readError;
        return result;
    }
    ReadContext context;
    context.origin = path;
    const QDateTime modified = QFileInfo(path).lastModified();
    context.fallbackAsOf = modified.isValid() ? modified.toUTC() : QDateTime::currentDateTimeUtc();
    context.windowHint = windowFromFileName(path);
    return SnapshotReader::read(bytes, context);
}

bool save(const LiquidationSnapshot &snapshot, const QString &path, QString *error)
{
    const auto refuse = [&](const QString &why) {
        if (error)
            *error = Formats::composeMessage(path, why);
        return false;
    };
    if (!snapshot.isValid())
        return refuse(
            QCoreApplication::translate("Liq::Formats", "nothing to save: the snapshot has no amounts"));
    if (!snapshot.asOf.isValid())
        return refuse(
            QCoreApplication::translate("Liq::Formats", "cannot save a snapshot without an as-of time"));
    return Formats::writeFileAtomically(path, SnapshotWriter::toJson(snapshot), error);
}

} // namespace SnapshotFile
} // namespace Liq
