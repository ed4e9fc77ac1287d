// libFuzzer target: the strict JSON parser and the Liqscope snapshot format reader, and the history
// fast path (streamLiqscopeSnapshot) against them: what the stream reads, they read the same.
#include "formats/jsondocument.h"
#include "formats/liqscopeformat.h"
#include "formats/liqscopestream.h"
#include "fuzzsupport.h"

#include <cmath>
#include <string_view>

namespace {

// Equal and of the same sign: -0 is not 0 here (there is no NaN to compare).
bool sameValue(double a, double b)
{
    return a == b && std::signbit(a) == std::signbit(b);
}

bool sameAmounts(const Liq::WindowAmounts &a, const Liq::WindowAmounts &b)
{
    for (Liq::TimeWindow window : Liq::AllTimeWindows) {
        if (a.has(window) != b.has(window))
            return false;
        if (a.has(window)
            && (!sameValue(a.at(window).longUsd, b.at(window).longUsd)
                || !sameValue(a.at(window).shortUsd, b.at(window).shortUsd)))
            return false;
    }
    return true;
}

// The same snapshot (amounts with their signs) and the same stated totals.
bool sameOutcome(const Liq::Formats::ReadOutcome &a, const Liq::Formats::ReadOutcome &b)
{
    if (!a.snapshot || !b.snapshot || *a.snapshot != *b.snapshot || a.failure.failed()
        || a.statedTotals.size() != b.statedTotals.size()
        || !sameAmounts(a.snapshot->totals, b.snapshot->totals))
        return false;
    for (qsizetype i = 0; i < a.snapshot->breakdown.size(); ++i) {
        if (!sameAmounts(a.snapshot->breakdown[i].amounts, b.snapshot->breakdown[i].amounts))
            return false;
    }
    for (qsizetype i = 0; i < a.statedTotals.size(); ++i) {
        const Liq::StatedTotal &x = a.statedTotals[i];
        const Liq::StatedTotal &y = b.statedTotals[i];
        if (x.where != y.where || x.window != y.window || x.amounts != y.amounts
            || !sameValue(x.statedUsd, y.statedUsd))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Liq;
    using namespace Liq::Formats;
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    ReadOutcome streamed;
    const bool wasStreamed = streamLiqscopeSnapshot(text, nullptr, &streamed);
    Json root;
    if (parseJsonStrict(text, &root).failed()) {
        if (wasStreamed)
            std::abort();
        return 0;
    }
    if (isLiqscopeDocument(root)) {
        const ReadOutcome outcome = readLiqscopeSnapshot(root);
        // Either a valid snapshot or a failure with its kind: never both, never neither.
        if (outcome.snapshot.has_value() == outcome.failure.failed())
            std::abort();
        if (outcome.snapshot && !outcome.snapshot->isValid())
            std::abort();
        if (wasStreamed && !sameOutcome(streamed, outcome))
            std::abort();
    } else if (wasStreamed) {
        std::abort();
    }
    return 0;
}
