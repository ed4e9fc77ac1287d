#pragma once

#include "formats/loadresult.h"

namespace Liq {
namespace SnapshotFile {

inline constexpr qint64 DefaultMaxBytes = qint64(256) * 1024 * 1024;

// Reads a file in any supported format. The file's modification time is the fallback as-of
// time; an exchange-list window is taken from the file name ("exchange-list-4h.json") when the
// content does not say it.
LoadResult load(const QString &path, qint64 maxBytes = DefaultMaxBytes);

// Writes the Liqscope snapshot format atomically (QSaveFile). On failure returns false and sets
// *error to a message naming the file.
bool save(const LiquidationSnapshot &snapshot, const QString &path, QString *error);

} // namespace SnapshotFile
} // namespace Liq
