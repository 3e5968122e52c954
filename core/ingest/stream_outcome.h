#pragma once

#include "model/result.h"

#include <QString>

namespace backsight {

// What a reader's step answers (CsvRecordStream, JsonRecordStream, SourceReader): `ok`, else the reader's sentence
// about the input as BadInput, and a failure with no sentence is the record callback's stop (Cancelled).
inline Status streamOutcome(bool ok, const QString &sentence)
{
    if (ok)
        return {};
    if (!sentence.isEmpty())
        return Error::badInput(sentence);
    return Error::cancelled();
}

} // namespace backsight
