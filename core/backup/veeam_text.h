#pragma once

#include <QString>

#include <string_view>

// Text helpers shared by the Veeam session reader and its value parsers: ASCII case folding (Veeam's property
// names and enum values are ASCII), trimming and UTF-8 views to QString.
namespace backsight::backup::text {

inline char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// `lowerText` must already be lower case.
inline bool equalsIgnoreCase(std::string_view a, std::string_view lowerText)
{
    if (a.size() != lowerText.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lowerText[i])
            return false;
    }
    return true;
}

inline std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace backsight::backup::text
