#pragma once

// SourceReader's state, shared by source_reader.cpp (sniffing, JSON, CSV) and source_reader_veeam.cpp (Veeam
// sessions, Enterprise Manager XML). Internal to core/ingest.
#include "ingest/source_reader.h"

#include "backup/veeam_session_flattener.h"
#include "ingest/csv_record_stream.h"
#include "ingest/entra_record_flattener.h"
#include "ingest/json_record_stream.h"

#include <QStringDecoder>
#include <memory>
#include <simdjson.h>
#include <string>
#include <vector>

namespace backsight {

enum class CsvKind { Unknown, LogAnalytics, Portal, Veeam };

struct SourceReader::Impl
{
    std::unique_ptr<JsonRecordStream> json;
    std::unique_ptr<CsvRecordStream> csv;
    simdjson::dom::parser parser;
    std::string padded;
    EntraRecordFlattener flattener;
    ImportRow row;
    bool dialectKnown = false;
    RecordDialect dialect = RecordDialect::Graph;
    // CSV
    std::vector<std::string> headers; // as written (trimmed), keys of the JSON object built per row
    bool haveHeader = false;
    CsvKind csvKind = CsvKind::Unknown;
    std::string rowJson;
    // Veeam backup sessions (core/backup)
    backup::VeeamSessionFlattener veeam;
    bool veeamFile = false;
    std::string veeamOriginal;
    // Enterprise Manager's XML answers, converted to its JSON shape when the file ends (core/backup/veeam_em_xml).
    bool xmlFile = false;
    std::string xml;
    // UTF-16 input (Windows PowerShell 5.1's Out-File and `>` write UTF-16LE with a byte order mark).
    std::string head;
    QStringDecoder utf16;
};

// A record stream's failure as this reader's sentence; none when a callback stopped it.
inline QString failureText(const Status &s)
{
    return s.error().category == Error::Category::Cancelled ? QString() : s.error().message;
}

} // namespace backsight
