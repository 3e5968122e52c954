#include "sigma/value_matcher.h"

#include <QtEndian>
#include <cmath>

namespace backsight::sigma {
namespace {

QByteArray parseIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return {};
    QByteArray out(10, '\0');
    out.append('\xff').append('\xff');
    for (const QString &p : parts) {
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || v < 0 || v > 255 || p.isEmpty() || p.size() > 3)
            return {};
        out.append(char(v));
    }
    return out;
}

// Groups of an IPv6 address half (between "::"), with an IPv4 tail allowed in the last group.
bool parseIpv6Groups(const QString &half, QList<quint16> &groups)
{
    if (half.isEmpty())
        return true;
    const QStringList parts = half.split(QLatin1Char(':'));
    for (int i = 0; i < parts.size(); ++i) {
        if (i == parts.size() - 1 && parts[i].contains(QLatin1Char('.'))) {
            const QByteArray v4 = parseIpv4(parts[i]);
            if (v4.isEmpty())
                return false;
            groups << quint16((quint8(v4[12]) << 8) | quint8(v4[13])) << quint16((quint8(v4[14]) << 8) | quint8(v4[15]));
            continue;
        }
        bool ok = false;
        const uint v = parts[i].toUInt(&ok, 16);
        if (!ok || parts[i].size() > 4 || v > 0xffff)
            return false;
        groups << quint16(v);
    }
    return true;
}

QByteArray parseIpv6(const QString &text)
{
    const qsizetype gap = text.indexOf(QLatin1String("::"));
    QList<quint16> head, tail;
    if (gap >= 0) {
        if (!parseIpv6Groups(text.left(gap), head) || !parseIpv6Groups(text.mid(gap + 2), tail) || head.size() + tail.size() > 7)
            return {};
        while (head.size() + tail.size() < 8)
            head << 0;
    } else if (!parseIpv6Groups(text, head) || head.size() != 8) {
        return {};
    }
    QByteArray out;
    for (quint16 g : head + tail)
        out.append(char(g >> 8)).append(char(g & 0xff));
    return out;
}

Result<ValuePattern> cidrPattern(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString address = slash < 0 ? text : text.left(slash);
    QByteArray net = parseIpAddress(address);
    if (net.isEmpty())
        return Error::badInput(QStringLiteral("'%1' is not an IP network for |cidr").arg(text));
    const bool v4 = !address.contains(QLatin1Char(':'));
    int bits = v4 ? 32 : 128;
    if (slash >= 0) {
        bool ok = false;
        bits = text.mid(slash + 1).toInt(&ok);
        if (!ok || bits < 0 || bits > (v4 ? 32 : 128))
            return Error::badInput(QStringLiteral("'%1' has a bad prefix length for |cidr").arg(text));
    }
    ValuePattern p;
    p.kind = ValuePattern::Kind::Cidr;
    p.text = text;
    p.network = net;
    p.prefixBits = v4 ? bits + 96 : bits;
    return p;
}

bool inNetwork(const ValuePattern &p, const QString &value)
{
    const QByteArray ip = parseIpAddress(value.trimmed());
    if (ip.isEmpty())
        return false;
    for (int bit = 0; bit < p.prefixBits; ++bit) {
        const int byte = bit / 8, mask = 0x80 >> (bit % 8);
        if ((ip[byte] & mask) != (p.network[byte] & mask))
            return false;
    }
    return true;
}

bool compareNumber(const ValuePattern &p, const QString &value)
{
    bool ok = false;
    const double v = value.trimmed().toDouble(&ok);
    if (!ok)
        return false;
    if (p.compareOp == QLatin1String("lt"))
        return v < p.number;
    if (p.compareOp == QLatin1String("lte"))
        return v <= p.number;
    if (p.compareOp == QLatin1String("gt"))
        return v > p.number;
    return v >= p.number;
}

// windash: a leading '-' or '/' may be any of the dashes Windows command lines accept.
QStringList windashVariants(const QString &value)
{
    if (!value.startsWith(QLatin1Char('-')) && !value.startsWith(QLatin1Char('/')))
        return {value};
    QStringList out;
    for (QChar dash : {QChar(u'-'), QChar(u'/'), QChar(u'\u2013'), QChar(u'\u2014'), QChar(u'\u2015')})
        out << dash + value.mid(1);
    return out;
}

const QStringList &knownUnsupported()
{
    static const QStringList names = {QStringLiteral("base64"), QStringLiteral("base64offset"), QStringLiteral("utf16le"),
                                      QStringLiteral("utf16be"), QStringLiteral("utf16"), QStringLiteral("wide"),
                                      QStringLiteral("expand"), QStringLiteral("fieldref")};
    return names;
}

} // namespace

QByteArray parseIpAddress(const QString &text)
{
    return text.contains(QLatin1Char(':')) ? parseIpv6(text) : parseIpv4(text);
}

QString wildcardToRegex(const QString &value)
{
    QString out = QStringLiteral("\\A");
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c == QLatin1Char('\\') && i + 1 < value.size()
            && (value[i + 1] == QLatin1Char('*') || value[i + 1] == QLatin1Char('?') || value[i + 1] == QLatin1Char('\\'))) {
            out += QRegularExpression::escape(QString(value[++i]));
        } else if (c == QLatin1Char('*')) {
            out += QStringLiteral(".*");
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('.');
        } else {
            out += QRegularExpression::escape(QString(c));
        }
    }
    return out + QStringLiteral("\\z");
}

namespace {

// A plain value (Sigma wildcards * and ?) under |contains, |startswith or |endswith (`position`), with |windash's
// dash variants and |cased: one regular expression for all its alternatives.
QRegularExpression wildcardRegex(const QString &value, const QString &position, bool windash, bool cased)
{
    QStringList alternatives;
    for (const QString &v : windash ? windashVariants(value) : QStringList{value}) {
        QString w = v;
        if (position == QLatin1String("contains") || position == QLatin1String("endswith"))
            w.prepend(QLatin1Char('*'));
        if (position == QLatin1String("contains") || position == QLatin1String("startswith"))
            w.append(QLatin1Char('*'));
        alternatives << wildcardToRegex(w);
    }
    return QRegularExpression(alternatives.size() == 1 ? alternatives.first()
                                                       : QStringLiteral("(?:%1)").arg(alternatives.join(QLatin1Char('|'))),
                              (cased ? QRegularExpression::NoPatternOption : QRegularExpression::CaseInsensitiveOption)
                                  | QRegularExpression::DotMatchesEverythingOption);
}

} // namespace

Result<FieldCondition> buildFieldCondition(const QString &field, const QStringList &modifiers,
                                           const QList<std::optional<QString>> &values)
{
    FieldCondition fc;
    fc.field = field;
    QString position, compareOp;
    bool re = false, cidr = false, exists = false, windash = false, cased = false;
    QRegularExpression::PatternOptions reOptions;
    for (const QString &raw : modifiers) {
        const QString m = raw.toLower();
        if (m == QLatin1String("contains") || m == QLatin1String("startswith") || m == QLatin1String("endswith"))
            position = m;
        else if (m == QLatin1String("all"))
            fc.all = true;
        else if (m == QLatin1String("re"))
            re = true;
        else if (re && m == QLatin1String("i"))
            reOptions |= QRegularExpression::CaseInsensitiveOption;
        else if (re && m == QLatin1String("m"))
            reOptions |= QRegularExpression::MultilineOption;
        else if (re && m == QLatin1String("s"))
            reOptions |= QRegularExpression::DotMatchesEverythingOption;
        else if (m == QLatin1String("cidr"))
            cidr = true;
        else if (m == QLatin1String("exists"))
            exists = true;
        else if (m == QLatin1String("windash"))
            windash = true;
        else if (m == QLatin1String("cased"))
            cased = true;
        else if (m == QLatin1String("lt") || m == QLatin1String("lte") || m == QLatin1String("gt") || m == QLatin1String("gte"))
            compareOp = m;
        else if (knownUnsupported().contains(m))
            return Error::badInput(QStringLiteral("the modifier |%1 (on %2) is not supported").arg(m, field));
        else
            return Error::badInput(QStringLiteral("unknown modifier |%1 on %2").arg(raw, field));
    }
    for (const std::optional<QString> &value : values) {
        ValuePattern p;
        p.text = value.value_or(QStringLiteral("null"));
        if (exists) {
            p.kind = ValuePattern::Kind::Exists;
            p.exists = value && (value->compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || *value == QLatin1String("yes"));
        } else if (!value) {
            p.kind = ValuePattern::Kind::Null;
        } else if (cidr) {
            Result<ValuePattern> c = cidrPattern(*value);
            if (!c)
                return c.error();
            p = *c;
        } else if (!compareOp.isEmpty()) {
            bool ok = false;
            p.kind = ValuePattern::Kind::Compare;
            p.compareOp = compareOp;
            p.number = value->toDouble(&ok);
            if (!ok)
                return Error::badInput(QStringLiteral("|%1 on %2 needs a number, not '%3'").arg(compareOp, field, *value));
        } else if (re) {
            p.kind = ValuePattern::Kind::Regex;
            p.regex = QRegularExpression(*value, reOptions);
            if (!p.regex.isValid())
                return Error::badInput(QStringLiteral("the regular expression '%1' on %2 is invalid: %3")
                                           .arg(*value, field, p.regex.errorString()));
        } else {
            p.regex = wildcardRegex(*value, position, windash, cased);
        }
        fc.values.push_back(std::move(p));
    }
    if (fc.values.empty())
        return Error::badInput(QStringLiteral("%1 has no values").arg(field));
    return fc;
}

Result<ValuePattern> buildKeyword(const QString &keyword)
{
    ValuePattern p;
    p.text = keyword;
    p.regex = QRegularExpression(wildcardToRegex(QLatin1Char('*') + keyword + QLatin1Char('*')),
                                 QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return p;
}

bool matchValue(const ValuePattern &p, bool present, const QStringList &values, QString *matched)
{
    switch (p.kind) {
    case ValuePattern::Kind::Exists:
        return present == p.exists;
    case ValuePattern::Kind::Null:
        if (!present || values.isEmpty())
            return true;
        return std::all_of(values.begin(), values.end(), [](const QString &v) { return v.isNull(); });
    default:
        break;
    }
    for (const QString &v : values) {
        if (v.isNull())
            continue;
        bool hit = false;
        if (p.kind == ValuePattern::Kind::Cidr)
            hit = inNetwork(p, v);
        else if (p.kind == ValuePattern::Kind::Compare)
            hit = compareNumber(p, v);
        else if (p.kind == ValuePattern::Kind::Regex)
            hit = p.regex.match(v).hasMatch();
        else
            hit = p.regex.match(v).hasMatch();
        if (hit) {
            if (matched)
                *matched = v;
            return true;
        }
    }
    return false;
}

} // namespace backsight::sigma
