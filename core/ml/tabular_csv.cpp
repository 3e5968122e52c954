#include "ml/tabular_csv.h"

#include <QFile>
#include <charconv>
#include <cstring>
#include <string>
#include <zlib.h>

namespace backsight::ml {
namespace {

struct GzFile
{
    gzFile f = nullptr;
    ~GzFile()
    {
        if (f)
            gzclose(f);
    }
};

// Splits `line` on commas into fields (no quoting: the numeric files have none).
void split(const std::string &line, std::vector<std::string_view> &fields)
{
    fields.clear();
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        if (comma == std::string::npos) {
            fields.emplace_back(line.data() + start, line.size() - start);
            return;
        }
        fields.emplace_back(line.data() + start, comma - start);
        start = comma + 1;
    }
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '"'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '"'))
        s.remove_suffix(1);
    return s;
}

} // namespace

Result<NumericTable> readNumericCsv(const QString &path)
{
    NumericTable table;
    GzFile in;
    in.f = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!in.f) {
        const int why = errno;
        const QString message = QStringLiteral("%1: cannot open (%2)").arg(path, QString::fromLocal8Bit(std::strerror(why)));
        return why == ENOENT ? Error::notFound(message) : Error::badInput(message);
    }
    gzbuffer(in.f, 1 << 18);
    std::string line;
    std::vector<char> buffer(1 << 16);
    std::vector<std::string_view> fields;
    int labelColumn = -1;
    int width = 0;
    qint64 lineNo = 0;
    bool header = true;
    const auto readLine = [&]() -> bool {
        line.clear();
        for (;;) {
            if (!gzgets(in.f, buffer.data(), int(buffer.size())))
                return !line.empty();
            line += buffer.data();
            if (!line.empty() && line.back() == '\n') {
                line.pop_back();
                return true;
            }
        }
    };
    while (readLine()) {
        ++lineNo;
        if (line.empty() || line == "\r")
            continue;
        split(line, fields);
        if (header) {
            header = false;
            width = int(fields.size());
            for (int i = 0; i < width; ++i) {
                const std::string_view name = trim(fields[i]);
                const QString q = QString::fromUtf8(name.data(), qsizetype(name.size()));
                if (q.compare(QStringLiteral("label"), Qt::CaseInsensitive) == 0)
                    labelColumn = i;
                else
                    table.featureNames << q;
            }
            if (table.featureNames.isEmpty())
                return Error::badInput(QStringLiteral("%1: line 1: no feature columns").arg(path));
            continue;
        }
        if (int(fields.size()) != width)
            return Error::badInput(QStringLiteral("%1: line %2: %3 fields, the header has %4")
                                       .arg(path)
                                       .arg(lineNo)
                                       .arg(fields.size())
                                       .arg(width));
        for (int i = 0; i < width; ++i) {
            const std::string_view f = trim(fields[i]);
            double v = 0;
            const auto [ptr, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
            if (ec != std::errc() || ptr != f.data() + f.size())
                return Error::badInput(QStringLiteral("%1: line %2, column %3: \"%4\" is not a number")
                                           .arg(path)
                                           .arg(lineNo)
                                           .arg(i + 1)
                                           .arg(QString::fromUtf8(f.data(), qsizetype(f.size()))));
            if (i == labelColumn)
                table.labels.push_back(v != 0 ? 1 : 0);
            else
                table.values.push_back(float(v));
        }
        ++table.rows;
    }
    int errnum = 0;
    const char *message = gzerror(in.f, &errnum);
    if (errnum != Z_OK && errnum != Z_STREAM_END)
        return Error::badInput(QStringLiteral("%1: line %2: %3").arg(path).arg(lineNo).arg(QString::fromUtf8(message)));
    if (header)
        return Error::badInput(QStringLiteral("%1: empty file").arg(path));
    return table;
}

} // namespace backsight::ml
