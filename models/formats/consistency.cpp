#include "consistency.h"

#include "domain/money.h"
#include "readoutcome.h"

#include <QCoreApplication>
#include <QtMath>

#include <cmath>

namespace Liq {
namespace Consistency {

bool differsBeyondRounding(double a, double b)
{
    return std::abs(a - b) > RelativeTolerance * std::max(std::abs(a), std::abs(b));
}

namespace {

struct Side
{
    const char *label;
    double (*amount)(const SideAmounts &);
};

const Side Sides[] = {
    {QT_TRANSLATE_NOOP("Liq::Formats", "long"),
     [](const SideAmounts &a) {
         return a.longUsd;
     }},
    {QT_TRANSLATE_NOOP("Liq::Formats", "short"),
     [](const SideAmounts &a) {
         return a.shortUsd;
     }},
    {QT_TRANSLATE_NOOP("Liq::Formats", "total"),
     [](const SideAmounts &a) {
         return a.total();
     }},
};

// The windows are nested, so each present window must not exceed the next longer present one.
void checkNesting(const WindowAmounts &amounts, const QString &where, const QString &origin,
                  QStringList *warnings)
{
    std::optional<TimeWindow> shorter;
    for (TimeWindow window : AllTimeWindows) {
        if (!amounts.has(window))
            continue;
        if (shorter) {
            for (const Side &side : Sides) {
                const double small = side.amount(amounts.at(*shorter));
                const double large = side.amount(amounts.at(window));
                if (small > large && differsBeyondRounding(small, large)) {
                    warnings->append(Formats::composeMessage(
                        origin,
                        QCoreApplication::translate(
                            "Liq::Formats",
                            "%1 %2 liquidations (%3) exceed the %4 ones (%5), though the %4 window "
                            "contains the %1 one")
                            .arg(windowLabel(*shorter),
                                 QCoreApplication::translate("Liq::Formats", side.label), formatUsd(small),
                                 windowLabel(window), formatUsd(large)),
                        where));
                }
            }
        }
        shorter = window;
    }
}

} // namespace

QStringList check(const LiquidationSnapshot &snapshot, const QList<StatedTotal> &statedTotals,
                  const QString &origin)
{
    QStringList warnings;
    checkNesting(snapshot.totals, QStringLiteral("totals"), origin, &warnings);
    for (const BreakdownRow &row : snapshot.breakdown)
        checkNesting(row.amounts, row.name, origin, &warnings);

    for (const StatedTotal &stated : statedTotals) {
        const double sum = stated.amounts.total();
        if (!differsBeyondRounding(stated.statedUsd, sum))
            continue;
        const double larger = std::max(std::abs(stated.statedUsd), std::abs(sum));
        warnings.append(Formats::composeMessage(
            origin,
            QCoreApplication::translate(
                "Liq::Formats", "the stated %1 total (%2) is not long + short (%3): they differ by %4%")
                .arg(windowLabel(stated.window), formatUsd(stated.statedUsd), formatUsd(sum),
                     QString::number(100.0 * std::abs(stated.statedUsd - sum) / larger, 'f', 1)),
            stated.where));
    }

    if (warnings.size() > MaxWarnings) {
        const qsizetype more = warnings.size() - MaxWarnings;
        warnings.resize(MaxWarnings);
        warnings.append(Formats::composeMessage(
            origin,
            QCoreApplication::translate("Liq::Formats", "%1 more inconsistencies like the ones above")
                .arg(more)));
    }
    return warnings;
}

} // namespace Consistency
} // namespace Liq
