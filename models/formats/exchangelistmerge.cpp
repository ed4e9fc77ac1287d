#include "exchangelistmerge.h"

#include "coinglassformat.h"
#include "consistency.h"

#include <QCoreApplication>

#include <algorithm>

namespace Liq {
namespace Formats {

namespace {

ReadFailure checkPart(const ExchangeListPart &part, const QList<const ExchangeListPart *> &seen)
{
    if (!part.window) {
        return failure(LoadErrorKind::MissingWindow,
                       QCoreApplication::translate(
                           "Liq::Formats", "an exchange-list response without its window cannot be merged"),
                       part.where);
    }
    const QString label = windowLabel(*part.window);
    if (!part.snapshot.totals.has(*part.window)) {
        return failure(
            LoadErrorKind::MissingWindow,
            QCoreApplication::translate("Liq::Formats", "the %1 response has no %1 figures").arg(label),
            part.where);
    }
    for (const ExchangeListPart *earlier : seen) {
        if (earlier->window == part.window) {
            return failure(
                LoadErrorKind::DuplicateKey,
                QCoreApplication::translate("Liq::Formats", "the %1 window is given twice").arg(label),
                part.where);
        }
    }
    return {};
}

bool isAllRow(const BreakdownRow &row)
{
    return row.name.compare(u"All", Qt::CaseInsensitive) == 0;
}

} // namespace

ReadFailure mergeExchangeListParts(const QList<ExchangeListPart> &parts, LiquidationSnapshot *merged)
{
    if (parts.isEmpty())
        return failure(
            LoadErrorKind::MissingWindow,
            QCoreApplication::translate("Liq::Formats", "there is no exchange-list window to merge"));
    QList<const ExchangeListPart *> ordered;
    for (const ExchangeListPart &part : parts) {
        ReadFailure bad = checkPart(part, ordered);
        if (bad.failed())
            return bad;
        ordered.append(&part);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto *a, const auto *b) {
        return windowIndex(*a->window) > windowIndex(*b->window);
    });

    *merged = LiquidationSnapshot{};
    merged->scope = QStringLiteral("All exchanges");
    merged->breakdownKind = BreakdownKind::Exchange;
    for (const ExchangeListPart *part : std::as_const(ordered)) {
        const TimeWindow window = *part->window;
        const LiquidationSnapshot &snapshot = part->snapshot;
        if (!merged->asOf.isValid() || snapshot.asOf > merged->asOf)
            merged->asOf = snapshot.asOf;
        if (merged->source.isEmpty())
            merged->source = snapshot.source;
        merged->totals.set(window, snapshot.totals.at(window));
        for (const BreakdownRow &row : snapshot.breakdown) {
            if (isAllRow(row) || !row.amounts.has(window))
                continue;
            int index = merged->breakdownRowNamed(row.name);
            if (index < 0) {
                merged->breakdown.append(BreakdownRow{row.name, {}});
                index = int(merged->breakdown.size()) - 1;
            } else if (merged->breakdown.at(index).amounts.has(window)) {
                return failure(LoadErrorKind::DuplicateKey,
                               QCoreApplication::translate("Liq::Formats",
                                                           "the exchange %1 appears twice in the %2 window")
                                   .arg(shownText(row.name), windowLabel(window)),
                               part->where);
            }
            merged->breakdown[index].amounts.set(window, row.amounts.at(window));
        }
    }
    return {};
}

} // namespace Formats

LoadResult mergeExchangeListWindows(const QList<ExchangeListPart> &parts, const QString &origin)
{
    LiquidationSnapshot merged;
    const Formats::ReadFailure bad = Formats::mergeExchangeListParts(parts, &merged);
    if (bad.failed())
        return Formats::failedResult(origin, bad);
    LoadResult result;
    result.warnings = Consistency::check(merged, {}, origin);
    result.snapshot = std::move(merged);
    return result;
}

} // namespace Liq
