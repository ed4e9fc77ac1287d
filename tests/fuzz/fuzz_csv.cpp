// libFuzzer target: the CSV reader (header detection, quoting, CRLF, totals vs per-symbol rows).
#include "formats/csvformat.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Liq;
    using namespace Liq::Formats;
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    (void)looksLikeCsv(bytes);
    const ReadOutcome outcome = readCsv(bytes, Fuzz::fuzzContext());
    if (outcome.snapshot.has_value() == outcome.failure.failed())
        std::abort();
    if (outcome.snapshot && !outcome.snapshot->isValid())
        std::abort();
    return 0;
}
