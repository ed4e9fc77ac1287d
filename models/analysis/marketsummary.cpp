#include "marketsummary.h"

#include "analysis/summaryreading.h"
#include "domain/duration.h"
#include "domain/money.h"

#include <QCoreApplication>

namespace Liq {
namespace {

constexpr int WrapColumn = 78;

QString titleFor(const LiquidationSnapshot &snapshot)
{
    QStringList parts;
    parts << (snapshot.scope.isEmpty() ? QCoreApplication::translate("Liq::Analysis", "Liquidations")
                                       : snapshot.scope);
    if (snapshot.asOf.isValid())
        parts << QCoreApplication::translate("Liq::Analysis", "as of ")
                + snapshot.asOf.toUTC().toString(
                    QCoreApplication::translate("Liq::Analysis", "yyyy-MM-dd HH:mm"))
                + QCoreApplication::translate("Liq::Analysis", " UTC");
    return parts.join(QStringLiteral(", "));
}

// "over 24h", or how much of it was watched when that window is partial.
QString spanOf(TimeWindow window, const WindowCoverage &coverage)
{
    if (coverage.isPartial(window))
        return QCoreApplication::translate("Liq::Analysis", "over %1 (partial: only %2 observed)")
            .arg(windowLabel(window), formatDuration(coverage.observedSeconds));
    return window == TimeWindow::H24
        ? QCoreApplication::translate("Liq::Analysis", "over 24h")
        : QCoreApplication::translate("Liq::Analysis", "over %1 (the longest window in this snapshot)")
              .arg(windowLabel(window));
}

QString headlineFor(const MarketAnalysis &analysis, const WindowCoverage &coverage)
{
    const WindowStats *longest = analysis.longestWindow();
    if (!longest)
        return QCoreApplication::translate("Liq::Analysis", "No liquidation figures in this snapshot.");
    const QString span = spanOf(longest->window, coverage);
    if (!(longest->totalUsd > 0.0))
        return QCoreApplication::translate("Liq::Analysis", "No liquidations %1.").arg(span);

    // The heavier side first: that is the story.
    const SideAmounts &amounts = longest->amounts;
    const bool shortsFirst = amounts.shortUsd >= amounts.longUsd;
    const QString shorts
        = QCoreApplication::translate("Liq::Analysis", "shorts %1 (%2)")
              .arg(formatUsd(amounts.shortUsd), formatPercent(amounts.shortUsd / longest->totalUsd));
    const QString longs
        = QCoreApplication::translate("Liq::Analysis", "longs %1 (%2)")
              .arg(formatUsd(amounts.longUsd), formatPercent(amounts.longUsd / longest->totalUsd));
    return QCoreApplication::translate("Liq::Analysis", "%1 liquidated %2: %3, %4.")
        .arg(formatUsd(longest->totalUsd), span, shortsFirst ? shorts : longs, shortsFirst ? longs : shorts);
}

// "1h: $6.90M (longs ..., shorts ...; 88.1% shorts)"; a partial window says so first and that its
// figures are so far.
QString windowLine(const WindowStats &stats, const WindowCoverage &coverage)
{
    const bool partial = coverage.isPartial(stats.window);
    const QString heading = windowHeading(stats.window, coverage);
    if (!(stats.totalUsd > 0.0))
        return partial
            ? QCoreApplication::translate("Liq::Analysis", "%1, nothing liquidated so far").arg(heading)
            : QCoreApplication::translate("Liq::Analysis", "%1: nothing liquidated").arg(heading);
    const QString format = partial
        ? QCoreApplication::translate("Liq::Analysis", "%1, %2 so far (longs %3, shorts %4; %5 shorts)")
        : QCoreApplication::translate("Liq::Analysis", "%1: %2 (longs %3, shorts %4; %5 shorts)");
    return format.arg(heading, formatUsd(stats.totalUsd), formatUsd(stats.amounts.longUsd),
                      formatUsd(stats.amounts.shortUsd), formatPercent(stats.shortShare.value_or(0.0)));
}

QStringList breakdownFor(const MarketAnalysis &analysis, const WindowCoverage &coverage)
{
    QStringList lines;
    QStringList absent;
    for (TimeWindow window : AllTimeWindows) {
        const WindowStats *stats = analysis.stats(window);
        if (!stats) {
            absent << windowLabel(window);
            continue;
        }
        lines << windowLine(*stats, coverage);
    }
    if (!absent.isEmpty() && !analysis.windows.isEmpty())
        lines << QCoreApplication::translate("Liq::Analysis", "Not in this snapshot: %1.")
                     .arg(absent.join(QStringLiteral(", ")));
    return lines;
}

// Greedy word wrap; continuation lines get the indent plus hangingIndent extra spaces.
QStringList wrapped(const QString &text, int indent, int hangingIndent = 0)
{
    QStringList lines;
    QString line;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const int lineIndent = indent + (lines.isEmpty() ? 0 : hangingIndent);
        if (!line.isEmpty() && lineIndent + line.size() + 1 + word.size() > WrapColumn) {
            lines << QString(lineIndent, QLatin1Char(' ')) + line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << QString(indent + (lines.isEmpty() ? 0 : hangingIndent), QLatin1Char(' ')) + line;
    return lines;
}

void appendSection(QStringList &lines, const QString &heading, const QStringList &paragraphs)
{
    if (paragraphs.isEmpty())
        return;
    lines << QString() << heading;
    for (const QString &paragraph : paragraphs)
        lines << wrapped(paragraph, 2, paragraphs.size() > 1 ? 2 : 0);
}

} // namespace

QString MarketSummary::toPlainText() const
{
    QStringList lines;
    if (!title.isEmpty())
        lines << wrapped(title, 0);
    lines << wrapped(headline, 0);
    appendSection(lines, QCoreApplication::translate("Liq::Analysis", "Observed"),
                  observed.isEmpty() ? QStringList() : QStringList{observed});
    appendSection(lines, QCoreApplication::translate("Liq::Analysis", "Breakdown"), breakdown);
    appendSection(lines, QCoreApplication::translate("Liq::Analysis", "Signal"),
                  signal.isEmpty() ? QStringList() : QStringList{signal});
    appendSection(lines, QCoreApplication::translate("Liq::Analysis", "Timing"),
                  timing.isEmpty() ? QStringList() : QStringList{timing});
    appendSection(lines, QCoreApplication::translate("Liq::Analysis", "Bottom line"),
                  bottomLine.isEmpty() ? QStringList() : QStringList{bottomLine});
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

MarketSummary writeMarketSummary(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis)
{
    MarketSummary summary;
    summary.title = titleFor(snapshot);
    const WindowCoverage coverage = windowCoverage(snapshot);
    summary.headline = headlineFor(analysis, coverage);
    summary.observed = observationReading(snapshot, analysis);
    summary.breakdown = breakdownFor(analysis, coverage);
    summary.signal = signalReading(analysis, coverage);
    summary.timing = timingReading(analysis, coverage);
    summary.bottomLine = bottomLineReading(analysis, coverage);
    return summary;
}

} // namespace Liq
