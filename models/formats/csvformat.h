#pragma once

#include "formats/loadresult.h"
#include "readoutcome.h"

#include <QByteArrayView>

namespace Liq {
namespace Formats {

// True when the first non-blank line is a header naming window, long_usd or short_usd.
bool looksLikeCsv(QByteArrayView text);

// Reads the CSV format: a header with window, long_usd, short_usd and optionally symbol and
// total_usd (other columns are ignored). Rows without a symbol, or with symbol "ALL" or empty, are
// the totals; other symbols the per-coin breakdown, whose sums are the totals when no total rows
// exist. Quoted fields, CRLF and blank lines are accepted.
ReadOutcome readCsv(QByteArrayView text, const ReadContext &context);

} // namespace Formats
} // namespace Liq
