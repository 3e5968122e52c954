#pragma once

#include "model/result.h"

#include <QString>

namespace backsight {

class Database;

// On a shared case (PostgreSQL): lets `role`, an existing login role, work on the case without owning it. It may
// read and write the case's tables and sequences (import, train, detect, triage) and append to the audit log,
// but never change, delete or truncate an audit entry. Without ownership it can neither disable the triggers that
// record its role as the author nor alter or drop a table. Run by the case's owner (or a superuser), in one
// transaction. BadInput on a case file; NotFound when no such role exists.
Status grantAnalystRole(Database &db, const QString &role);

} // namespace backsight
