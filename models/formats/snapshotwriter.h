#pragma once

#include "domain/liquidationsnapshot.h"

#include <QByteArray>

namespace Liq {
namespace SnapshotWriter {

// The Liqscope snapshot format this build writes and reads.
inline constexpr int FormatVersion = 1;

// The snapshot in the Liqscope snapshot format: keys in a fixed order, amounts that read back
// exactly, as_of in ISO-8601 UTC (milliseconds only when non-zero). A window the snapshot lacks is
// written as null. Indented, ending with a newline.
QByteArray toJson(const LiquidationSnapshot &snapshot);

// The same document on one line without a trailing newline: one line of a history file.
QByteArray toJsonLine(const LiquidationSnapshot &snapshot);

} // namespace SnapshotWriter
} // namespace Liq
