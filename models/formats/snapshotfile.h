#pragma once

#include "formats/loadresult.h"

namespace Liq {
namespace SnapshotFile {

inline constexpr qint64 DefaultMaxBytes = qint64(256) * 1024 * 1024;

// Reads a file in any supported format. The file's modification time is the fallback as-of
// time; an exchange-list window is taken from the file name ("exchange-list-4h.json") when the
// content does not say it. Files over maxBytes are refused (TooLarge) before being read.
LoadResult load(const QString &path, qint64 maxBytes = DefaultMaxBytes);

// Writes the Liqscope snapshot format atomically (QSaveFile). On failure returns false and sets
// *error to a message naming the file; the file that was there is left untouched.
bool save(const LiquidationSnapshot &snapshot, const QString &path, QString *error);

// The window a file name states on its own ("exchange-list-4h.json" -> 4h, "x_H24.json" -> 24h);
// nullopt when it states none or more than one.
std::optional<TimeWindow> windowFromFileName(const QString &path);

} // namespace SnapshotFile
} // namespace Liq
