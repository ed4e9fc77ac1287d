#pragma once

#include "jsondocument.h"

namespace Liq {
namespace Formats {

inline constexpr std::string_view LiqscopeFormatName = "liqscope-snapshot";

// True when root is an object whose "format" member names the Liqscope snapshot format.
bool isLiqscopeDocument(const Json &root);

// Reads a parsed Liqscope snapshot document (version 1).
ReadOutcome readLiqscopeSnapshot(const Json &root);

} // namespace Formats
} // namespace Liq
