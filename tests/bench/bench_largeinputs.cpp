// Large inputs: a CoinGlass coin-list of 5,000 coins and a 100 MB history file (JSON Lines), both
// generated here into a temporary directory. Each is loaded through the product's own entry points
// (SnapshotFile::load, HistoryFile::load) and, for reference, parsed raw by nlohmann::json from the
// same bytes in memory. Goal (issue 6): loading within 1.5x of the raw parse.
//   bench_largeinputs [--history-mb N] [--coins N] [--runs N]
// Prints one "FIGURE <key> <value>" line per figure for tools/bench, and a readable table. Exits
// non-zero only when a run is broken (a load fails or reads the wrong number of rows), never on a
// missed goal.
#include "benchdata.h"
#include "formats/historyfile.h"
#include "formats/snapshotfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

using namespace Liq;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

// The median of several timed runs, in seconds; fn returns false when the run is broken.
double medianSeconds(int runs, const std::function<bool()> &fn, bool *ok)
{
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const bool good = fn();
        seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        if (!good)
            *ok = false;
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void figure(const char *key, double value)
{
    out << "FIGURE " << key << ' ' << QString::number(value, 'f', 3) << '\n';
}

// Whole-document raw parse: what any loader of these bytes must at least do.
bool rawParseDocument(const QByteArray &bytes, std::size_t expectedRows)
{
    const auto json = nlohmann::json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
    return !json.is_discarded() && json.at("data").size() == expectedRows;
}

// JSON Lines: one raw parse per line, as a history reader must do.
bool rawParseLines(const QByteArray &bytes, int expectedLines)
{
    int lines = 0;
    const char *begin = bytes.constData();
    const char *const end = begin + bytes.size();
    while (begin < end) {
        const char *newline = std::find(begin, end, '\n');
        if (newline > begin) {
            const auto json = nlohmann::json::parse(begin, newline, nullptr, false);
            if (json.is_discarded())
                return false;
            ++lines;
        }
        begin = newline + 1;
    }
    return lines == expectedLines;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int historyMb = 100;
    int coins = 5000;
    int runs = 5;
    const QStringList arguments = QCoreApplication::arguments();
    for (int i = 1; i + 1 < arguments.size(); i += 2) {
        const QString &name = arguments.at(i);
        const int value = arguments.at(i + 1).toInt();
        if (name == u"--history-mb")
            historyMb = value;
        else if (name == u"--coins")
            coins = value;
        else if (name == u"--runs")
            runs = value;
    }
    if (historyMb <= 0 || coins <= 0 || runs <= 0) {
        err << "usage: bench_largeinputs [--history-mb N] [--coins N] [--runs N]" << Qt::endl;
        return 2;
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        err << "bench_largeinputs: cannot create a temporary directory" << Qt::endl;
        return 1;
    }
    bool ok = true;

    // CoinGlass coin-list.
    const QByteArray coinList = Bench::coinGlassCoinList(coins);
    const QString coinListPath = dir.filePath(QStringLiteral("coin-list.json"));
    const QByteArray history = Bench::historyJsonLines(qint64(historyMb) * 1024 * 1024, 50);
    const int historyLines = int(history.count('\n'));
    const QString historyPath = dir.filePath(QStringLiteral("history.jsonl"));
    if (!writeFile(coinListPath, coinList) || !writeFile(historyPath, history)) {
        err << "bench_largeinputs: cannot write the generated inputs in " << dir.path() << Qt::endl;
        return 1;
    }

    const double coinListMb = double(coinList.size()) / (1024.0 * 1024.0);
    const double coinRaw = medianSeconds(
        runs * 4, [&] { return rawParseDocument(coinList, std::size_t(coins)); }, &ok);
    const double coinLoad = medianSeconds(
        runs * 4,
        [&] {
            const LoadResult result = SnapshotFile::load(coinListPath);
            if (!result.ok())
                err << "bench_largeinputs: " << result.error.message << Qt::endl;
            return result.ok() && result.snapshot->breakdown.size() == coins;
        },
        &ok);

    const double historyMib = double(history.size()) / (1024.0 * 1024.0);
    const double historyRaw = medianSeconds(
        runs, [&] { return rawParseLines(history, historyLines); }, &ok);
    const double historyLoad = medianSeconds(
        runs,
        [&] {
            const HistoryLoadResult result = HistoryFile::load(historyPath);
            if (!result.ok())
                err << "bench_largeinputs: " << result.error.message << Qt::endl;
            return result.ok() && result.snapshots.size() == historyLines && result.badLines.isEmpty();
        },
        &ok);

    figure("coinlist_mib", coinListMb);
    figure("coinlist_load_mbps", coinListMb / coinLoad);
    figure("coinlist_raw_mbps", coinListMb / coinRaw);
    figure("coinlist_ratio", coinLoad / coinRaw);
    figure("history_mib", historyMib);
    figure("history_lines", historyLines);
    figure("history_load_mbps", historyMib / historyLoad);
    figure("history_raw_mbps", historyMib / historyRaw);
    figure("history_ratio", historyLoad / historyRaw);

    out << QStringLiteral("%1 coins, %2 MiB: load %3 MiB/s, raw nlohmann parse %4 MiB/s, ratio %5\n")
               .arg(coins)
               .arg(coinListMb, 0, 'f', 1)
               .arg(coinListMb / coinLoad, 0, 'f', 1)
               .arg(coinListMb / coinRaw, 0, 'f', 1)
               .arg(coinLoad / coinRaw, 0, 'f', 2);
    out << QStringLiteral("history %1 lines, %2 MiB: load %3 MiB/s, raw nlohmann parse %4 MiB/s, ratio %5\n")
               .arg(historyLines)
               .arg(historyMib, 0, 'f', 1)
               .arg(historyMib / historyLoad, 0, 'f', 1)
               .arg(historyMib / historyRaw, 0, 'f', 1)
               .arg(historyLoad / historyRaw, 0, 'f', 2);
    out.flush();
    if (!ok) {
        err << "bench_largeinputs: a run was broken (see above)" << Qt::endl;
        return 1;
    }
    return 0;
}
