// libFuzzer harness: the zip container walk. The input is written to a scratch file (in /dev/shm when
// there is one, so no input touches the disk; one path for the whole run), expanded with
// collectImportInputs (entry list, size and ratio limits, unsafe names, nested archives) and every entry
// is opened and read as the importer does, stopping where it would (an entry longer than its header says).
#include "ingest/import_inputs.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <cstdint>
#include <cstdlib>
#include <unistd.h>

using namespace backsight;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path =
        (QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath()) +
        QStringLiteral("/backsight-fuzz-zip-%1.zip").arg(qint64(getpid()));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            abort();
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    ImportLimits limits;
    limits.maxArchiveBytes = 8 << 20;
    limits.maxArchiveEntries = 1000;
    const CollectedInputs collected = collectImportInputs({path}, limits);
    static QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (const ImportInput &input : collected.inputs) {
        if (!input.isArchiveEntry() || isUnsafeArchivePath(input.entryName))
            continue; // the input itself when it is not a zip; unsafe names never get here
        Result<std::unique_ptr<QIODevice>> opened = openImportInput(input);
        if (!opened) {
            if (opened.error().message.isEmpty())
                abort(); // a failure always says why
            continue;
        }
        std::unique_ptr<QIODevice> device = std::move(*opened);
        qint64 total = 0;
        for (;;) {
            const qint64 n = device->read(buffer.data(), buffer.size());
            if (n <= 0)
                break;
            total += n;
            if (total > input.size)
                break; // the importer rejects the entry here (header lied about its size)
        }
    }
    return 0;
}
