// libFuzzer target: JSON Lines history files (one Liqscope snapshot per line, bad lines skipped).
#include "formats/historyfile.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Liq;
    const QString origin = QStringLiteral("fuzz-history");
    const HistoryLoadResult result = HistoryFile::read(Liq::Fuzz::bytesOf(data, size), origin);
    if (!result.ok())
        std::abort(); // read() from memory has no Io/TooLarge case
    for (const LiquidationSnapshot &snapshot : result.snapshots) {
        if (!snapshot.isValid())
            std::abort();
    }
    for (const HistoryLineError &bad : result.badLines) {
        if (bad.line < 1 || bad.kind == LoadErrorKind::None || !bad.message.startsWith(origin))
            std::abort();
    }
    // What was read writes back and reads again to the same number of snapshots.
    if (!result.snapshots.isEmpty()) {
        const HistoryLoadResult again = HistoryFile::read(HistoryFile::toJsonLines(result.snapshots), origin);
        if (again.snapshots.size() != result.snapshots.size() || !again.badLines.isEmpty())
            std::abort();
    }
    return 0;
}
