#pragma once

#include <QString>
#include <memory>
#include <string_view>

namespace backsight {

// Incremental SHA-256. OpenSSL's implementation is used because it takes the CPU's SHA extensions,
// several times faster than QCryptographicHash on the multi-gigabyte files an import hashes.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    void add(std::string_view bytes);
    QString hex(); // finishes the hash
private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace backsight
