// A main() for the fuzz targets without libFuzzer: runs every file of the directories given on the
// command line through LLVMFuzzerTestOneInput once. Built by tests/quality with any compiler, so the
// seed corpora and crash regressions replay in every test run (and under the sanitizer build).
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QTextStream>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    QTextStream out(stdout);
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        QDirIterator files(QString::fromLocal8Bit(argv[i]), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly)) {
                out << "cannot read " << file.fileName() << Qt::endl;
                return 1;
            }
            const QByteArray bytes = file.readAll();
            out << "replaying " << file.fileName() << Qt::endl;
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                   static_cast<std::size_t>(bytes.size()));
            ++replayed;
        }
    }
    out << replayed << " inputs replayed" << Qt::endl;
    return replayed > 0 ? 0 : 1;
}
