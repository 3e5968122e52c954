#include "ingest/source_reader.h"
#include "ingest/source_reader_impl.h"

#include "backup/veeam_em_xml.h"

namespace backsight {

bool SourceReader::startXmlAsJson()
{
    const Result<std::string> json = backup::emXmlToJson(d->xml);
    d->xml.clear();
    if (!json)
        return fail(json.error().message);
    d->json = std::make_unique<JsonRecordStream>(
        [this](std::string_view record) { return handleJsonRecord(record); }, limits_.maxRecordBytes);
    if (const Status fed = d->json->feed(*json); !fed && error_.isEmpty() && !stopped_)
        return fail(failureText(fed));
    return error_.isEmpty() && !stopped_;
}

bool SourceReader::detectVeeam(simdjson::dom::object probe)
{
    backup::VeeamShape shape = backup::VeeamShape::None;
    if (auto list = backup::VeeamSessionFlattener::sessionList(probe)) {
        // A REST or Enterprise Manager list: its first session says which.
        shape = backup::VeeamShape::RestSession;
        for (simdjson::dom::element first : *list) {
            shape = first.is_object() ? d->veeam.detect(first) : backup::VeeamShape::None;
            break;
        }
    } else {
        shape = d->veeam.detect(probe);
    }
    if (shape == backup::VeeamShape::None)
        return false;
    d->veeamFile = true;
    reader_ = backup::VeeamSessionFlattener::readerName(shape, false);
    return true;
}

bool SourceReader::handleVeeam(simdjson::dom::object record, std::string_view original, qint64 index,
                               const QString &where)
{
    auto list = backup::VeeamSessionFlattener::sessionList(record);
    if (!list)
        return handleVeeamSession(record, original, index, where);
    // The wrapper is not a record: its sessions are, numbered on from the records before it.
    seen_ = index;
    for (simdjson::dom::element e : *list) {
        const qint64 i = seen_++;
        const QString at = QStringLiteral("record %1").arg(i + 1);
        if (!e.is_object()) {
            onReject_(i, QStringLiteral("%1: is not a JSON object").arg(at));
            continue;
        }
        d->veeamOriginal = simdjson::minify(e);
        if (!handleVeeamSession(e, d->veeamOriginal, i, at))
            return false;
    }
    return true;
}

bool SourceReader::handleVeeamSession(simdjson::dom::object record, std::string_view original, qint64 index,
                                      const QString &where)
{
    std::string &arena = arena_ ? *arena_ : ownArena_;
    if (!arena_)
        arena.clear();
    const size_t arenaSize = arena.size();
    if (const Status flattened = d->veeam.flatten(record, d->row, arena); !flattened) {
        arena.resize(arenaSize);
        onReject_(index, QStringLiteral("%1: %2").arg(where, flattened.error().message));
        return true;
    }
    d->row.recordIndex = index;
    if (!onRow_(ReadRecord{d->row, original})) {
        stopped_ = true;
        return false;
    }
    return true;
}

} // namespace backsight
