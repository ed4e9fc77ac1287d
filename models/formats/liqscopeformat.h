#pragma once

#include "jsondocument.h"

#include <QDateTime>
#include <QString>

#include <string>
#include <unordered_map>

namespace Liq {
namespace Formats {

inline constexpr std::string_view LiqscopeFormatName = "liqscope-snapshot";

// True when root is an object whose "format" member names the Liqscope snapshot format.
bool isLiqscopeDocument(const Json &root);

// Breakdown row names already converted, shared (implicitly) by every snapshot read with the same
// table: a history repeats the same few hundred names on every line.
using NameTable = std::unordered_map<std::string, QString>;

// Reads a parsed Liqscope snapshot document (version 1). names, when given, shares row names.
ReadOutcome readLiqscopeSnapshot(const Json &root, NameTable *names = nullptr);

} // namespace Formats
} // namespace Liq
