#include "ingest/source_reader.h"
#include "ingest/source_reader_impl.h"
#include "ingest/stream_outcome.h"

#include "backup/veeam_session_flattener.h"
#include "backup/veeam_em_xml.h"
#include "ingest/csv_record_stream.h"
#include "ingest/json_record_stream.h"

#include <QStringDecoder>
#include <simdjson.h>

namespace backsight {
namespace {

// What a file is when its first bytes are a well-known binary signature.
std::optional<QString> knownBinaryFormat(std::string_view head)
{
    struct Magic
    {
        std::string_view bytes;
        const char *what;
    };
    static constexpr Magic magics[] = {
        {"\x89PNG", "a PNG image"},   {"%PDF", "a PDF document"},       {"\x1f\x8b", "a gzip archive"},
        {"\xff\xd8\xff", "a JPEG image"}, {"SQLite format 3", "an SQLite database"}, {"7z\xbc\xaf", "a 7-Zip archive"},
        {"\xd0\xcf\x11\xe0", "an old Office document"}, {"Rar!", "a RAR archive"}, {"\x7f" "ELF", "a program"},
    };
    for (const Magic &m : magics) {
        if (head.substr(0, m.bytes.size()) == m.bytes)
            return QStringLiteral("this is %1, not a log export").arg(QLatin1String(m.what));
    }
    return std::nullopt;
}

std::string_view skipSpace(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

void appendJsonString(std::string &out, std::string_view s)
{
    out.push_back('"');
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out.push_back(hex[(c >> 4) & 0xf]);
                out.push_back(hex[c & 0xf]);
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

CsvKind classifyHeader(const std::vector<std::string> &normalised)
{
    auto has = [&](std::string_view name) {
        for (const std::string &h : normalised) {
            if (h == name)
                return true;
        }
        return false;
    };
    if (has("date (utc)") || (has("request id") && has("username")))
        return CsvKind::Portal;
    if (has("timegenerated") || has("createddatetime") || has("activitydatetime")
        || (has("type") && (has("userprincipalname") || has("operationname"))))
        return CsvKind::LogAnalytics;
    // Export-Csv of Get-VBRBackupSession / Get-VBRTaskSession (docs/formats.md, "Veeam backup sessions").
    if ((has("creationtime") || has("creationtimeutc") || has("progress.starttimeutc"))
        && (has("jobname") || has("jobtype") || has("jobid") || has("jobsessid") || has("status")
            || has("progress.transferedsize") || has("backupstats.backupsize")))
        return CsvKind::Veeam;
    return CsvKind::Unknown;
}

} // namespace

SourceReader::SourceReader(const ImportLimits &limits, RowFn onRow, RejectFn onReject)
    : d(std::make_unique<Impl>()), limits_(limits), onRow_(std::move(onRow)), onReject_(std::move(onReject))
{
}

SourceReader::~SourceReader() = default;

bool SourceReader::fail(const QString &why)
{
    if (error_.isEmpty())
        error_ = why;
    return false;
}

bool SourceReader::start(std::string_view firstChunk)
{
    started_ = true;
    const std::string_view head = firstChunk.substr(0, 4096);
    if (auto binary = knownBinaryFormat(head))
        return fail(*binary);
    if (head.find('\0') != std::string_view::npos)
        return fail(QStringLiteral("binary content (NUL bytes), not a log export"));
    const std::string_view text = skipSpace(firstChunk);
    if (text.empty())
        return true; // only whitespace so far; decided on the next chunk
    if (text.front() == '<') {
        d->xmlFile = true;
        return true;
    }
    if (text.front() == '[' || text.front() == '{') {
        d->json = std::make_unique<JsonRecordStream>(
            [this](std::string_view record) { return handleJsonRecord(record); }, limits_.maxRecordBytes);
        return true;
    }
    // Other text goes to the CSV reader, which checks its header; bad UTF-8 is caught row by row.
    d->csv = std::make_unique<CsvRecordStream>(
        [this](const std::vector<std::string> &cells, qint64 line) { return handleCsvRow(cells, line); },
        limits_.maxRecordBytes);
    return true;
}

bool SourceReader::decideEncoding(bool atEnd)
{
    if (d->head.size() < 2 && !atEnd)
        return true;
    std::string pending = std::move(d->head);
    d->head.clear();
    const bool le = pending.size() >= 2 && pending[0] == '\xFF' && pending[1] == '\xFE';
    const bool be = pending.size() >= 2 && pending[0] == '\xFE' && pending[1] == '\xFF';
    encoding_ = le ? Encoding::Utf16LE : be ? Encoding::Utf16BE : Encoding::Utf8;
    if (le || be) {
        d->utf16 = QStringDecoder(le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        pending.erase(0, 2);
    }
    return pending.empty() || feedBytes(pending);
}

bool SourceReader::feedBytes(std::string_view chunk)
{
    if (stopped_ || !error_.isEmpty())
        return false;
    if (encoding_ == Encoding::Unknown) {
        d->head.append(chunk);
        return decideEncoding(false);
    }
    if (encoding_ == Encoding::Utf8)
        return feedText(chunk);
    const QString text = d->utf16.decode(QByteArrayView(chunk.data(), qsizetype(chunk.size())));
    if (d->utf16.hasError())
        return fail(QStringLiteral("the file starts with a UTF-16 byte order mark but is not valid UTF-16"));
    const QByteArray utf8 = text.toUtf8();
    return feedText(std::string_view(utf8.constData(), size_t(utf8.size())));
}

bool SourceReader::feedText(std::string_view chunk)
{
    // A UTF-8 byte order mark (Excel-friendly exports write one) is dropped, even split across chunks.
    static constexpr std::string_view bom = "\xEF\xBB\xBF";
    while (bomChecked_ < 3 && !chunk.empty()) {
        if (chunk.front() != bom[size_t(bomChecked_)]) {
            const std::string partial(bom.substr(0, size_t(bomChecked_)));
            bomChecked_ = 3;
            if (!partial.empty() && !feedText(partial)) // not a BOM after all: those bytes are content
                return false;
            break;
        }
        chunk.remove_prefix(1);
        ++bomChecked_;
    }
    if (chunk.empty())
        return true;
    if (!d->json && !d->csv && !d->xmlFile) {
        if (!start(chunk))
            return false;
        if (!d->json && !d->csv && !d->xmlFile)
            return true;
    }
    if (d->xmlFile) {
        if (d->xml.size() + chunk.size() > size_t(limits_.maxRecordBytes))
            return fail(QStringLiteral("the XML file is larger than %1 MB").arg(limits_.maxRecordBytes >> 20));
        d->xml.append(chunk);
        return true;
    }
    const Status fed = d->json ? d->json->feed(chunk) : d->csv->feed(chunk);
    if (!fed && error_.isEmpty() && !stopped_)
        return fail(failureText(fed));
    return fed.ok();
}

bool SourceReader::finishInput()
{
    if (stopped_ || !error_.isEmpty())
        return false;
    if (encoding_ == Encoding::Unknown && !d->head.empty() && !decideEncoding(true))
        return false;
    if (d->xmlFile && !startXmlAsJson())
        return false;
    if (!d->json && !d->csv)
        return fail(started_ ? QStringLiteral("the file holds only white space") : QStringLiteral("the file is empty"));
    const Status finished = d->json ? d->json->finish() : d->csv->finish();
    const bool ok = finished.ok();
    if (!ok && error_.isEmpty() && !stopped_)
        return fail(failureText(finished));
    if (ok && d->csv && !d->haveHeader)
        return fail(QStringLiteral("the CSV file has no header row"));
    if (ok && reader_.isEmpty() && d->json) {
        switch (d->json->container()) {
        case JsonContainer::GraphPage: reader_ = QStringLiteral("graph-page"); break;
        case JsonContainer::RecordsBlob: reader_ = QStringLiteral("azure-diagnostic-json"); break;
        default: reader_ = QStringLiteral("graph-json");
        }
    }
    return ok;
}

bool SourceReader::handleJsonRecord(std::string_view record)
{
    if (reader_.isEmpty() && !d->dialectKnown) {
        // The reader's name is settled by the container and the first record's dialect.
        simdjson::dom::element probe;
        d->padded.assign(record);
        d->padded.reserve(record.size() + simdjson::SIMDJSON_PADDING);
        const bool parsed = d->parser.parse(d->padded.data(), d->padded.size(), false).get(probe) == simdjson::SUCCESS
                            && probe.is_object();
        if (parsed && detectVeeam(probe)) {
            d->dialectKnown = true;
        } else if (parsed) {
            d->dialect = EntraRecordFlattener::detectDialect(probe);
            d->dialectKnown = true;
            const JsonContainer c = d->json->container();
            const QString dialect = d->dialect == RecordDialect::AzureDiagnostic ? QStringLiteral("azure-diagnostic")
                                    : d->dialect == RecordDialect::LogAnalytics  ? QStringLiteral("log-analytics")
                                                                                 : QStringLiteral("graph");
            if (c == JsonContainer::GraphPage)
                reader_ = QStringLiteral("graph-page");
            else if (c == JsonContainer::RecordsBlob)
                reader_ = QStringLiteral("azure-diagnostic-json");
            else if (c == JsonContainer::Lines)
                reader_ = dialect + QStringLiteral("-jsonl");
            else
                reader_ = dialect + QStringLiteral("-json");
        }
    }
    const qint64 index = seen_++;
    return handleParsed(record, index, QStringLiteral("record %1").arg(index + 1));
}

bool SourceReader::handleParsed(std::string_view record, qint64 index, const QString &where)
{
    d->padded.assign(record);
    d->padded.reserve(record.size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::element element;
    const auto err = d->parser.parse(d->padded.data(), d->padded.size(), false).get(element);
    if (err == simdjson::UTF8_ERROR)
        return fail(QStringLiteral("%1 contains invalid UTF-8 (the file is damaged or not UTF-8 encoded)").arg(where));
    if (err)
        return fail(QStringLiteral("%1 is not valid JSON: %2").arg(where, QString::fromUtf8(simdjson::error_message(err))));
    if (!element.is_object())
        return fail(QStringLiteral("%1 is not a JSON object").arg(where));
    if (d->veeamFile)
        return handleVeeam(element, record, index, where);
    const RecordDialect dialect =
        d->dialectKnown && !d->csv ? EntraRecordFlattener::detectDialect(element) : d->dialect;
    std::string &arena = arena_ ? *arena_ : ownArena_;
    if (!arena_)
        arena.clear();
    const size_t arenaSize = arena.size();
    if (const Status flattened = d->flattener.flatten(element, dialect, d->row, arena); !flattened) {
        arena.resize(arenaSize);
        onReject_(index, QStringLiteral("%1: %2").arg(where, flattened.error().message));
        return true;
    }
    d->row.recordIndex = index;
    if (!onRow_(ReadRecord{d->row, record})) {
        stopped_ = true;
        return false;
    }
    return true;
}

bool SourceReader::handleCsvRow(const std::vector<std::string> &cells, qint64 line)
{
    if (!d->haveHeader) {
        // Windows PowerShell's Export-Csv starts with `#TYPE <type name>` unless given -NoTypeInformation.
        if (cells.size() == 1 && cells[0].rfind("#TYPE", 0) == 0)
            return true;
        std::vector<std::string> normalised;
        for (const std::string &h : cells) {
            normalised.push_back(normaliseHeader(h));
            std::string_view trimmed = h;
            while (!trimmed.empty() && trimmed.back() == ' ')
                trimmed.remove_suffix(1);
            d->headers.emplace_back(trimmed);
        }
        d->csvKind = classifyHeader(normalised);
        if (d->csvKind == CsvKind::Unknown) {
            QStringList first;
            for (size_t i = 0; i < cells.size() && i < 6; ++i)
                first << QString::fromUtf8(cells[i].data(), qsizetype(cells[i].size()));
            return fail(QStringLiteral("the CSV columns (%1, ...) are not those of an Entra ID sign-in or audit "
                                       "export, nor of a Veeam session export")
                            .arg(first.join(QStringLiteral(", "))));
        }
        d->haveHeader = true;
        if (d->csvKind == CsvKind::Veeam) {
            d->veeamFile = true;
            reader_ = backup::VeeamSessionFlattener::readerName(backup::VeeamShape::PsSession, true);
            return true;
        }
        d->dialect = d->csvKind == CsvKind::Portal ? RecordDialect::EntraPortal : RecordDialect::LogAnalytics;
        reader_ = d->csvKind == CsvKind::Portal ? QStringLiteral("entra-portal-csv") : QStringLiteral("log-analytics-csv");
        return true;
    }
    const qint64 index = seen_++;
    const QString where = QStringLiteral("record %1 (line %2)").arg(index + 1).arg(line);
    if (cells.size() != d->headers.size()) {
        onReject_(index, QStringLiteral("%1: has %2 cells, the header has %3").arg(where).arg(cells.size()).arg(d->headers.size()));
        return true;
    }
    // The row becomes a JSON object keyed by the file's own headers: one flattener serves every shape,
    // and the object is what is kept as the original record.
    std::string &json = d->rowJson;
    json.clear();
    json.push_back('{');
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i)
            json.push_back(',');
        appendJsonString(json, d->headers[i]);
        json.push_back(':');
        appendJsonString(json, cells[i]);
    }
    json.push_back('}');
    return handleParsed(json, index, where);
}

Status SourceReader::feed(std::string_view chunk)
{
    return streamOutcome(feedBytes(chunk), error_);
}

Status SourceReader::finish()
{
    return streamOutcome(finishInput(), error_);
}

} // namespace backsight
