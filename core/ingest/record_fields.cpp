#include "ingest/record_fields.h"

#include "ingest/csv_record_stream.h"

#include <charconv>

namespace backsight {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view lower)
{
    if (a.size() != lower.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lower[i])
            return false;
    }
    return true;
}

bool isEmptyValue(const simdjson::dom::element &e)
{
    if (e.is_null())
        return true;
    std::string_view s;
    return e.get_string().get(s) == simdjson::SUCCESS && s.empty();
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

} // namespace

RecordFields::RecordFields() = default;
RecordFields::~RecordFields() = default;

void RecordFields::reset(simdjson::dom::object object)
{
    entries_.clear();
    names_.clear();
    nestedUsed_ = 0;
    for (auto [key, value] : object) {
        bool utc = false;
        const size_t offset = names_.size();
        normaliseHeaderInto(key, names_, &utc);
        const std::string_view name = std::string_view(names_).substr(offset);
        if (name == "date (utc)")
            utc = true;
        entries_.push_back({offset, name.size(), value, utc});
    }
}

std::optional<RecordFields::Element> RecordFields::field(std::initializer_list<std::string_view> names) const
{
    for (std::string_view name : names) {
        for (const Entry &e : entries_) {
            if (nameOf(e) == name && !isEmptyValue(e.value))
                return e.value;
        }
    }
    return std::nullopt;
}

bool RecordFields::declaredUtc(std::string_view name) const
{
    for (const Entry &e : entries_) {
        if (nameOf(e) == name)
            return e.utc;
    }
    return false;
}

std::optional<RecordFields::Element> RecordFields::asObjectOrArray(std::optional<Element> value)
{
    if (!value)
        return std::nullopt;
    if (value->is_object() || value->is_array())
        return value;
    std::string_view s;
    if (value->get_string().get(s) != simdjson::SUCCESS)
        return std::nullopt;
    s = trimmed(s);
    if (s.empty() || (s.front() != '{' && s.front() != '['))
        return std::nullopt;
    if (nestedUsed_ == nestedParsers_.size())
        nestedParsers_.push_back(std::make_unique<simdjson::dom::parser>());
    simdjson::dom::parser &parser = *nestedParsers_[nestedUsed_++];
    Element parsed;
    if (parser.parse(s.data(), s.size(), true).get(parsed) != simdjson::SUCCESS)
        return std::nullopt; // text that only looks like JSON stays text
    return parsed;
}

std::optional<RecordFields::Element> RecordFields::child(std::optional<Element> parent, std::string_view name)
{
    auto object = asObjectOrArray(parent);
    if (!object || !object->is_object())
        return std::nullopt;
    for (auto [key, value] : simdjson::dom::object(*object)) {
        if (equalsIgnoreCase(key, name) && !isEmptyValue(value))
            return value;
    }
    return std::nullopt;
}

std::string_view RecordFields::rawString(std::optional<Element> value)
{
    std::string_view s;
    if (value && value->get_string().get(s) == simdjson::SUCCESS)
        return s;
    return {};
}

std::string_view RecordFields::asText(std::optional<Element> value, std::string &scratch)
{
    if (!value)
        return {};
    char buffer[32];
    switch (value->type()) {
    case simdjson::dom::element_type::STRING: return rawString(value);
    case simdjson::dom::element_type::INT64: {
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, int64_t(*value));
        scratch.assign(buffer, r.ptr);
        return scratch;
    }
    case simdjson::dom::element_type::UINT64: {
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, uint64_t(*value));
        scratch.assign(buffer, r.ptr);
        return scratch;
    }
    case simdjson::dom::element_type::DOUBLE: {
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, double(*value));
        scratch.assign(buffer, r.ptr);
        return scratch;
    }
    case simdjson::dom::element_type::BOOL: return bool(*value) ? std::string_view("true") : std::string_view("false");
    case simdjson::dom::element_type::NULL_VALUE: return {};
    default: scratch = simdjson::minify(*value); return scratch;
    }
}

std::optional<qint64> RecordFields::integer(std::optional<Element> value)
{
    if (!value)
        return std::nullopt;
    int64_t i;
    if (value->get_int64().get(i) == simdjson::SUCCESS)
        return i;
    double d;
    if (value->get_double().get(d) == simdjson::SUCCESS) {
        // Converting a double outside qint64's range is undefined behaviour (found by fuzzing: 2.4e133).
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
            return std::nullopt;
        return qint64(d);
    }
    const std::string_view s = trimmed(rawString(value));
    if (s.empty())
        return std::nullopt;
    qint64 parsed = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), parsed);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return parsed;
}

std::optional<double> RecordFields::real(std::optional<Element> value)
{
    if (!value)
        return std::nullopt;
    double d;
    if (value->get_double().get(d) == simdjson::SUCCESS)
        return d;
    int64_t i;
    if (value->get_int64().get(i) == simdjson::SUCCESS)
        return double(i);
    const std::string_view s = trimmed(rawString(value));
    if (s.empty())
        return std::nullopt;
    bool ok = false;
    const double parsed = QByteArray(s.data(), qsizetype(s.size())).toDouble(&ok);
    return ok ? std::optional<double>(parsed) : std::nullopt;
}

std::optional<bool> RecordFields::boolean(std::optional<Element> value)
{
    if (!value)
        return std::nullopt;
    bool b;
    if (value->get_bool().get(b) == simdjson::SUCCESS)
        return b;
    const std::string_view s = trimmed(rawString(value));
    if (equalsIgnoreCase(s, "true") || equalsIgnoreCase(s, "yes") || s == "1")
        return true;
    if (equalsIgnoreCase(s, "false") || equalsIgnoreCase(s, "no") || s == "0")
        return false;
    return std::nullopt;
}

} // namespace backsight
