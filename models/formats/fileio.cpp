#include "fileio.h"

#include "readoutcome.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

namespace Liq {
namespace Formats {

static QString dataSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

static LoadError tooLarge(const QString &path, const QString &what)
{
    return LoadError{LoadErrorKind::TooLarge, composeMessage(path, what)};
}

LoadError readFileCapped(const QString &path, qint64 maxBytes, QByteArray *bytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return LoadError{
            LoadErrorKind::Io,
            composeMessage(path, QCoreApplication::translate("Liq::Formats", "cannot open: no such file"))};
    if (info.isDir())
        return LoadError{
            LoadErrorKind::Io,
            composeMessage(path,
                           QCoreApplication::translate("Liq::Formats", "cannot open: it is a directory"))};

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return LoadError{LoadErrorKind::Io,
                         composeMessage(path,
                                        QCoreApplication::translate("Liq::Formats", "cannot open: ")
                                            + file.errorString())};
    if (!file.isSequential() && file.size() > maxBytes)
        return tooLarge(path,
                        QCoreApplication::translate("Liq::Formats", "the file is %1, over the %2 limit")
                            .arg(dataSize(file.size()), dataSize(maxBytes)));

    bytes->clear();
    if (!file.isSequential()) {
        // Straight into the buffer: read in chunks and appended, every byte would be copied twice
        // (a 100 MB history spent a tenth of its load time so). The loop below reads what follows,
        // if the file grew meanwhile.
        bytes->resize(file.size());
        const qint64 read = file.read(bytes->data(), bytes->size());
        if (read < 0)
            return LoadError{LoadErrorKind::Io,
                             composeMessage(path,
                                            QCoreApplication::translate("Liq::Formats", "cannot read: ")
                                                + file.errorString())};
        bytes->resize(read);
    }
    constexpr qint64 ChunkBytes = qint64(1) << 20;
    QByteArray chunk(ChunkBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(chunk.data(), ChunkBytes);
        if (read < 0)
            return LoadError{LoadErrorKind::Io,
                             composeMessage(path,
                                            QCoreApplication::translate("Liq::Formats", "cannot read: ")
                                                + file.errorString())};
        if (read == 0)
            break;
        if (bytes->size() + read > maxBytes) // a file that grew, or a device without a size
            return tooLarge(path,
                            QCoreApplication::translate("Liq::Formats", "the input runs past the %1 limit")
                                .arg(dataSize(maxBytes)));
        bytes->append(chunk.constData(), read);
    }
    return {};
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    auto fail = [&](const QString &what) {
        if (error)
            *error = composeMessage(path, what);
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("Liq::Formats", "cannot write: ") + file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(QCoreApplication::translate("Liq::Formats", "cannot write: ") + reason);
    }
    // Qt 6.4's commit() renames the file into place even when its final flush fails (a full disk,
    // a file size limit): flush here and give up on any failure, so only complete files land.
    if (!file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(QCoreApplication::translate("Liq::Formats", "cannot write: ") + reason);
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("Liq::Formats", "cannot save: ") + file.errorString());
    return true;
}

} // namespace Formats
} // namespace Liq
