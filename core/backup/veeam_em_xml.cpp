#include "backup/veeam_em_xml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace backsight::backup {

namespace {

bool isSessionEntity(QStringView name)
{
    return name == QLatin1String("BackupTaskSession") || name == QLatin1String("BackupJobSession");
}

QJsonObject attributesOf(const QXmlStreamReader &xml)
{
    QJsonObject o;
    for (const QXmlStreamAttribute &a : xml.attributes())
        o.insert(a.name().toString(), a.value().toString());
    return o;
}

// Reads the entity the reader stands on (its start element) up to its end element.
QJsonObject readEntity(QXmlStreamReader &xml)
{
    QJsonObject entity = attributesOf(xml);
    entity.insert(QStringLiteral("Type"), entity.value(QStringLiteral("Type")).toString(xml.name().toString()));
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("Links")) {
            QJsonArray links;
            while (xml.readNextStartElement()) {
                links.append(attributesOf(xml));
                xml.skipCurrentElement();
            }
            entity.insert(QStringLiteral("Links"), links);
            continue;
        }
        const QString field = xml.name().toString();
        entity.insert(field, xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
    }
    return entity;
}

} // namespace

Result<std::string> emXmlToJson(std::string_view text)
{
    QXmlStreamReader xml(QByteArray(text.data(), qsizetype(text.size())));
    QJsonArray sessions;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && isSessionEntity(xml.name()))
            sessions.append(readEntity(xml));
    }
    if (xml.hasError())
        return Error::badInput(QStringLiteral("the XML is not well formed at line %1, column %2: %3")
                                   .arg(xml.lineNumber())
                                   .arg(xml.columnNumber())
                                   .arg(xml.errorString()));
    if (sessions.isEmpty())
        return Error::badInput(
            QStringLiteral("an XML file without Enterprise Manager BackupTaskSession or BackupJobSession entities"));
    const QByteArray json = QJsonDocument(sessions).toJson(QJsonDocument::Compact);
    return std::string(json.constData(), size_t(json.size()));
}

} // namespace backsight::backup
