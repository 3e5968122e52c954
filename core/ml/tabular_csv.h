#pragma once

#include "model/result.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace backsight::ml {

// A numeric table such as the ODDS benchmark files: header x0..xN[,label], one row per line, comma separated.
// A column named "label" is never a feature: it is kept apart as 0/1.
struct NumericTable
{
    QStringList featureNames;
    std::vector<float> values;        // row-major, rows x featureNames.size()
    std::vector<int> labels;          // empty when there is no label column
    std::int64_t rows = 0;
    int columns() const { return int(featureNames.size()); }
};

// Reads FILE (plain or gzip-compressed, detected from content). BadInput with the file and line on bad input;
// NotFound when the file does not exist.
Result<NumericTable> readNumericCsv(const QString &path);

} // namespace backsight::ml
