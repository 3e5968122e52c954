#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace backsight {

// The one error type of core's public API: what went wrong as a sentence for the analyst (naming the file,
// record or action), and a category the caller can act on without parsing the sentence.
struct Error
{
    enum class Category {
        BadInput,  // the input or the request is wrong: a malformed file, an unknown user, a bad argument
        Storage,   // the database failed: disk full, locked, corrupt, a newer schema, no permission
        Cancelled, // the user cancelled; nothing was half-written
        NotFound,  // what was asked for does not exist (a case file, a model, an anomaly id)
    };

    Category category = Category::Storage;
    QString message;

    static Error badInput(QString message) { return {Category::BadInput, std::move(message)}; }
    static Error storage(QString message) { return {Category::Storage, std::move(message)}; }
    static Error cancelled(QString message = QStringLiteral("cancelled")) { return {Category::Cancelled, std::move(message)}; }
    static Error notFound(QString message) { return {Category::NotFound, std::move(message)}; }

    static QString categoryName(Category c);
};

inline QString Error::categoryName(Category c)
{
    switch (c) {
    case Category::BadInput: return QStringLiteral("bad input");
    case Category::Storage: return QStringLiteral("storage");
    case Category::Cancelled: return QStringLiteral("cancelled");
    case Category::NotFound: return QStringLiteral("not found");
    }
    return QStringLiteral("error");
}

// A value or an Error (std::expected is C++23; Debian 12's GCC 12 builds C++20). Test with `if (r)`, read with
// `*r` / `r->`, and `r.error()` when it failed. Result<void> carries only success or an Error.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(state_); }
    const T &value() const & { return std::get<0>(state_); }
    T &&value() && { return std::get<0>(std::move(state_)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    const Error &error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *error_; }

private:
    std::optional<Error> error_;
};

using Status = Result<void>;

} // namespace backsight
