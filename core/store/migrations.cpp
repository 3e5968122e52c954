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
        QStringLiteral("service_principal_name"), QStringLiteral("auth_protocol"), QStringLiteral("as_org"), QStringLiteral("source_id"),
        QStringLiteral("record_index")};
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

const QStringList &backupSessionColumns()
{
    static const QStringList columns = {
        QStringLiteral("id"), QStringLiteral("job_id"), QStringLiteral("job_name"), QStringLiteral("job_type"),
        QStringLiteral("session_type"), QStringLiteral("level"), QStringLiteral("parent_id"), QStringLiteral("server"),
        QStringLiteral("server_uid"), QStringLiteral("creation_ms"), QStringLiteral("end_ms"), QStringLiteral("result"),
        QStringLiteral("state"), QStringLiteral("message"), QStringLiteral("is_full"),
        QStringLiteral("transferred_bytes"), QStringLiteral("read_bytes"), QStringLiteral("processed_bytes"),
        QStringLiteral("processed_used_bytes"), QStringLiteral("total_bytes"), QStringLiteral("backup_size"),
        QStringLiteral("data_size"), QStringLiteral("dedup_ratio"), QStringLiteral("compress_ratio"),
        QStringLiteral("avg_speed"), QStringLiteral("duration_s"), QStringLiteral("progress_percent"),
        QStringLiteral("utc_offset_min"), QStringLiteral("source_id"), QStringLiteral("record_index")};
    return columns;
}

namespace {

// 1: sources, sign-ins, workload sign-ins, audits, original records.
QStringList migration1()
{
    return {QStringLiteral(R"(CREATE TABLE sources (
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
  data BLOB NOT NULL))")};
}

// 2: detection (baselines, runs, watermarks, anomalies) and case records (notes, tags, audit log).
// Owned by core/baseline, core/detect and core/cases; unreleased until the detection issue lands.
// 2, detection: baselines, day aggregates, running windows, runs, watermarks and anomalies.
QStringList migration2Detection()
{
    return {QStringLiteral(R"(CREATE TABLE baselines (
  id INTEGER PRIMARY KEY,
  upn TEXT NOT NULL,
  window_days INTEGER NOT NULL,
  window_start_ms INTEGER NOT NULL,
  window_end_ms INTEGER NOT NULL,
  events_used INTEGER NOT NULL,
  active_days INTEGER NOT NULL,
  learning INTEGER NOT NULL,
  utc_offset_minutes INTEGER,
  home_city TEXT, home_country TEXT, home_latitude REAL, home_longitude REAL,
  profile TEXT NOT NULL,
  computed_at_ms INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX baselines_upn ON baselines(upn, window_end_ms)"),
            // One user's sign-ins of one UTC day, counted (baseline::DayAggregate): a window's baseline is a sum of rows.
            QStringLiteral(R"(CREATE TABLE user_days (
  upn TEXT NOT NULL,
  day INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (upn, day)) WITHOUT ROWID)"),
            // The running baseline after a detection run: the window of `window_days` days ending at `end_day`
            // (exclusive), as baseline::Profile::serialize. The next run for that day starts from it.
            QStringLiteral(R"(CREATE TABLE user_windows (
  upn TEXT PRIMARY KEY NOT NULL,
  window_days INTEGER NOT NULL,
  end_day INTEGER NOT NULL,
  data BLOB NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE detection_runs (
  id INTEGER PRIMARY KEY,
  started_ms INTEGER NOT NULL,
  finished_ms INTEGER,
  events_examined INTEGER NOT NULL DEFAULT 0,
  anomalies_added INTEGER NOT NULL DEFAULT 0,
  parameters TEXT NOT NULL,
  status TEXT NOT NULL))"),
            QStringLiteral("CREATE TABLE watermarks (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL)"),
            // One row per finding after the severity policy. `event_id`/`kind` are the primary event and kind
            // (what `eval` reads); `kinds`, `event_ids` and `reasons` are JSON arrays with everything.
            QStringLiteral(R"(CREATE TABLE anomalies (
  id TEXT PRIMARY KEY NOT NULL,
  subject_type TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_upn TEXT,
  event_id TEXT,
  event_table TEXT,
  time_ms INTEGER NOT NULL,
  end_ms INTEGER,
  kind TEXT NOT NULL,
  kinds TEXT NOT NULL,
  severity TEXT NOT NULL,
  severity_rank INTEGER NOT NULL,
  score REAL,
  threat_score INTEGER,
  summary TEXT NOT NULL,
  reasons TEXT NOT NULL,
  event_ids TEXT NOT NULL,
  detected_at_ms INTEGER NOT NULL,
  run_id INTEGER REFERENCES detection_runs(id),
  baseline_id INTEGER,
  model_id INTEGER,
  status TEXT NOT NULL DEFAULT 'new',
  status_by TEXT,
  status_at_ms INTEGER))"),
            QStringLiteral("CREATE INDEX anomalies_time ON anomalies(time_ms)"),
            QStringLiteral("CREATE INDEX anomalies_user ON anomalies(user_upn, time_ms)"),
            QStringLiteral("CREATE INDEX anomalies_subject ON anomalies(subject, time_ms)"),
            QStringLiteral("CREATE INDEX anomalies_severity ON anomalies(severity_rank, time_ms)"),
            QStringLiteral(R"(CREATE TABLE anomaly_events (
  anomaly_id TEXT NOT NULL REFERENCES anomalies(id),
  event_id TEXT NOT NULL,
  PRIMARY KEY (anomaly_id, event_id)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX anomaly_events_event ON anomaly_events(event_id)")};
}

// 2, the case records: analysts' notes and tags on anomalies, and the append-only audit log.
QStringList migration2CaseRecords()
{
    return {QStringLiteral(R"(CREATE TABLE anomaly_notes (
  id INTEGER PRIMARY KEY,
  anomaly_id TEXT NOT NULL REFERENCES anomalies(id),
  author TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  text TEXT NOT NULL))"),
            QStringLiteral("CREATE INDEX anomaly_notes_anomaly ON anomaly_notes(anomaly_id)"),
            QStringLiteral(R"(CREATE TABLE anomaly_tags (
  anomaly_id TEXT NOT NULL REFERENCES anomalies(id),
  tag TEXT NOT NULL,
  author TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  PRIMARY KEY (anomaly_id, tag)) WITHOUT ROWID)"),
            // Append-only: every analyst action (status, note, tag, export, retrain), never changed or removed.
            QStringLiteral(R"(CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms INTEGER NOT NULL,
  author TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT))"),
            QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
            QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")};
}

QStringList migration2()
{
    return migration2Detection() + migration2CaseRecords();
}

// 3: model registry (core/ml). Unreleased until the ML issue lands.
QStringList migration3()
{
    return {QStringLiteral(R"(CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  subject TEXT NOT NULL,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  parameters TEXT NOT NULL,
  window_start_ms INTEGER,
  window_end_ms INTEGER,
  events_used INTEGER NOT NULL,
  threshold REAL,
  metrics TEXT,
  score_distribution TEXT,
  training_ms INTEGER,
  created_at_ms INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  data BLOB NOT NULL,
  UNIQUE (scope, subject, kind, version)))"),
            QStringLiteral("CREATE INDEX models_subject ON models(scope, subject, kind, active)")};
}

// 4: Veeam Backup & Replication job sessions (core/backup). Unreleased until the backup issue lands.
// One row per job session (level 'job', server = the job name) or task session (level 'task', server =
// the VM / agent). Ratios are factors (2.5 = 2.5x; Veeam's percentages are converted), sizes bytes,
// avg_speed bytes/s, result Success|Warning|Failed|None, is_full 1 full / 0 incremental / NULL unknown.
QStringList migration4()
{
    return {QStringLiteral(R"(CREATE TABLE backup_sessions (
  id TEXT PRIMARY KEY NOT NULL,
  job_id TEXT, job_name TEXT, job_type TEXT, session_type TEXT,
  level TEXT NOT NULL, parent_id TEXT,
  server TEXT NOT NULL, server_uid TEXT,
  creation_ms INTEGER NOT NULL,
  end_ms INTEGER,
  result TEXT, state TEXT, message TEXT, is_full INTEGER,
  transferred_bytes INTEGER, read_bytes INTEGER, processed_bytes INTEGER, processed_used_bytes INTEGER,
  total_bytes INTEGER, backup_size INTEGER, data_size INTEGER,
  dedup_ratio REAL, compress_ratio REAL, avg_speed REAL, duration_s REAL, progress_percent INTEGER,
  source_id INTEGER NOT NULL REFERENCES sources(id), record_index INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX backup_sessions_server ON backup_sessions(server, creation_ms)")};
}

// 5: watch folders (core/watch, store/watch_store). The folders the GUI watches for this case; every file a
// watcher has taken in, at the size and time it had then (so a restart imports only what is new or grown);
// the anomalies it has raised as alerts (each once); and whether its alerts have been started.
QStringList migration5()
{
    return {QStringLiteral("CREATE TABLE watched_folders (path TEXT PRIMARY KEY NOT NULL, added_at_ms INTEGER NOT NULL)"),
            QStringLiteral(R"(CREATE TABLE watched_files (
  path TEXT PRIMARY KEY NOT NULL,
  size_bytes INTEGER NOT NULL,
  modified_ms INTEGER NOT NULL,
  seen_at_ms INTEGER NOT NULL,
  events_new INTEGER NOT NULL,
  error TEXT))"),
            QStringLiteral("CREATE TABLE watch_alerts (anomaly_id TEXT PRIMARY KEY NOT NULL, alerted_at_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE watch_state (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL)")};
}

// 6: the backup server's UTC offset (minutes) at a session's start, where the export says it, so a
// server's weekday and month end are taken in its own zone (docs/backup-models.md).
QStringList migration6()
{
    return {QStringLiteral("ALTER TABLE backup_sessions ADD COLUMN utc_offset_min INTEGER")};
}

// 7: the sign-in's authentication protocol (Graph authenticationProtocol, Log Analytics AuthenticationProtocol):
// "deviceCode" and "ropc" sign-ins are what the device-code phishing and ROPC detectors look for.
QStringList migration7()
{
    return {QStringLiteral("ALTER TABLE signins ADD COLUMN auth_protocol TEXT"),
            QStringLiteral("ALTER TABLE service_signins ADD COLUMN auth_protocol TEXT")};
}

// 8: identity ↔ backup incidents
// (core/detect/incidents, store/incident_store). An incident joins identity parts (an anomalous sign-in, a
// privileged audit event, a backup console sign-in) with the backup anomalies that followed within the
// window; every part names the row it came from (source 'anomalies', 'audits' or 'signins', ref_id).
QStringList migration8()
{
    return {QStringLiteral(R"(CREATE TABLE incidents (
  id TEXT PRIMARY KEY NOT NULL,
  identity_ms INTEGER NOT NULL,
  backup_ms INTEGER NOT NULL,
  first_ms INTEGER NOT NULL,
  last_ms INTEGER NOT NULL,
  severity TEXT NOT NULL,
  severity_rank INTEGER NOT NULL,
  summary TEXT NOT NULL,
  window_hours INTEGER NOT NULL,
  detected_at_ms INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX incidents_time ON incidents(first_ms)"),
            QStringLiteral(R"(CREATE TABLE incident_parts (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  role TEXT NOT NULL,
  source TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  severity_rank INTEGER NOT NULL,
  threat_score INTEGER,
  summary TEXT NOT NULL,
  PRIMARY KEY (incident_id, source, ref_id)) WITHOUT ROWID)")};
}

// 9: the organisation of the sign-in's
// autonomous system next to its number (filled at import from resources/asn, core/enrich), and the case's
// own settings (detection sensitivity: it belongs to the case, so the CLI, the GUI and every analyst of a
// shared case detect alike, and each detection run records it).
QStringList migration9()
{
    return {QStringLiteral("ALTER TABLE signins ADD COLUMN as_org TEXT"),
            QStringLiteral("ALTER TABLE service_signins ADD COLUMN as_org TEXT"),
            QStringLiteral("CREATE TABLE case_settings (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")};
}

// 10: the shared case's work queue (store/work_queue.h, docs/storage.md "Distributed work"): a command that
// spreads training or detection over `backsight-cli worker` processes opens a batch (its connection's
// server process id tells the workers it is still waiting) and enqueues one item per user; workers claim
// items under a lease and write their results back. Used on PostgreSQL; a case file runs inline.
QStringList migration10()
{
    return {QStringLiteral(R"(CREATE TABLE work_batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  parameters BLOB NOT NULL,
  coordinator INTEGER NOT NULL,
  created_ms INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE work_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id INTEGER NOT NULL REFERENCES work_batches(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  payload BLOB NOT NULL,
  state TEXT NOT NULL,
  worker TEXT,
  attempts INTEGER NOT NULL,
  lease_until_ms INTEGER,
  result BLOB,
  error TEXT,
  UNIQUE (batch_id, seq)))"),
            QStringLiteral("CREATE INDEX work_items_state ON work_items(state, id)")};
}

// 11: on a shared case the author of every case edit is the database role the analyst signed in as
// (postgresOnlyStatements below). A case file has one analyst at one workstation: nothing changes there.
QStringList migration11()
{
    return {};
}

// 12: on a shared case TRUNCATE, which skips row triggers, cannot empty the audit log either
// (postgresOnlyStatements below); SQLite has no TRUNCATE.
QStringList migration12()
{
    return {};
}

} // namespace

const std::vector<QStringList> &schemaMigrations()
{
    static const std::vector<QStringList> migrations = {migration1(), migration2(), migration3(), migration4(),
                                                        migration5(), migration6(), migration7(), migration8(),
                                                        migration9(), migration10(), migration11(), migration12()};
    return migrations;
}

const QStringList &postgresOnlyStatements(int version)
{
    // 11: BEFORE triggers set the author columns from session_user (the role that authenticated, which SET ROLE
    // and SECURITY DEFINER functions do not change), whatever name the client sent. The name the client chose
    // (--author, the settings, $USER) is not thrown away: when it differs from the role, the audit entry keeps
    // it as detail.display_name, a claim beside the author the server vouches for (docs/storage.md).
    static const QStringList authors = {
        QStringLiteral(R"(CREATE FUNCTION case_edit_author_fn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.author := session_user;
  RETURN NEW;
END$$)"),
        QStringLiteral("CREATE TRIGGER anomaly_notes_author BEFORE INSERT OR UPDATE ON anomaly_notes "
                       "FOR EACH ROW EXECUTE FUNCTION case_edit_author_fn()"),
        QStringLiteral("CREATE TRIGGER anomaly_tags_author BEFORE INSERT OR UPDATE ON anomaly_tags "
                       "FOR EACH ROW EXECUTE FUNCTION case_edit_author_fn()"),
        // Detection inserts findings with no status author; any status written afterwards is the role's.
        QStringLiteral(R"(CREATE FUNCTION anomalies_status_by_fn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR NEW.status_by IS NOT NULL THEN
    NEW.status_by := session_user;
  END IF;
  RETURN NEW;
END$$)"),
        QStringLiteral("CREATE TRIGGER anomalies_status_by BEFORE INSERT OR UPDATE OF status, status_by, status_at_ms "
                       "ON anomalies FOR EACH ROW EXECUTE FUNCTION anomalies_status_by_fn()"),
        // A detail that is not a JSON object (no Backsight writes one) is stored as sent, without the display name.
        QStringLiteral(R"(CREATE FUNCTION audit_log_author_fn() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  claimed text := btrim(coalesce(NEW.author, ''));
BEGIN
  IF claimed <> '' AND claimed <> session_user::text THEN
    BEGIN
      IF jsonb_typeof(coalesce(NEW.detail, '{}')::jsonb) = 'object' THEN
        NEW.detail := (coalesce(NEW.detail, '{}')::jsonb || jsonb_build_object('display_name', claimed))::text;
      END IF;
    EXCEPTION WHEN invalid_text_representation THEN
      NULL;
    END;
  END IF;
  NEW.author := session_user;
  RETURN NEW;
END$$)"),
        QStringLiteral("CREATE TRIGGER audit_log_author BEFORE INSERT ON audit_log "
                       "FOR EACH ROW EXECUTE FUNCTION audit_log_author_fn()"),
    };
    // 12: the audit log's row triggers refuse UPDATE and DELETE, but TRUNCATE fires no row trigger: a statement
    // trigger refuses it, for the case's owner too (an analyst role without ownership may not truncate anyway).
    static const QStringList noTruncate = {
        QStringLiteral("CREATE FUNCTION audit_log_no_truncate_fn() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$BEGIN RAISE EXCEPTION 'the audit log is append-only'; END$$"),
        QStringLiteral("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                       "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate_fn()"),
    };
    static const QStringList none;
    return version == 11 ? authors : version == 12 ? noTruncate : none;
}

} // namespace backsight
