// libFuzzer target: the strict JSON parser and the Liqscope snapshot format reader, and the history
// fast path (streamLiqscopeSnapshot) against them: what the stream reads, they read the same.
#include "formats/jsondocument.h"
#include "formats/liqscopeformat.h"
#include "formats/liqscopestream.h"
#include "fuzzsupport.h"

#include <cstring>
#include <string_view>

namespace {

// The same snapshot (amounts compared bit for bit: -0 is not 0 here) and the same stated totals.
bool sameOutcome(const Liq::Formats::ReadOutcome &a, const Liq::Formats::ReadOutcome &b)
{
    using namespace Liq;
    const auto sameBits = [](const WindowAmounts &x, const WindowAmounts &y) {
        for (TimeWindow window : AllTimeWindows) {
            if (x.has(window) != y.has(window))
                return false;
            if (x.has(window) && (std::memcmp(&x.at(window), &y.at(window), sizeof(SideAmounts)) != 0))
                return false;
        }
        return true;
    };
    if (!a.snapshot || !b.snapshot || *a.snapshot != *b.snapshot || a.failure.failed()
        || a.statedTotals.size() != b.statedTotals.size()
        || !sameBits(a.snapshot->totals, b.snapshot->totals))
        return false;
    for (qsizetype i = 0; i < a.snapshot->breakdown.size(); ++i) {
        if (!sameBits(a.snapshot->breakdown[i].amounts, b.snapshot->breakdown[i].amounts))
            return false;
    }
    for (qsizetype i = 0; i < a.statedTotals.size(); ++i) {
        const StatedTotal &x = a.statedTotals[i];
        const StatedTotal &y = b.statedTotals[i];
        if (x.where != y.where || x.window != y.window || x.amounts != y.amounts
            || std::memcmp(&x.statedUsd, &y.statedUsd, sizeof(double)) != 0)
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
    const JsonParseResult parsed = parseJsonStrict(text);
    if (parsed.failure.failed()) {
        if (wasStreamed)
            std::abort();
        return 0;
    }
    if (isLiqscopeDocument(parsed.root)) {
        const ReadOutcome outcome = readLiqscopeSnapshot(parsed.root);
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
