#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Liq {

// Reads an ISO-8601 time ("2026-11-20T14:00:00Z", with or without milliseconds or an offset). A time
// without a zone designator is UTC: every format Liqscope reads and every option it takes states its
// times in UTC, and the reading must not depend on the machine's time zone. The result is in UTC;
// nullopt when text is no such time.
std::optional<QDateTime> parseIsoTime(const QString &text);

} // namespace Liq
