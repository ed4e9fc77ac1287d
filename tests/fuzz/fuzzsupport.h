#pragma once

#include "formats/loadresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// Shared by the libFuzzer targets: every target feeds the REAL parser code of liqscope_formats /
// liqscope_feed and then checks the reader contract, so a contract break aborts like a crash does.
namespace Liq::Fuzz {

inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    // A deep copy: the fuzzer's buffer ends exactly at size, so ASan catches reads past it in the
    // parsers that take a QByteArrayView/std::string_view over it instead.
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

inline ReadContext fuzzContext()
{
    ReadContext context;
    context.origin = QStringLiteral("fuzz-input");
    context.fallbackAsOf = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    return context;
}

// The contract every reader keeps: exactly one of snapshot / error; a failure is one line naming
// the origin; a loaded snapshot is valid and never carries an error.
inline void checkLoadResult(const LoadResult &result, const QString &origin)
{
    if (result.ok()) {
        if (result.error.kind != LoadErrorKind::None || !result.snapshot->isValid())
            std::abort();
        return;
    }
    const QString &message = result.error.message;
    if (result.error.kind == LoadErrorKind::None || !message.startsWith(origin + QStringLiteral(": "))
        || message.contains(u'\n') || message.contains(u'\r') || !result.warnings.isEmpty())
        std::abort();
}

} // namespace Liq::Fuzz
