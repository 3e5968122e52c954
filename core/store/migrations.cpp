#include "store/migrations.h"

namespace backsight {
namespace {

QString signInTable(const QString &name)
{
    return QStringLiteral(R"(CREATE TABLE %1 (
  id TEXT PRIMARY KEY NOT NULL,
  created_ms INTEGER NOT NULL,
  user_id TEXT, upn TEXT, display_name TEXT, user_type TEXT,
  app_id TEXT, app_name TEXT, resource TEXT, resource_id TEXT, client_app TEXT, auth_requirement TEXT,
  ip TEXT, city TEXT, state TEXT, country TEXT, latitude REAL, longitude REAL, asn INTEGER,
  os TEXT, browser TEXT, device_id TEXT, device_name TEXT, compliant INTEGER, managed INTEGER, trust_type TEXT,
  error_code INTEGER, failure_reason TEXT, ca_status TEXT, risk_level TEXT, risk_state TEXT,
  mfa_method TEXT, mfa_result TEXT, user_agent TEXT, correlation_id TEXT, session_id TEXT,
  interactive INTEGER NOT NULL, event_type TEXT NOT NULL,
  service_principal_id TEXT, service_principal_name TEXT,
  source_id INTEGER NOT NULL REFERENCES sources(id), record_index INTEGER NOT NULL))")
        .arg(name);
}

} // namespace

const QStringList &signInColumns()
{
    static const QStringList columns = {
        QStringLiteral("id"), QStringLiteral("created_ms"), QStringLiteral("user_id"), QStringLiteral("upn"),
        QStringLiteral("display_name"), QStringLiteral("user_type"), QStringLiteral("app_id"),
        QStringLiteral("app_name"), QStringLiteral("resource"), QStringLiteral("resource_id"),
        QStringLiteral("client_app"), QStringLiteral("auth_requirement"), QStringLiteral("ip"),
        QStringLiteral("city"), QStringLiteral("state"), QStringLiteral("country"), QStringLiteral("latitude"),
        QStringLiteral("longitude"), QStringLiteral("asn"), QStringLiteral("os"), QStringLiteral("browser"),
        QStringLiteral("device_id"), QStringLiteral("device_name"), QStringLiteral("compliant"),
        QStringLiteral("managed"), QStringLiteral("trust_type"), QStringLiteral("error_code"),
        QStringLiteral("failure_reason"), QStringLiteral("ca_status"), QStringLiteral("risk_level"),
        QStringLiteral("risk_state"), QStringLiteral("mfa_method"), QStringLiteral("mfa_result"),
        QStringLiteral("user_agent"), QStringLiteral("correlation_id"), QStringLiteral("session_id"),
        QStringLiteral("interactive"), QStringLiteral("event_type"), QStringLiteral("service_principal_id"),
        QStringLiteral("service_principal_name"), QStringLiteral("source_id"), QStringLiteral("record_index")};
    return columns;
}

const QStringList &auditColumns()
{
    static const QStringList columns = {
        QStringLiteral("id"), QStringLiteral("time_ms"), QStringLiteral("category"), QStringLiteral("activity"),
        QStringLiteral("operation_type"), QStringLiteral("result"), QStringLiteral("result_reason"),
        QStringLiteral("initiator_upn"), QStringLiteral("initiator_app"), QStringLiteral("initiator_id"),
        QStringLiteral("initiator_ip"), QStringLiteral("targets"), QStringLiteral("service"),
        QStringLiteral("correlation_id"), QStringLiteral("source_id"), QStringLiteral("record_index")};
    return columns;
}

const std::vector<QStringList> &schemaMigrations()
{
    static const std::vector<QStringList> migrations = {
        // 1: sources, sign-ins, workload sign-ins, audits, original records.
        {QStringLiteral(R"(CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  container TEXT,
  container_sha256 TEXT,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  reader TEXT NOT NULL,
  records_read INTEGER NOT NULL,
  records_new INTEGER NOT NULL,
  records_rejected INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  last_imported_at INTEGER NOT NULL,
  UNIQUE (path, sha256)))"),
         signInTable(QStringLiteral("signins")),
         QStringLiteral("CREATE INDEX signins_created ON signins(created_ms)"),
         QStringLiteral("CREATE INDEX signins_upn_created ON signins(upn, created_ms)"),
         signInTable(QStringLiteral("service_signins")),
         QStringLiteral("CREATE INDEX service_signins_created ON service_signins(created_ms)"),
         QStringLiteral(R"(CREATE TABLE audits (
  id TEXT PRIMARY KEY NOT NULL,
  time_ms INTEGER NOT NULL,
  category TEXT, activity TEXT, operation_type TEXT, result TEXT, result_reason TEXT,
  initiator_upn TEXT, initiator_app TEXT, initiator_id TEXT, initiator_ip TEXT,
  targets TEXT, service TEXT, correlation_id TEXT,
  source_id INTEGER NOT NULL REFERENCES sources(id), record_index INTEGER NOT NULL))"),
         QStringLiteral("CREATE INDEX audits_time ON audits(time_ms)"),
         // Blocks of original records, keyed by source_id * 2^32 + the block's first record index:
         // appends stay in key order, and an event finds its block from (source_id, record_index).
         QStringLiteral(R"(CREATE TABLE originals (
  id INTEGER PRIMARY KEY,
  last_record INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  data BLOB NOT NULL))")},
    };
    return migrations;
}

} // namespace backsight
