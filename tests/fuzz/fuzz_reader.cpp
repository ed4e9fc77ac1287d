// libFuzzer target: SnapshotReader::read, the content-detecting entry point every file and feed
// response goes through (format detection, BOM/UTF-16 handling, all readers, consistency checks).
#include "formats/snapshotreader.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Liq;
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    const ReadContext context = Fuzz::fuzzContext();
    Fuzz::checkLoadResult(SnapshotReader::read(bytes, context), context.origin);
    return 0;
}
