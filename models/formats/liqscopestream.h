#pragma once

#include "liqscopeformat.h"

#include <string_view>

// Internal to liqscope_formats: the fast path for history lines.
namespace Liq {
namespace Formats {

// Reads one Liqscope snapshot (version 1) straight from its JSON text: nlohmann's SAX parser (the
// same lexer as parseJsonStrict) fills the snapshot directly, with no DOM in between. It reads
// what readLiqscopeSnapshot reads (total_usd, null windows and breakdowns, amounts as numbers or
// numeric strings, keys in any order, unknown keys skipped with the same duplicate and depth checks).
// Anything wrong (a syntax error, a duplicate key, a bad value), and the rare thing it leaves to the
// DOM path (an object with over 32 unknown keys), makes it return false at once; the caller then
// reads the text with parseJsonStrict + readLiqscopeSnapshot, which says what is wrong.
// When it returns true, *outcome holds exactly the snapshot and stated totals that path gives
// (names shared through the same table).
bool streamLiqscopeSnapshot(std::string_view text, NameTable *names, ReadOutcome *outcome);

} // namespace Formats
} // namespace Liq
