#pragma once

#include <QString>
#include <memory>
#include <optional>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/timestamp.h"

namespace backsight {

// Case-insensitive access to one log record's fields. Graph (camelCase), Azure Monitor and Log Analytics
// (PascalCase, `X_dynamic` / `X_string` columns, JSON nested as text) all resolve through the same names.
class RecordFields
{
public:
    using Element = simdjson::dom::element;

    RecordFields();
    ~RecordFields();

    // Indexes the top-level fields of `object`. Elements stay valid until the next reset().
    void reset(simdjson::dom::object object);

    // The first present, non-null, non-empty top-level field among `names` (lower case).
    std::optional<Element> field(std::initializer_list<std::string_view> names) const;
    // A field of a nested object (case-insensitive); looks inside JSON text when the parent is a string.
    std::optional<Element> child(std::optional<Element> parent, std::string_view name);
    // `parent` itself as an object, parsing it when a Log Analytics cell holds it as text.
    std::optional<Element> asObjectOrArray(std::optional<Element> value);
    // Whether the named top-level field was declared UTC by its column name (`... [UTC]`, `Date (UTC)`).
    bool declaredUtc(std::string_view name) const;

    // Strings as they are; numbers, booleans, objects and arrays written into `scratch` (valid until
    // the next call with it).
    static std::string_view asText(std::optional<Element> value, std::string &scratch);
    static std::optional<qint64> integer(std::optional<Element> value);
    static std::optional<double> real(std::optional<Element> value);
    static std::optional<bool> boolean(std::optional<Element> value);
    static std::string_view rawString(std::optional<Element> value);

private:
    struct Entry
    {
        size_t nameOffset, nameLength;
        Element value;
        bool utc;
    };
    std::string_view nameOf(const Entry &e) const { return std::string_view(names_).substr(e.nameOffset, e.nameLength); }
    std::vector<Entry> entries_;
    std::string names_; // normalised field names of the current record, reused to avoid allocations
    std::vector<std::unique_ptr<simdjson::dom::parser>> nestedParsers_;
    size_t nestedUsed_ = 0;
};

} // namespace backsight
