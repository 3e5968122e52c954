#include "json_text.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace backsight::ui {

QString indentJson(const QByteArray &json)
{
    const QString text = QString::fromUtf8(json);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return text;

    QString out;
    out.reserve(text.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        out += QLatin1Char('\n');
        out += QString(depth * 2, QLatin1Char(' '));
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < text.size() && text[next].isSpace())
                ++next;
            if (next < text.size() && (text[next] == QLatin1Char('}') || text[next] == QLatin1Char(']'))) {
                out += c; // an empty object or array stays on one line
                out += text[next];
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += QStringLiteral(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break; // whitespace between tokens is replaced by ours
        default:
            out += c;
        }
    }
    return out;
}

} // namespace backsight::ui
