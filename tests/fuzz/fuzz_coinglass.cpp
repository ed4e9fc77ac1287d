// libFuzzer target: CoinGlass coin-list and exchange-list responses (envelope, bare array, combined
// per-window object). The input's length picks the window hint a bare exchange-list needs, so real
// responses work as seeds unchanged.
#include "formats/coinglassformat.h"
#include "formats/jsondocument.h"
#include "fuzzsupport.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Liq;
    using namespace Liq::Formats;
    ReadContext context = Fuzz::fuzzContext();
    const std::size_t hint = size % (TimeWindowCount + 1);
    if (hint < TimeWindowCount)
        context.windowHint = AllTimeWindows[hint];
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    Json root;
    if (parseJsonStrict(text, &root).failed() || !isCoinGlassDocument(root))
        return 0;
    const ReadOutcome outcome = readCoinGlass(root, context);
    if (outcome.snapshot.has_value() == outcome.failure.failed())
        std::abort();
    if (outcome.snapshot && !outcome.snapshot->isValid())
        std::abort();
    return 0;
}
