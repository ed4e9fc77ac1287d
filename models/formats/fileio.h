#pragma once

#include "formats/loadresult.h"

#include <QByteArray>
#include <QString>

// The file I/O shared by SnapshotFile, HistoryFile and the app's exports and screenshots.
namespace Liq {
namespace Formats {

// Reads at most maxBytes of path. The size is checked before reading (TooLarge); devices that do
// not know their size are read in chunks and stopped past the cap. Io when it cannot be read.
LoadError readFileCapped(const QString &path, qint64 maxBytes, QByteArray *bytes);

// Replaces path with bytes atomically (QSaveFile): on failure the old file is left as it was and
// *error (when given) names the file and the reason.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace Formats
} // namespace Liq
