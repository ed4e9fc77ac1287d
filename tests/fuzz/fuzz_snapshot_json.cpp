// libFuzzer target: the strict JSON parser and the Liqscope snapshot format reader.
#include "formats/jsondocument.h"
#include "formats/liqscopeformat.h"
#include "fuzzsupport.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Liq;
    using namespace Liq::Formats;
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    const JsonParseResult parsed = parseJsonStrict(text);
    if (parsed.failure.failed())
        return 0;
    if (isLiqscopeDocument(parsed.root)) {
        const ReadOutcome outcome = readLiqscopeSnapshot(parsed.root);
        // Either a valid snapshot or a failure with its kind: never both, never neither.
        if (outcome.snapshot.has_value() == outcome.failure.failed())
            std::abort();
        if (outcome.snapshot && !outcome.snapshot->isValid())
            std::abort();
    }
    return 0;
}
