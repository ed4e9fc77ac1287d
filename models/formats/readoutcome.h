#pragma once

#include "formats/consistency.h"
#include "formats/loadresult.h"

#include <QList>
#include <QString>

#include <optional>

// Internal to liqscope_formats: what every reader returns before the origin is known.
namespace Liq {
namespace Formats {

// Why one reader refused its input, without the origin (the caller adds it).
struct ReadFailure
{
    LoadErrorKind kind = LoadErrorKind::None;
    QString what; // what is wrong: "\"abc\" is not a number"
    QString where; // where it is: "row 3, field long_liquidation_usd_4h"; may be empty

    bool failed() const { return kind != LoadErrorKind::None; }
    // The same failure seen from an enclosing place: "line 7" + "field x" -> "line 7, field x".
    ReadFailure within(const QString &outer) const;
};

ReadFailure failure(LoadErrorKind kind, const QString &what, const QString &where = {});

struct ReadOutcome
{
    std::optional<LiquidationSnapshot> snapshot;
    ReadFailure failure;
    QList<StatedTotal> statedTotals; // for the consistency warnings

    static ReadOutcome failed(ReadFailure why)
    {
        ReadOutcome outcome;
        outcome.failure = std::move(why);
        return outcome;
    }
};

// "a, b" with empty parts left out.
QString joinWhere(const QString &outer, const QString &inner);

// The origin as messages name it ("input" when the caller gave none).
QString originLabel(const QString &origin);

// "<origin>: <what> (<where>)", always a single line.
QString composeMessage(const QString &origin, const QString &what, const QString &where = {});

LoadResult failedResult(const QString &origin, const ReadFailure &why);

// Text taken from the input, fit for a one-line message: in double quotes, control characters
// replaced, cut after maxChars.
QString shownText(QStringView text, int maxChars = 60);
QString shownText(const std::string &utf8, int maxChars = 60);

} // namespace Formats
} // namespace Liq
