#pragma once

#include "formats/loadresult.h"

#include <QByteArray>

namespace Liq {

enum class SnapshotFormat { Unknown, Liqscope, CoinGlassCoinList, CoinGlassExchangeList, Csv };

namespace SnapshotReader {

// Detects the format from the content alone (never the file name) and reads it.
LoadResult read(const QByteArray &bytes, const ReadContext &context);

SnapshotFormat detectFormat(const QByteArray &bytes);

} // namespace SnapshotReader
} // namespace Liq
