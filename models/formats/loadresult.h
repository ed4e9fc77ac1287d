#pragma once

#include "domain/liquidationsnapshot.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Liq {

// Why an input was refused. Tests assert on the kind; users read the message.
enum class LoadErrorKind {
    None,
    Io, // cannot open or read the file
    TooLarge, // over the size cap
    Empty, // nothing but whitespace
    UnknownFormat, // not any format Liqscope reads
    Syntax, // malformed JSON or CSV
    TooDeep, // nesting beyond the parser's limit
    DuplicateKey, // the same JSON key twice in one object
    WrongType, // a field of the wrong JSON type
    MissingField, // a required field is absent
    MissingWindow, // a window (1h/4h/12h/24h) is absent
    InvalidNumber, // non-numeric, NaN, Infinity or out of a double's range
    NegativeAmount, // a negative USD amount
    ApiError, // a CoinGlass envelope whose code is not "0"
    UnsupportedVersion, // a Liqscope snapshot from a newer version
};

struct LoadError
{
    LoadErrorKind kind = LoadErrorKind::None;
    // One line that names the origin (file or URL), says what is wrong and where (row, field).
    QString message;
};

struct LoadResult
{
    std::optional<LiquidationSnapshot> snapshot;
    LoadError error;
    // Data that is merely inconsistent loads with warnings, each naming the origin.
    QStringList warnings;

    bool ok() const { return snapshot.has_value(); }
};

// Inputs up to this size are read where they arrive (in the event loop): a worker thread's start-up
// costs more than reading them. Larger files and feed bodies are read on a worker.
inline constexpr qint64 InlineParseMaxBytes = 256 * 1024;

// What the reader knows besides the bytes.
struct ReadContext
{
    QString origin; // file path or URL, named in every message
    QDateTime fallbackAsOf; // used when the content carries no time (CoinGlass responses)
    // The window of a bare CoinGlass exchange-list response (its body does not say it).
    std::optional<TimeWindow> windowHint;
};

} // namespace Liq
