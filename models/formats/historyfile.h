#pragma once

#include "formats/loadresult.h"
#include "formats/snapshotfile.h"

#include <QByteArray>
#include <QList>

namespace Liq {

// One line of a history file that could not be read; the other lines are kept.
struct HistoryLineError
{
    int line = 0; // from 1
    LoadErrorKind kind = LoadErrorKind::None;
    QString message; // "<origin>: <what> (line 7, field windows.1h.long_usd)"
};

struct HistoryLoadResult
{
    QList<LiquidationSnapshot> snapshots; // every good line, in file order
    QList<HistoryLineError> badLines; // every bad line, skipped
    QStringList warnings; // consistency warnings of the good lines, each naming origin and line
    LoadError error; // the file as a whole could not be read (Io, TooLarge); then nothing else is set

    bool ok() const { return error.kind == LoadErrorKind::None; }
};

// History files are JSON Lines: one Liqscope snapshot (SnapshotWriter::toJsonLine) per line.
// Blank lines, CRLF and a leading BOM are accepted.
namespace HistoryFile {

HistoryLoadResult read(const QByteArray &bytes, const QString &origin);

// A missing file is an Io error (callers starting a new history may ignore it).
HistoryLoadResult load(const QString &path, qint64 maxBytes = SnapshotFile::DefaultMaxBytes);

// The snapshots as JSON Lines, each line ending with '\n'.
QByteArray toJsonLines(const QList<LiquidationSnapshot> &snapshots);

// Replaces the file with these snapshots atomically (QSaveFile). On failure returns false, sets
// *error to a message naming the file and leaves the old file untouched.
bool save(const QList<LiquidationSnapshot> &snapshots, const QString &path, QString *error);

} // namespace HistoryFile
} // namespace Liq
