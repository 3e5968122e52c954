<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Cli</name>
    <message>
        <source>Record an analyst&apos;s work on anomalies (each action is committed and audit-logged at once).

  case status --id ID[,ID...] --set new|investigating|confirmed|dismissed [--note TEXT]
  case note   --id ID[,ID...] --text TEXT
  case tag    --id ID[,ID...] (--add TAG | --remove TAG)
  case show   --id ID[,ID...]         status, notes and tags as JSON Lines
  case log    [--id ID] [--action NAME] [--json]   the audit log, oldest first

--author NAME (default: $USER) names who acted. On a case on a server the author recorded is the database
role you signed in as; a different NAME is kept beside it in the audit log (display_name).</source>
        <translation>Hält die Arbeit eines Analysten an Anomalien fest (jede Aktion wird sofort gespeichert und im Audit-Log vermerkt).

  case status --id ID[,ID...] --set new|investigating|confirmed|dismissed [--note TEXT]
  case note   --id ID[,ID...] --text TEXT
  case tag    --id ID[,ID...] (--add TAG | --remove TAG)
  case show   --id ID[,ID...]         Status, Notizen und Tags als JSON Lines
  case log    [--id ID] [--action NAME] [--json]   das Audit-Log, älteste zuerst

--author NAME (Standard: $USER) nennt, wer gehandelt hat. In einem Fall auf einem Server wird die Datenbankrolle,
mit der Sie angemeldet sind, als Autor festgehalten; ein abweichender NAME steht daneben im Audit-Log (display_name).</translation>
    </message>
    <message>
        <source>status, note, tag, show or log</source>
        <translation>status, note, tag, show oder log</translation>
    </message>
    <message>
        <source>Anomaly ids, comma-separated.</source>
        <translation>Anomalie-IDs, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>The new status.</source>
        <translation>Der neue Status.</translation>
    </message>
    <message>
        <source>A note to add with the status.</source>
        <translation>Eine Notiz zum Status.</translation>
    </message>
    <message>
        <source>The note&apos;s text.</source>
        <translation>Der Text der Notiz.</translation>
    </message>
    <message>
        <source>Tag to add.</source>
        <translation>Hinzuzufügender Tag.</translation>
    </message>
    <message>
        <source>Tag to remove.</source>
        <translation>Zu entfernender Tag.</translation>
    </message>
    <message>
        <source>Who acted (default: $USER).</source>
        <translation>Wer gehandelt hat (Standard: $USER).</translation>
    </message>
    <message>
        <source>log: only this action.</source>
        <translation>log: nur diese Aktion.</translation>
    </message>
    <message>
        <source>log: JSON Lines instead of a table.</source>
        <translation>log: JSON Lines statt einer Tabelle.</translation>
    </message>
    <message>
        <source>say status, note, tag, show or log</source>
        <translation>status, note, tag, show oder log angeben</translation>
    </message>
    <message>
        <source>--id is required</source>
        <translation>--id ist erforderlich</translation>
    </message>
    <message>
        <source>--set is one of %1</source>
        <translation>--set ist eines von %1</translation>
    </message>
    <message>
        <source>--text is required</source>
        <translation>--text ist erforderlich</translation>
    </message>
    <message>
        <source>give --add TAG or --remove TAG</source>
        <translation>--add TAG oder --remove TAG angeben</translation>
    </message>
    <message>
        <source>%1 of %2 anomalies now %3</source>
        <translation>%1 von %2 Anomalien jetzt %3</translation>
    </message>
    <message>
        <source>no anomaly %1 in %2</source>
        <translation>keine Anomalie %1 in %2</translation>
    </message>
    <message>
        <source>Import Entra ID log exports (files, folders, zip) into the database</source>
        <translation>Entra-ID-Protokollexporte (Dateien, Ordner, ZIP) in die Datenbank importieren</translation>
    </message>
    <message>
        <source>Counts of what the database holds</source>
        <translation>Zählt, was die Datenbank enthält</translation>
    </message>
    <message>
        <source>Print stored events as CSV or JSON Lines</source>
        <translation>Gespeicherte Ereignisse als CSV oder JSON Lines ausgeben</translation>
    </message>
    <message>
        <source>Write a synthetic demo tenant&apos;s logs (Veeam restore layout)</source>
        <translation>Protokolle eines synthetischen Demo-Mandanten schreiben (Veeam-Wiederherstellungslayout)</translation>
    </message>
    <message>
        <source>Score the database&apos;s anomalies against a generated tenant&apos;s labels</source>
        <translation>Die Anomalien der Datenbank an den Labels eines generierten Mandanten messen</translation>
    </message>
    <message>
        <source>Compute per-user baselines (and train models) over a window</source>
        <translation>Baselines je Benutzer über ein Zeitfenster berechnen (und Modelle trainieren)</translation>
    </message>
    <message>
        <source>Examine new events and store anomalies with reasons and severity</source>
        <translation>Neue Ereignisse prüfen und Anomalien mit Gründen und Schweregrad speichern</translation>
    </message>
    <message>
        <source>Print the stored anomalies as JSON Lines, CSV or a table</source>
        <translation>Die gespeicherten Anomalien als JSON Lines, CSV oder Tabelle ausgeben</translation>
    </message>
    <message>
        <source>Servers with backup sessions, their latest threat score and model</source>
        <translation>Server mit Backup-Sitzungen, ihr neuester Bedrohungswert und Modell</translation>
    </message>
    <message>
        <source>Fit and score an Isolation Forest on a numeric CSV (ODDS benchmark files)</source>
        <translation>Einen Isolation Forest an eine numerische CSV anpassen und bewerten (ODDS-Benchmarkdateien)</translation>
    </message>
    <message>
        <source>Trained models and their versions; roll back to an older version</source>
        <translation>Trainierte Modelle und ihre Versionen; zu einer älteren Version zurückkehren</translation>
    </message>
    <message>
        <source>Write an incident report (PDF) or the anomalies (CSV, JSON Lines); audit-logged</source>
        <translation>Einen Vorfallsbericht (PDF) oder die Anomalien (CSV, JSON Lines) schreiben; im Audit-Log vermerkt</translation>
    </message>
    <message>
        <source>Triage status, notes and tags of anomalies; the audit log</source>
        <translation>Triage-Status, Notizen und Tags von Anomalien; das Audit-Log</translation>
    </message>
    <message>
        <source>Run Sigma rules (Azure sign-in, audit, risk) over the case; matches become anomalies</source>
        <translation>Sigma-Regeln (Azure-Anmeldung, Audit, Risiko) auf den Fall anwenden; Treffer werden Anomalien</translation>
    </message>
    <message>
        <source>Watch folders: import new exports, detect, print new high/critical anomalies</source>
        <translation>Ordner überwachen: neue Exporte importieren, erkennen, neue hohe/kritische Anomalien ausgeben</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>there is no case database at %1 (that is a folder); check --db, or create the case with &apos;backsight-cli --db PATH import EXPORTS...&apos;</source>
        <translation>unter %1 gibt es keine Falldatenbank (das ist ein Ordner); --db prüfen oder den Fall mit &apos;backsight-cli --db PATH import EXPORTS...&apos; anlegen</translation>
    </message>
    <message>
        <source>there is no case database at %1; check --db, or create the case with &apos;backsight-cli --db PATH import EXPORTS...&apos;</source>
        <translation>unter %1 gibt es keine Falldatenbank; --db prüfen oder den Fall mit &apos;backsight-cli --db PATH import EXPORTS...&apos; anlegen</translation>
    </message>
    <message>
        <source>Baseline window in days (default 60).</source>
        <translation>Baseline-Zeitfenster in Tagen (Standard 60).</translation>
    </message>
    <message>
        <source>--window-days must be a whole number of days between 1 and 3650</source>
        <translation>--window-days muss eine ganze Zahl von Tagen zwischen 1 und 3650 sein</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Compute every user&apos;s baseline over the window that ends after the latest sign-in.</source>
        <translation>Die Baseline jedes Benutzers über das Zeitfenster berechnen, das nach der letzten Anmeldung endet.</translation>
    </message>
    <message>
        <source>No sign-ins in %1: no baselines. Import logs first.</source>
        <translation>Keine Anmeldungen in %1: keine Baselines. Zuerst Protokolle importieren.</translation>
    </message>
    <message>
        <source>Baselines: %1 users (%2 still learning), %3 sign-ins in %4 days from %5 to %6</source>
        <translation>Baselines: %1 Benutzer (%2 lernen noch), %3 Anmeldungen in %4 Tagen von %5 bis %6</translation>
    </message>
    <message>
        <source>Sign-in models: %1 per-user Isolation Forests, %2 tenant models</source>
        <translation>Anmeldemodelle: %1 Isolation Forests je Benutzer, %2 Mandantenmodelle</translation>
    </message>
    <message>
        <source>The sign-in models learnt from sign-ins before %1 and judge only those after it</source>
        <translation>Die Anmeldemodelle lernten aus den Anmeldungen vor %1 und beurteilen nur die danach</translation>
    </message>
    <message>
        <source>Backup models: %1 LSTM autoencoders (per server and fleet) from %2 sessions</source>
        <translation>Backup-Modelle: %1 LSTM-Autoencoder (je Server und Flotte) aus %2 Sitzungen</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Trained in %1 ms</source>
        <translation>Trainiert in %1 ms</translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation>Kein Fortschritt auf stderr.</translation>
    </message>
    <message>
        <source>Also run the Sigma rules in DIR (default: $BACKSIGHT_SIGMA_RULES, else the folder set in the GUI&apos;s Settings); re-running adds no duplicates.</source>
        <translation>Auch die Sigma-Regeln in DIR anwenden (Standard: $BACKSIGHT_SIGMA_RULES, sonst der in den Einstellungen der GUI gesetzte Ordner); erneutes Ausführen erzeugt keine Duplikate.</translation>
    </message>
    <message>
        <source>Examine the events no earlier detection examined and store the anomalies.</source>
        <translation>Die Ereignisse prüfen, die keine frühere Erkennung geprüft hat, und die Anomalien speichern.</translation>
    </message>
    <message>
        <source>Sigma rules in %1: %2 matches, %3 new anomalies.</source>
        <translation>Sigma-Regeln in %1: %2 Treffer, %3 neue Anomalien.</translation>
    </message>
    <message>
        <source>Nothing new to examine in %1 (every event was examined by an earlier run).</source>
        <translation>Nichts Neues zu prüfen in %1 (jedes Ereignis wurde von einem früheren Lauf geprüft).</translation>
    </message>
    <message>
        <source>%1 critical</source>
        <translation>%1 kritisch</translation>
    </message>
    <message>
        <source>%1 high</source>
        <translation>%1 hoch</translation>
    </message>
    <message>
        <source>%1 medium</source>
        <translation>%1 mittel</translation>
    </message>
    <message>
        <source>%1 low</source>
        <translation>%1 niedrig</translation>
    </message>
    <message>
        <source>Error codes not in the result table (counted as unknown failures, never as success): %1</source>
        <translation>Fehlercodes, die nicht in der Ergebnistabelle stehen (als unbekannte Fehlschläge gezählt, nie als Erfolg): %1</translation>
    </message>
    <message>
        <source>jsonl (default), csv, table, timesketch (JSONL), timesketch-csv or ecs (NDJSON).</source>
        <translation>jsonl (Standard), csv, table, timesketch (JSONL), timesketch-csv oder ecs (NDJSON).</translation>
    </message>
    <message>
        <source>low, medium, high or critical.</source>
        <translation>low, medium, high oder critical.</translation>
    </message>
    <message>
        <source>Only this user&apos;s anomalies.</source>
        <translation>Nur die Anomalien dieses Benutzers.</translation>
    </message>
    <message>
        <source>Only these primary kinds (comma-separated).</source>
        <translation>Nur diese Hauptarten (durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>Start CSV with a UTF-8 byte order mark (Excel).</source>
        <translation>CSV mit einer UTF-8-Bytereihenfolgemarkierung beginnen (Excel).</translation>
    </message>
    <message>
        <source>Print the stored anomalies.</source>
        <translation>Die gespeicherten Anomalien ausgeben.</translation>
    </message>
    <message>
        <source>--format must be jsonl, csv, table, timesketch, timesketch-csv or ecs</source>
        <translation>--format muss jsonl, csv, table, timesketch, timesketch-csv oder ecs sein</translation>
    </message>
    <message>
        <source>--min-severity must be low, medium, high or critical</source>
        <translation>--min-severity muss low, medium, high oder critical sein</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>kann nicht auf die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>attacks</source>
        <translation>Angriffe</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>time to detection (median)</source>
        <translation>Zeit bis zur Erkennung (Median)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>
anomalies: %1 (severity &gt;= medium: %2), precision %3
</source>
        <translation>
Anomalien: %1 (Schweregrad &gt;= mittel: %2), Präzision %3
</translation>
    </message>
    <message>
        <source>false high/critical: %1 in %2 user-days = %3 per 1,000 user-days
</source>
        <translation>falsch hoch/kritisch: %1 in %2 Benutzertagen = %3 je 1.000 Benutzertage
</translation>
    </message>
    <message>
        <source>PR-AUC of per-event scores: %1
</source>
        <translation>PR-AUC der Werte je Ereignis: %1
</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>labels.csv written by generate.</source>
        <translation>Von generate geschriebene labels.csv.</translation>
    </message>
    <message>
        <source>Score the database&apos;s anomalies against the ground truth of a generated tenant: recall per attack kind, precision, false alarms per 1,000 user-days, PR-AUC (docs/simulation.md).</source>
        <translation>Die Anomalien der Datenbank an der Grundwahrheit eines generierten Mandanten messen: Recall je Angriffsart, Präzision, Fehlalarme je 1.000 Benutzertage, PR-AUC (docs/simulation.md).</translation>
    </message>
    <message>
        <source>--labels FILE is required</source>
        <translation>--labels FILE ist erforderlich</translation>
    </message>
    <message>
        <source>%1 (write it with a zone, e.g. 2024-11-01T00:00:00Z)</source>
        <translation>%1 (mit Zeitzone schreiben, z. B. 2024-11-01T00:00:00Z)</translation>
    </message>
    <message>
        <source>Only this user (UPN).</source>
        <translation>Nur dieser Benutzer (UPN).</translation>
    </message>
    <message>
        <source>From this time (ISO 8601 with zone), inclusive.</source>
        <translation>Ab diesem Zeitpunkt (ISO 8601 mit Zeitzone), einschließlich.</translation>
    </message>
    <message>
        <source>Up to this time (ISO 8601 with zone), exclusive.</source>
        <translation>Bis zu diesem Zeitpunkt (ISO 8601 mit Zeitzone), ausschließlich.</translation>
    </message>
    <message>
        <source>csv, jsonl, timesketch (JSONL), timesketch-csv or ecs (NDJSON).</source>
        <translation>csv, jsonl, timesketch (JSONL), timesketch-csv oder ecs (NDJSON).</translation>
    </message>
    <message>
        <source>signins (default: user sign-ins), service (service principals and managed identities) or audits.</source>
        <translation>signins (Standard: Benutzeranmeldungen), service (Dienstprinzipale und verwaltete Identitäten) oder audits.</translation>
    </message>
    <message>
        <source>Print stored events in time order.</source>
        <translation>Gespeicherte Ereignisse in zeitlicher Reihenfolge ausgeben.</translation>
    </message>
    <message>
        <source>--format csv|jsonl|timesketch|timesketch-csv|ecs is required</source>
        <translation>--format csv|jsonl|timesketch|timesketch-csv|ecs ist erforderlich</translation>
    </message>
    <message>
        <source>--table is signins, service or audits</source>
        <translation>--table ist signins, service oder audits</translation>
    </message>
    <message>
        <source>Number of users (default 300).</source>
        <translation>Anzahl der Benutzer (Standard 300).</translation>
    </message>
    <message>
        <source>Number of days (default 90).</source>
        <translation>Anzahl der Tage (Standard 90).</translation>
    </message>
    <message>
        <source>Random seed (default 42).</source>
        <translation>Zufallsstartwert (Standard 42).</translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD (UTC).</source>
        <translation>Erster Tag, YYYY-MM-DD (UTC).</translation>
    </message>
    <message>
        <source>all, none, or a comma-separated list of: %1; with --realism all adds %2 (default all).</source>
        <translation>all, none oder eine durch Kommas getrennte Liste aus: %1; mit --realism fügt all %2 hinzu (Standard all).</translation>
    </message>
    <message>
        <source>veeam-folder (default), veeam-zip (--out is the .zip file), graph, diagnostic or csv.</source>
        <translation>veeam-folder (Standard), veeam-zip (--out ist die .zip-Datei), graph, diagnostic oder csv.</translation>
    </message>
    <message>
        <source>Where to write labels.csv (default: DIR-labels.csv next to DIR).</source>
        <translation>Wohin labels.csv geschrieben wird (Standard: DIR-labels.csv neben DIR).</translation>
    </message>
    <message>
        <source>Folder to write the logs to.</source>
        <translation>Ordner, in den die Protokolle geschrieben werden.</translation>
    </message>
    <message>
        <source>Also write Veeam backup session histories of N servers in DIR/Backup sessions, with attacks %1 (default 0).</source>
        <translation>Auch Veeam-Backup-Sitzungsverläufe von N Servern in DIR/Backup sessions schreiben, mit Angriffen %1 (Standard 0).</translation>
    </message>
    <message>
        <source>ps-json (default, Windows PowerShell ConvertTo-Json) or ps-csv (PowerShell 7 Export-Csv).</source>
        <translation>ps-json (Standard, Windows PowerShell ConvertTo-Json) oder ps-csv (PowerShell 7 Export-Csv).</translation>
    </message>
    <message>
        <source>Messy-tenant profile: daylight saving, commercial VPNs, carrier jumps, token-refresh flood, stale-password devices (docs/simulation.md).</source>
        <translation>Profil eines unordentlichen Mandanten: Sommerzeit, kommerzielle VPNs, Mobilfunk-Sprünge, Flut von Token-Erneuerungen, Geräte mit veralteten Kennwörtern (docs/simulation.md).</translation>
    </message>
    <message>
        <source>Write a seeded synthetic tenant&apos;s Entra ID sign-in and audit logs, with injected attacks and their labels (docs/simulation.md). Same seed, same bytes.</source>
        <translation>Entra-ID-Anmelde- und Audit-Protokolle eines synthetischen Mandanten aus einem Startwert schreiben, mit eingeschleusten Angriffen und ihren Labels (docs/simulation.md). Gleicher Startwert, gleiche Bytes.</translation>
    </message>
    <message>
        <source>--out DIR is required; --users and --days are positive numbers, --backup-servers is 0 or more, --start is YYYY-MM-DD</source>
        <translation>--out DIR ist erforderlich; --users und --days sind positive Zahlen, --backup-servers ist 0 oder mehr, --start ist YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Wrote %1 sign-ins and %2 audit events in %3 files under %4
</source>
        <translation>Schrieb %1 Anmeldungen und %2 Audit-Ereignisse in %3 Dateien unter %4
</translation>
    </message>
    <message>
        <source>%1 non-interactive, %2 failed; %3 attacks (%4 events) labelled in %5; %6 s
</source>
        <translation>%1 nicht interaktiv, %2 fehlgeschlagen; %3 Angriffe (%4 Ereignisse) gekennzeichnet in %5; %6 s
</translation>
    </message>
    <message>
        <source>Wrote %1 backup sessions of %2 servers under %3; %4 backup attacks labelled
</source>
        <translation>Schrieb %1 Backup-Sitzungen von %2 Servern unter %3; %4 Backup-Angriffe gekennzeichnet
</translation>
    </message>
    <message>
        <source>Numeric CSV (.csv or .csv.gz): header x0..xN[,label].</source>
        <translation>Numerische CSV (.csv oder .csv.gz): Kopfzeile x0..xN[,label].</translation>
    </message>
    <message>
        <source>Number of trees (default 100).</source>
        <translation>Anzahl der Bäume (Standard 100).</translation>
    </message>
    <message>
        <source>Subsample size psi (default 256).</source>
        <translation>Stichprobengröße psi (Standard 256).</translation>
    </message>
    <message>
        <source>Random seed (default 0).</source>
        <translation>Zufallsstartwert (Standard 0).</translation>
    </message>
    <message>
        <source>Threads (default 1; 0 = all cores).</source>
        <translation>Threads (Standard 1; 0 = alle Kerne).</translation>
    </message>
    <message>
        <source>Extended Isolation Forest (random hyperplanes).</source>
        <translation>Erweiterter Isolation Forest (zufällige Hyperebenen).</translation>
    </message>
    <message>
        <source>Write one score per row, in input order.</source>
        <translation>Einen Wert je Zeile schreiben, in Eingabereihenfolge.</translation>
    </message>
    <message>
        <source>Print the ROC AUC against the label column.</source>
        <translation>Die ROC-AUC gegen die Label-Spalte ausgeben.</translation>
    </message>
    <message>
        <source>Fits an Isolation Forest on every row of a numeric CSV and scores every row (s = 2^(-E[h]/c(psi)), scikit-learn&apos;s -score_samples).</source>
        <translation>Passt einen Isolation Forest an jede Zeile einer numerischen CSV an und bewertet jede Zeile (s = 2^(-E[h]/c(psi)), -score_samples von scikit-learn).</translation>
    </message>
    <message>
        <source>--csv FILE is required</source>
        <translation>--csv FILE ist erforderlich</translation>
    </message>
    <message>
        <source>--trees, --sample, --seed and --threads take non-negative integers (trees, sample &gt; 0)</source>
        <translation>--trees, --sample, --seed und --threads nehmen nicht negative ganze Zahlen (trees, sample &gt; 0)</translation>
    </message>
    <message>
        <source>--auc needs a label column in %1</source>
        <translation>--auc braucht eine Label-Spalte in %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <source>%1 rows x %2 features, %3 trees (psi %4%5): fit %6 ms, score %7 ms
</source>
        <translation>%1 Zeilen x %2 Merkmale, %3 Bäume (psi %4%5): Anpassen %6 ms, Bewerten %7 ms
</translation>
    </message>
    <message>
        <source>, extended</source>
        <translation>, erweitert</translation>
    </message>
    <message>
        <source>[%1%] file %2/%3, %4 records, %5 records/s</source>
        <translation>[%1%] Datei %2/%3, %4 Datensätze, %5 Datensätze/s</translation>
    </message>
    <message>
        <source>Files, folders or zip archives to import.</source>
        <translation>Zu importierende Dateien, Ordner oder ZIP-Archive.</translation>
    </message>
    <message>
        <source>Print the per-source report as JSON.</source>
        <translation>Den Bericht je Quelle als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Print nothing but errors: no progress, no per-file lines, no summary.</source>
        <translation>Nur Fehler ausgeben: kein Fortschritt, keine Zeilen je Datei, keine Zusammenfassung.</translation>
    </message>
    <message>
        <source>Largest total a zip may expand to (default 64 GiB).</source>
        <translation>Größte Gesamtgröße, auf die ein ZIP entpacken darf (Standard 64 GiB).</translation>
    </message>
    <message>
        <source>Largest compression ratio of a zip entry (default 200).</source>
        <translation>Größtes Kompressionsverhältnis eines ZIP-Eintrags (Standard 200).</translation>
    </message>
    <message>
        <source>Milliseconds to wait for a locked database (default 5000).</source>
        <translation>Millisekunden Wartezeit auf eine gesperrte Datenbank (Standard 5000).</translation>
    </message>
    <message>
        <source>Import Entra ID sign-in and audit logs: Graph JSON / JSON Lines, Azure Monitor diagnostic records, Log Analytics CSV / JSON Lines, the Entra admin center&apos;s CSV download; inside folders and zip archives.</source>
        <translation>Entra-ID-Anmelde- und Audit-Protokolle importieren: Graph JSON / JSON Lines, Azure-Monitor-Diagnosedatensätze, Log Analytics CSV / JSON Lines, den CSV-Download des Entra Admin Centers; auch in Ordnern und ZIP-Archiven.</translation>
    </message>
    <message>
        <source>give at least one file, folder or zip archive</source>
        <translation>mindestens eine Datei, einen Ordner oder ein ZIP-Archiv angeben</translation>
    </message>
    <message>
        <source>--max-archive-bytes, --max-ratio and --busy-timeout take numbers</source>
        <translation>--max-archive-bytes, --max-ratio und --busy-timeout nehmen Zahlen</translation>
    </message>
    <message>
        <source>rejected: %1: %2</source>
        <translation>abgelehnt: %1: %2</translation>
    </message>
    <message>
        <source>... and %1 more records</source>
        <translation>... und %1 weitere Datensätze</translation>
    </message>
    <message>
        <source>%1  %2  read %3, new %4, rejected %5  sha256 %6
</source>
        <translation>%1  %2  gelesen %3, neu %4, abgelehnt %5  sha256 %6
</translation>
    </message>
    <message>
        <source>Imported %1 new of %2 records from %3 files in %4 s into %5
</source>
        <translation>%1 neue von %2 Datensätzen aus %3 Dateien in %4 s nach %5 importiert
</translation>
    </message>
    <message>
        <source>storage error, import stopped: %1</source>
        <translation>Speicherfehler, Import abgebrochen: %1</translation>
    </message>
    <message>
        <source>Usage: backsight-cli [--db PATH] COMMAND [options]

Backsight investigates Microsoft Entra ID sign-in and audit logs restored from Veeam backups.

Global options:
  --db PATH     case database (default: %1)
  --version     print the version

Commands:
</source>
        <translation>Aufruf: backsight-cli [--db PATH] BEFEHL [Optionen]

Backsight untersucht Microsoft-Entra-ID-Anmelde- und Audit-Protokolle, die aus Veeam-Backups wiederhergestellt wurden.

Globale Optionen:
  --db PATH     Falldatenbank (Standard: %1)
  --version     die Version ausgeben

Befehle:
</translation>
    </message>
    <message>
        <source>
Run &apos;backsight-cli COMMAND --help&apos; for a command&apos;s options.
Exit codes: 0 ok, 1 usage, 2 some input rejected, 3 storage error.
</source>
        <translation>
&apos;backsight-cli BEFEHL --help&apos; zeigt die Optionen eines Befehls.
Exit-Codes: 0 ok, 1 Aufruffehler, 2 Eingaben teilweise abgelehnt, 3 Speicherfehler.
</translation>
    </message>
    <message>
        <source>unknown global option %1</source>
        <translation>unbekannte globale Option %1</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Only this user&apos;s models.</source>
        <translation>Nur die Modelle dieses Benutzers.</translation>
    </message>
    <message>
        <source>Only this scope (user, tenant, server, fleet).</source>
        <translation>Nur dieser Geltungsbereich (user, tenant, server, fleet).</translation>
    </message>
    <message>
        <source>Only the versions in force.</source>
        <translation>Nur die geltenden Versionen.</translation>
    </message>
    <message>
        <source>Make model ID (models.id) the version in force for its subject.</source>
        <translation>Modell ID (models.id) zur geltenden Version für sein Subjekt machen.</translation>
    </message>
    <message>
        <source>Trained models and their versions (threshold, events used, score distribution); --rollback ID puts an older version back in force.</source>
        <translation>Trainierte Modelle und ihre Versionen (Schwellenwert, genutzte Ereignisse, Werteverteilung); --rollback ID setzt eine ältere Version wieder in Kraft.</translation>
    </message>
    <message>
        <source>--rollback takes a model id (see models --json)</source>
        <translation>--rollback nimmt eine Modell-ID (siehe models --json)</translation>
    </message>
    <message>
        <source>%1 %2 model of %3: version %4 is now in force
</source>
        <translation>%1-%2-Modell von %3: Version %4 gilt jetzt
</translation>
    </message>
    <message>
        <source>No models in %1 (run train)</source>
        <translation>Keine Modelle in %1 (train ausführen)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Ver</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereign.</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Trained (UTC)</source>
        <translation>Trainiert (UTC)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 rows: anomalies and the events they cite)</source>
        <translation>%1 geschrieben (%2 Zeilen: Anomalien und die Ereignisse, die sie anführen)</translation>
    </message>
    <message>
        <source>The anomalies of this user (UPN).</source>
        <translation>Die Anomalien dieses Benutzers (UPN).</translation>
    </message>
    <message>
        <source>These anomalies (comma-separated ids).</source>
        <translation>Diese Anomalien (durch Kommas getrennte IDs).</translation>
    </message>
    <message>
        <source>Anomalies from this time (ISO 8601 with zone).</source>
        <translation>Anomalien ab diesem Zeitpunkt (ISO 8601 mit Zeitzone).</translation>
    </message>
    <message>
        <source>Anomalies before this time (ISO 8601 with zone).</source>
        <translation>Anomalien vor diesem Zeitpunkt (ISO 8601 mit Zeitzone).</translation>
    </message>
    <message>
        <source>Case name for the title page.</source>
        <translation>Fallname für das Titelblatt.</translation>
    </message>
    <message>
        <source>Analyst name (default: $USER); also the audit log&apos;s author.</source>
        <translation>Name des Analysten (Standard: $USER); auch der Autor im Audit-Log.</translation>
    </message>
    <message>
        <source>pdf, csv, jsonl, timesketch (JSONL), timesketch-csv or ecs (NDJSON).</source>
        <translation>pdf, csv, jsonl, timesketch (JSONL), timesketch-csv oder ecs (NDJSON).</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>csv/jsonl: also write the log events the anomalies cite to FILE.</source>
        <translation>csv/jsonl: auch die von den Anomalien angeführten Protokollereignisse nach FILE schreiben.</translation>
    </message>
    <message>
        <source>pdf: incidents with a section of their own (default 200).</source>
        <translation>pdf: Vorfälle mit eigenem Abschnitt (Standard 200).</translation>
    </message>
    <message>
        <source>Write an incident report (PDF) or the anomalies (CSV, JSON Lines) for a user, a set of anomalies or a time range. Each export is audit-logged.</source>
        <translation>Einen Vorfallsbericht (PDF) oder die Anomalien (CSV, JSON Lines) für einen Benutzer, eine Auswahl von Anomalien oder einen Zeitraum schreiben. Jeder Export wird im Audit-Log vermerkt.</translation>
    </message>
    <message>
        <source>--format pdf|csv|jsonl|timesketch|timesketch-csv|ecs is required</source>
        <translation>--format pdf|csv|jsonl|timesketch|timesketch-csv|ecs ist erforderlich</translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation>--out FILE ist erforderlich</translation>
    </message>
    <message>
        <source>say what to report: --user UPN, --anomalies ID,ID or --from/--to</source>
        <translation>angeben, worüber berichtet wird: --user UPN, --anomalies ID,ID oder --from/--to</translation>
    </message>
    <message>
        <source>--max-incidents is a positive number</source>
        <translation>--max-incidents ist eine positive Zahl</translation>
    </message>
    <message>
        <source>--events-out goes with --format csv or jsonl (the PDF has them in its appendix)</source>
        <translation>--events-out gehört zu --format csv oder jsonl (das PDF hat sie im Anhang)</translation>
    </message>
    <message>
        <source>%1 anomalies</source>
        <translation>%1 Anomalien</translation>
    </message>
    <message>
        <source>, %1 pages</source>
        <translation>, %1 Seiten</translation>
    </message>
    <message>
        <source>; %1 events to %2</source>
        <translation>; %1 Ereignisse nach %2</translation>
    </message>
    <message>
        <source>wrote %1 (%2), audit log entry %3</source>
        <translation>%1 geschrieben (%2), Audit-Log-Eintrag %3</translation>
    </message>
    <message>
        <source>Servers (VMs, agents, or jobs that name none) with backup sessions: session count, first and last session, latest threat score and the model that judges them.</source>
        <translation>Server (VMs, Agenten oder Jobs, die keinen nennen) mit Backup-Sitzungen: Anzahl der Sitzungen, erste und letzte Sitzung, neuester Bedrohungswert und das Modell, das sie beurteilt.</translation>
    </message>
    <message>
        <source>No backup sessions in %1</source>
        <translation>Keine Backup-Sitzungen in %1</translation>
    </message>
    <message>
        <source>Server (object or job)</source>
        <translation>Server (Objekt oder Job)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Last session (UTC)</source>
        <translation>Letzte Sitzung (UTC)</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>(job)</source>
        <translation>(Job)</translation>
    </message>
    <message>
        <source>skipped  %1 (%2): %3
</source>
        <translation>übersprungen  %1 (%2): %3
</translation>
    </message>
    <message>
        <source>%1 rules run, %2 skipped; %3 events examined, %4 matches, %5 new anomalies.</source>
        <translation>%1 Regeln ausgeführt, %2 übersprungen; %3 Ereignisse geprüft, %4 Treffer, %5 neue Anomalien.</translation>
    </message>
    <message>
        <source>Folder of Sigma rules (*.yml, searched recursively).</source>
        <translation>Ordner mit Sigma-Regeln (*.yml, rekursiv durchsucht).</translation>
    </message>
    <message>
        <source>Report the matches without storing anomalies.</source>
        <translation>Die Treffer melden, ohne Anomalien zu speichern.</translation>
    </message>
    <message>
        <source>Run Sigma rules (logsource product azure, service signinlogs, auditlogs or riskdetection) over the case; each match is stored as an anomaly of kind sigma. Running the same rules again adds nothing.</source>
        <translation>Sigma-Regeln (logsource product azure, service signinlogs, auditlogs oder riskdetection) auf den Fall anwenden; jeder Treffer wird als Anomalie der Art sigma gespeichert. Dieselben Regeln erneut auszuführen fügt nichts hinzu.</translation>
    </message>
    <message>
        <source>--rules DIR is required</source>
        <translation>--rules DIR ist erforderlich</translation>
    </message>
    <message>
        <source>Counts of what the case database holds.</source>
        <translation>Zählt, was die Falldatenbank enthält.</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Interactive sign-ins:</source>
        <translation>Interaktive Anmeldungen:</translation>
    </message>
    <message>
        <source>Non-interactive sign-ins:</source>
        <translation>Nicht interaktive Anmeldungen:</translation>
    </message>
    <message>
        <source>Workload sign-ins:</source>
        <translation>Workload-Anmeldungen:</translation>
    </message>
    <message>
        <source>Audit events:</source>
        <translation>Audit-Ereignisse:</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Source files:</source>
        <translation>Quelldateien:</translation>
    </message>
    <message>
        <source>Backup sessions:</source>
        <translation>Backup-Sitzungen:</translation>
    </message>
    <message>
        <source>First event (UTC):</source>
        <translation>Erstes Ereignis (UTC):</translation>
    </message>
    <message>
        <source>Last event (UTC):</source>
        <translation>Letztes Ereignis (UTC):</translation>
    </message>
    <message>
        <source>--exec could not start &apos;%1&apos;: %2</source>
        <translation>--exec konnte &apos;%1&apos; nicht starten: %2</translation>
    </message>
    <message>
        <source>--exec &apos;%1&apos; ran longer than 2 minutes and was stopped</source>
        <translation>--exec &apos;%1&apos; lief länger als 2 Minuten und wurde beendet</translation>
    </message>
    <message>
        <source>--exec &apos;%1&apos; failed with exit code %2</source>
        <translation>--exec &apos;%1&apos; schlug mit Exit-Code %2 fehl</translation>
    </message>
    <message>
        <source>Folders to watch (with their subfolders).</source>
        <translation>Zu überwachende Ordner (mit ihren Unterordnern).</translation>
    </message>
    <message>
        <source>Seconds between looks; a file must keep its size this long (default 5).</source>
        <translation>Sekunden zwischen zwei Blicken; so lange muss eine Datei ihre Größe halten (Standard 5).</translation>
    </message>
    <message>
        <source>Run CMD (sh -c) for each alert, its JSON on stdin.</source>
        <translation>CMD (sh -c) für jeden Alarm ausführen, sein JSON auf stdin.</translation>
    </message>
    <message>
        <source>Lowest severity that raises an alert (default high).</source>
        <translation>Niedrigster Schweregrad, der einen Alarm auslöst (Standard high).</translation>
    </message>
    <message>
        <source>Watch folders for new or grown exports: import each file once its size holds, detect on the new events and print every new anomaly at or above the alert severity as one JSON line on stdout. Runs until stopped (Ctrl+C).</source>
        <translation>Ordner auf neue oder gewachsene Exporte überwachen: jede Datei importieren, sobald ihre Größe stabil ist, auf den neuen Ereignissen erkennen und jede neue Anomalie ab dem Alarm-Schweregrad als eine JSON-Zeile auf stdout ausgeben. Läuft, bis es beendet wird (Strg+C).</translation>
    </message>
    <message>
        <source>give at least one folder; --interval takes seconds (0.05 to 86400), --min-severity low|medium|high|critical, --window-days a whole number</source>
        <translation>mindestens einen Ordner angeben; --interval nimmt Sekunden (0.05 bis 86400), --min-severity low|medium|high|critical, --window-days eine ganze Zahl</translation>
    </message>
    <message>
        <source>watching %1 every %2 s for %3; alerts at %4 and above go to stdout (Ctrl+C stops)</source>
        <translation>überwache %1 alle %2 s für %3; Alarme ab %4 gehen auf stdout (Strg+C beendet)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>generating day %1 of %2</source>
        <translation>erzeuge Tag %1 von %2</translation>
    </message>
    <message>
        <source>Identity ↔ backup incidents: an identity event, then backup anomalies within the window</source>
        <translation>Identität ↔ Backup-Vorfälle: ein Identitätsereignis, dann Backup-Anomalien innerhalb des Zeitfensters</translation>
    </message>
    <message>
        <source>Identity ↔ backup incidents: %1 (%2 new, %3 grown); `backsight-cli incidents` lists them.</source>
        <translation>Identität ↔ Backup-Vorfälle: %1 (%2 neu, %3 gewachsen); `backsight-cli incidents` listet sie auf.</translation>
    </message>
    <message>
        <source>Examined %1 sign-ins of %2 users, %3 audit records and %4 backup sessions in %5 ms at sensitivity %6: %7 new anomalies</source>
        <translation>%1 Anmeldungen von %2 Benutzern, %3 Audit-Einträge und %4 Backup-Sitzungen in %5 ms mit Empfindlichkeit %6 geprüft: %7 neue Anomalien</translation>
    </message>
    <message>
        <source>1 (fewest alerts) to 5 (most), or low (2), default (3), high (4). Used for this run and saved in the case for the next ones (the GUI&apos;s Settings &gt; Detection sensitivity).</source>
        <translation>1 (wenigste Alarme) bis 5 (meiste) oder low (2), default (3), high (4). Gilt für diesen Lauf und wird im Fall für die nächsten gespeichert (in der GUI Einstellungen &gt; Erkennungsempfindlichkeit).</translation>
    </message>
    <message>
        <source>Store nothing: print, for each sensitivity, how many anomalies per severity it would raise over the whole case.</source>
        <translation>Nichts speichern: für jede Empfindlichkeit ausgeben, wie viele Anomalien je Schweregrad sie über den ganzen Fall auslösen würde.</translation>
    </message>
    <message>
        <source>--sensitivity is 1 to 5, low, default or high, not &apos;%1&apos;</source>
        <translation>--sensitivity ist 1 bis 5, low, default oder high, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The identity ↔ backup incident scenario: every offhours_admin attack is followed by a ransomware-like night on N backup servers (needs --backup-servers; labelled identity_backup_incident).</source>
        <translation>Das Szenario Identität ↔ Backup-Vorfall: auf jeden offhours_admin-Angriff folgt eine ransomware-artige Nacht auf N Backup-Servern (braucht --backup-servers; gekennzeichnet als identity_backup_incident).</translation>
    </message>
    <message>
        <source>Correlate again first (detect does it after every run).</source>
        <translation>Zuerst erneut korrelieren (detect tut das nach jedem Lauf).</translation>
    </message>
    <message>
        <source>With --correlate: how long after an identity event backup anomalies join it (default 72).</source>
        <translation>Mit --correlate: wie lange nach einem Identitätsereignis Backup-Anomalien noch dazugehören (Standard 72).</translation>
    </message>
    <message>
        <source>Identity ↔ backup incidents: an anomalous or privileged identity event followed within the window by backup anomalies, with both parts and their times (docs/incidents.md).</source>
        <translation>Identität ↔ Backup-Vorfälle: ein anomales oder privilegiertes Identitätsereignis, dem innerhalb des Zeitfensters Backup-Anomalien folgen, mit beiden Teilen und ihren Zeiten (docs/incidents.md).</translation>
    </message>
    <message>
        <source>--window-hours must be a positive number of hours</source>
        <translation>--window-hours muss eine positive Anzahl von Stunden sein</translation>
    </message>
    <message>
        <source>No identity ↔ backup incidents in %1</source>
        <translation>Keine Identität ↔ Backup-Vorfälle in %1</translation>
    </message>
    <message>
        <source>Backtest over the whole case: %1 sign-ins and %2 audit records, %3 findings, in %4 ms. Nothing was stored.</source>
        <translation>Backtest über den ganzen Fall: %1 Anmeldungen und %2 Audit-Einträge, %3 Befunde, in %4 ms. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>* the case&apos;s setting. Apply one with: backsight-cli detect --sensitivity N</source>
        <translation>* die Einstellung des Falls. Eine anwenden mit: backsight-cli detect --sensitivity N</translation>
    </message>
    <message>
        <source>Serve a shared PostgreSQL case: take per-user work that detect --workers queued</source>
        <translation>Einen gemeinsamen PostgreSQL-Fall bedienen: Arbeit je Benutzer übernehmen, die detect --workers eingereiht hat</translation>
    </message>
    <message>
        <source>--workers is 0 to 256, not &apos;%1&apos;</source>
        <translation>--workers ist 0 bis 256, nicht „%1“</translation>
    </message>
    <message>
        <source>waiting for `backsight-cli worker` processes to take the users</source>
        <translation>warte auf `backsight-cli worker`-Prozesse, die die Benutzer übernehmen</translation>
    </message>
    <message>
        <source>Stop when the queue holds no unfinished work (default: serve the case until stopped with Ctrl+C).</source>
        <translation>Beenden, wenn die Warteschlange keine offene Arbeit mehr hat (Standard: den Fall bedienen, bis mit Strg+C beendet).</translation>
    </message>
    <message>
        <source>How long an item stays this worker&apos;s without a renewal (default 30000; renewed every third of it). A worker that dies loses its items to the others after this.</source>
        <translation>Wie lange ein Element ohne Verlängerung bei diesem Worker bleibt (Standard 30000; verlängert nach jedem Drittel). Die Elemente eines abgestürzten Workers gehen danach an die anderen.</translation>
    </message>
    <message>
        <source>No line per item on stderr.</source>
        <translation>Keine Zeile pro Element auf stderr.</translation>
    </message>
    <message>
        <source>Serve a shared PostgreSQL case: take per-user detection work that `detect --workers` queued, on this machine or another.</source>
        <translation>Einen gemeinsamen PostgreSQL-Fall bedienen: Erkennungsarbeit je Benutzer übernehmen, die `detect --workers` eingereiht hat, auf diesem oder einem anderen Rechner.</translation>
    </message>
    <message>
        <source>--lease-ms is 300 to 3600000, not &apos;%1&apos;</source>
        <translation>--lease-ms ist 300 bis 3600000, nicht „%1“</translation>
    </message>
    <message>
        <source>worker: %1 items done, %2 failed, %3 taken over by other workers</source>
        <translation>Worker: %1 Elemente erledigt, %2 fehlgeschlagen, %3 von anderen Workern übernommen</translation>
    </message>
    <message>
        <source>On a PostgreSQL case: queue the per-user work for worker processes, start N of them on this machine and wait (0: only the `backsight-cli worker` processes already serving the case, here or elsewhere). The result is that of a run without workers. A case file is worked on by this process.</source>
        <translation>Bei einem PostgreSQL-Fall: die Arbeit je Benutzer für Worker-Prozesse einreihen, N davon auf diesem Rechner starten und warten (0: nur die `backsight-cli worker`-Prozesse, die den Fall bereits bedienen, hier oder anderswo). Das Ergebnis ist dasselbe wie bei einem Lauf ohne Worker. Eine Falldatei bearbeitet dieser Prozess selbst.</translation>
    </message>
    <message>
        <source>a case file is worked on by this process; --workers applies to a PostgreSQL case</source>
        <translation>eine Falldatei bearbeitet dieser Prozess selbst; --workers gilt für einen PostgreSQL-Fall</translation>
    </message>
    <message>
        <source>Let a PostgreSQL role work on a shared case as an analyst, without owning it</source>
        <translation>Eine PostgreSQL-Rolle als Analyst an einem gemeinsamen Fall arbeiten lassen, ohne dass sie ihn besitzt</translation>
    </message>
    <message>
        <source>An existing PostgreSQL login role.</source>
        <translation>Eine vorhandene PostgreSQL-Anmelderolle.</translation>
    </message>
    <message>
        <source>Let a database role work on this shared case without owning it: import, train, detect and triage, append to the audit log but never change, delete or truncate it. Run it as the case&apos;s owner.</source>
        <translation>Eine Datenbankrolle an diesem gemeinsamen Fall arbeiten lassen, ohne dass sie ihn besitzt: importieren, trainieren, erkennen und sichten, Einträge an das Prüfprotokoll anhängen, es aber nie ändern, löschen oder leeren. Als Eigentümer des Falls ausführen.</translation>
    </message>
    <message>
        <source>name one role</source>
        <translation>eine Rolle angeben</translation>
    </message>
    <message>
        <source>%1 may now work on %2 as an analyst (the audit log stays append-only)</source>
        <translation>%1 darf jetzt als Analyst an %2 arbeiten (das Prüfprotokoll bleibt nur erweiterbar)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Click a row to open these anomalies in Triage</source>
        <translation>Eine Zeile anklicken, um diese Anomalien in der Triage zu öffnen</translation>
    </message>
</context>
<context>
    <name>ImportSummaryReport</name>
    <message>
        <source>no events</source>
        <translation>keine Ereignisse</translation>
    </message>
    <message>
        <source>Interactive user sign-ins</source>
        <translation>Interaktive Benutzeranmeldungen</translation>
    </message>
    <message>
        <source>Non-interactive user sign-ins</source>
        <translation>Nicht interaktive Benutzeranmeldungen</translation>
    </message>
    <message>
        <source>Workload sign-ins (service principals, managed identities)</source>
        <translation>Workload-Anmeldungen (Dienstprinzipale, verwaltete Identitäten)</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Audit-Ereignisse</translation>
    </message>
    <message>
        <source>Users with sign-ins</source>
        <translation>Benutzer mit Anmeldungen</translation>
    </message>
    <message>
        <source>Source files</source>
        <translation>Quelldateien</translation>
    </message>
    <message>
        <source>Time span</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>What the case database holds</source>
        <translation>Was die Falldatenbank enthält</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>File and SHA-256</source>
        <translation>Datei und SHA-256</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Every file imported into this case database (%1), with the SHA-256 of its bytes as read. &quot;New&quot; counts records not already stored from another file.</source>
        <translation>Jede in diese Falldatenbank (%1) importierte Datei, mit dem SHA-256 ihrer Bytes wie gelesen. „Neu“ zählt Datensätze, die nicht schon aus einer anderen Datei gespeichert waren.</translation>
    </message>
    <message>
        <source>Paths are relative to %1</source>
        <translation>Pfade sind relativ zu %1</translation>
    </message>
    <message>
        <source>Backsight import summary</source>
        <translation>Backsight-Importübersicht</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Case database</source>
        <translation>Falldatenbank</translation>
    </message>
    <message>
        <source>Backsight version</source>
        <translation>Backsight-Version</translation>
    </message>
    <message>
        <source>Where the sign-ins concentrate</source>
        <translation>Wo sich die Anmeldungen häufen</translation>
    </message>
    <message>
        <source>User sign-ins (interactive and non-interactive); a failure is any sign-in with a non-zero error code.</source>
        <translation>Benutzeranmeldungen (interaktiv und nicht interaktiv); ein Fehlschlag ist jede Anmeldung mit einem Fehlercode ungleich null.</translation>
    </message>
    <message>
        <source>Top 10 users by sign-ins</source>
        <translation>Top 10 der Benutzer nach Anmeldungen</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Benutzer (UPN)</translation>
    </message>
    <message>
        <source>Top 10 users by failed sign-ins</source>
        <translation>Top 10 der Benutzer nach fehlgeschlagenen Anmeldungen</translation>
    </message>
    <message>
        <source>Top 10 countries by sign-ins</source>
        <translation>Top 10 der Länder nach Anmeldungen</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Top 10 apps by sign-ins</source>
        <translation>Top 10 der Apps nach Anmeldungen</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;</source>
        <translation>unbekanntes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--screenshot takes --db, not --demo (the demo writes its screenshots to OUT/screenshots)</source>
        <translation>--screenshot nimmt --db, nicht --demo (die Demo schreibt ihre Screenshots nach OUT/screenshots)</translation>
    </message>
    <message>
        <source>--screenshot needs --db PATH: the case database to photograph</source>
        <translation>--screenshot braucht --db PATH: die Falldatenbank, die abgebildet wird</translation>
    </message>
    <message>
        <source>--headless needs --demo or --input: there is no window to work in</source>
        <translation>--headless braucht --demo oder --input: es gibt kein Fenster, in dem man arbeiten kann</translation>
    </message>
    <message>
        <source>no display (neither DISPLAY nor WAYLAND_DISPLAY is set); run with --demo or --input for a headless run</source>
        <translation>keine Anzeige (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt); für einen Lauf ohne Fenster mit --demo oder --input starten</translation>
    </message>
    <message>
        <source>Usage: backsight [--db PATH] [--demo] [--out DIR] [--input PATH...] [--headless] [--screenshot DIR]

Investigate Microsoft Entra ID sign-in and audit logs restored from Veeam backups.

  --db PATH          case database (default: the last one opened, else %1)
  --demo             generate a synthetic tenant (300 users, 90 days, seed 42) and import it
  --out DIR          where the demo writes (default ./backsight-demo)
  --input PATH...    import these files, folders or zip archives instead of generating
  --headless         no window: import, take screenshots, write OUT/report.pdf, print the paths
                     and exit (chosen automatically when there is no display)
  --screenshot DIR   render every view of --db offscreen to DIR/&lt;view&gt;.png and exit
  --version          print the version
</source>
        <translation>Aufruf: backsight [--db PATH] [--demo] [--out DIR] [--input PATH...] [--headless] [--screenshot DIR]

Microsoft-Entra-ID-Anmelde- und Audit-Protokolle untersuchen, die aus Veeam-Backups wiederhergestellt wurden.

  --db PATH          Falldatenbank (Standard: die zuletzt geöffnete, sonst %1)
  --demo             einen synthetischen Mandanten erzeugen (300 Benutzer, 90 Tage, Startwert 42) und importieren
  --out DIR          wohin die Demo schreibt (Standard ./backsight-demo)
  --input PATH...    diese Dateien, Ordner oder ZIP-Archive importieren, statt zu erzeugen
  --headless         kein Fenster: importieren, Screenshots aufnehmen, OUT/report.pdf schreiben, die Pfade
                     ausgeben und beenden (automatisch gewählt, wenn es keine Anzeige gibt)
  --screenshot DIR   jede Ansicht von --db ohne Bildschirm nach DIR/&lt;view&gt;.png zeichnen und beenden
  --version          die Version ausgeben
</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Import sign-in and audit log exports</source>
        <translation>Anmelde- und Audit-Protokollexporte importieren</translation>
    </message>
    <message>
        <source>Log exports (*.json *.jsonl *.csv *.zip);;All files (*)</source>
        <translation>Protokollexporte (*.json *.jsonl *.csv *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a folder (for example a Veeam file-level restore)</source>
        <translation>Einen Ordner importieren (zum Beispiel eine Veeam-Wiederherstellung auf Dateiebene)</translation>
    </message>
    <message>
        <source>Import zip archives</source>
        <translation>ZIP-Archive importieren</translation>
    </message>
    <message>
        <source>Zip archives (*.zip);;All files (*)</source>
        <translation>ZIP-Archive (*.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
</context>
<context>
    <name>SignInDetailPane</name>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Benutzer (UPN)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Benutzertyp</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>App-ID</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Resource ID</source>
        <translation>Ressourcen-ID</translation>
    </message>
    <message>
        <source>Client app</source>
        <translation>Client-App</translation>
    </message>
    <message>
        <source>Authentication requirement</source>
        <translation>Authentifizierungsanforderung</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Bundesland/Region</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>Autonomous system (ASN)</source>
        <translation>Autonomes System (ASN)</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Compliant device</source>
        <translation>Konformes Gerät</translation>
    </message>
    <message>
        <source>Managed device</source>
        <translation>Verwaltetes Gerät</translation>
    </message>
    <message>
        <source>Device join type</source>
        <translation>Geräteverknüpfungstyp</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>Fehlergrund</translation>
    </message>
    <message>
        <source>Conditional Access</source>
        <translation>Bedingter Zugriff</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risikostufe</translation>
    </message>
    <message>
        <source>Risk state</source>
        <translation>Risikostatus</translation>
    </message>
    <message>
        <source>MFA method</source>
        <translation>MFA-Methode</translation>
    </message>
    <message>
        <source>MFA result</source>
        <translation>MFA-Ergebnis</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>Correlation ID</source>
        <translation>Korrelations-ID</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interaktiv</translation>
    </message>
    <message>
        <source>Sign-in log</source>
        <translation>Anmeldeprotokoll</translation>
    </message>
    <message>
        <source>Service principal ID</source>
        <translation>Dienstprinzipal-ID</translation>
    </message>
    <message>
        <source>Service principal</source>
        <translation>Dienstprinzipal</translation>
    </message>
    <message>
        <source>Authentication protocol</source>
        <translation>Authentifizierungsprotokoll</translation>
    </message>
    <message>
        <source>AS organisation</source>
        <translation>AS-Organisation</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>In Untersuchung</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
</context>
<context>
    <name>TriageFilter</name>
    <message>
        <source>%1 and above</source>
        <translation>%1 und höher</translation>
    </message>
    <message>
        <source>country %1</source>
        <translation>Land %1</translation>
    </message>
    <message>
        <source>network %1</source>
        <translation>Netzwerk %1</translation>
    </message>
</context>
<context>
    <name>backsight::report::ReportJob</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <source>anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>keine Ausgabedatei angegeben</translation>
    </message>
    <message>
        <source>reading incidents</source>
        <translation>lese Vorfälle</translation>
    </message>
    <message>
        <source>writing pages</source>
        <translation>schreibe Seiten</translation>
    </message>
    <message>
        <source>the report %1 was written but the audit log could not record it: %2</source>
        <translation>der Bericht %1 wurde geschrieben, aber das Audit-Log konnte ihn nicht vermerken: %2</translation>
    </message>
    <message>
        <source>Report to %1</source>
        <translation>Bericht nach %1</translation>
    </message>
    <message>
        <source>Report cancelled</source>
        <translation>Bericht abgebrochen</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 anomalies, %3 pages)</source>
        <translation>%1 geschrieben (%2 Anomalien, %3 Seiten)</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 anomalies)</source>
        <translation>%1 geschrieben (%2 Anomalien)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::AnomalyDetailPane</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Timeline at this moment</source>
        <translation>Timeline zu diesem Zeitpunkt</translation>
    </message>
    <message>
        <source>Map at this moment</source>
        <translation>Karte zu diesem Zeitpunkt</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reasons and case record</source>
        <translation>Gründe und Fallakte</translation>
    </message>
    <message>
        <source>Original record</source>
        <translation>Originaldatensatz</translation>
    </message>
    <message>
        <source>User&apos;s sign-ins ±24 h</source>
        <translation>Anmeldungen des Benutzers ±24 h</translation>
    </message>
    <message>
        <source>Select an anomaly to see why it was raised.</source>
        <translation>Eine Anomalie auswählen, um zu sehen, warum sie gemeldet wurde.</translation>
    </message>
    <message>
        <source>anomaly %1 is no longer in the database</source>
        <translation>Anomalie %1 ist nicht mehr in der Datenbank</translation>
    </message>
    <message>
        <source>Case record</source>
        <translation>Fallakte</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>set by %1 at %2 UTC</source>
        <translation>gesetzt von %1 am %2 UTC</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>The original record of %1 is not stored.</source>
        <translation>Der Originaldatensatz von %1 ist nicht gespeichert.</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::BackupView</name>
    <message>
        <source>Threat %1/10: %2</source>
        <translation>Bedrohung %1/10: %2</translation>
    </message>
    <message>
        <source>Object or job</source>
        <translation>Objekt oder Job</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Last session (UTC)</source>
        <translation>Letzte Sitzung (UTC)</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Transferred GB</source>
        <translation>Übertragene GB</translation>
    </message>
    <message>
        <source>Read GB</source>
        <translation>Gelesene GB</translation>
    </message>
    <message>
        <source>Dedup</source>
        <translation>Dedup</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Filter objects and jobs</source>
        <translation>Objekte und Jobs filtern</translation>
    </message>
    <message>
        <source>&lt;small&gt;&lt;b&gt;Object or job&lt;/b&gt;: the protected object (VM, agent, share) a task session backed up, with its &lt;b&gt;Job&lt;/b&gt; beside it; a job&apos;s own sessions are listed by the job. &lt;b&gt;Threat&lt;/b&gt;: the threat score (1–10) of the server&apos;s latest flagged session, coloured like severities: 1–3 low, 4–6 medium, 7–8 high, 9–10 critical. &lt;b&gt;Model&lt;/b&gt;: the server&apos;s own LSTM autoencoder, &lt;i&gt;fleet&lt;/i&gt; when the fleet-wide model judges it, &lt;i&gt;none&lt;/i&gt; before &lt;code&gt;train&lt;/code&gt;. &lt;b&gt;Flagged&lt;/b&gt;: its sessions that an anomaly names.&lt;/small&gt;</source>
        <translation>&lt;small&gt;&lt;b&gt;Objekt oder Job&lt;/b&gt;: das geschützte Objekt (VM, Agent, Freigabe), das eine Task-Sitzung gesichert hat, mit seinem &lt;b&gt;Job&lt;/b&gt; daneben; die eigenen Sitzungen eines Jobs stehen beim Job. &lt;b&gt;Bedrohung&lt;/b&gt;: der Bedrohungswert (1–10) der neuesten markierten Sitzung des Servers, gefärbt wie Schweregrade: 1–3 niedrig, 4–6 mittel, 7–8 hoch, 9–10 kritisch. &lt;b&gt;Modell&lt;/b&gt;: der eigene LSTM-Autoencoder des Servers, &lt;i&gt;Flotte&lt;/i&gt;, wenn das flottenweite Modell ihn beurteilt, &lt;i&gt;keins&lt;/i&gt; vor &lt;code&gt;train&lt;/code&gt;. &lt;b&gt;Markiert&lt;/b&gt;: seine Sitzungen, die eine Anomalie nennt.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Open in Triage</source>
        <translation>In Triage öffnen</translation>
    </message>
    <message>
        <source>The selected flagged session&apos;s anomaly in the triage queue (else every finding of this server)</source>
        <translation>Die Anomalie der ausgewählten markierten Sitzung in der Triage-Liste (sonst jeder Befund dieses Servers)</translation>
    </message>
    <message>
        <source>Open a case database to see its backup servers.</source>
        <translation>Eine Falldatenbank öffnen, um ihre Backup-Server zu sehen.</translation>
    </message>
    <message>
        <source>(job)</source>
        <translation>(Job)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>LSTM v%1</source>
        <translation>LSTM v%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No backup sessions in this case.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Import Veeam Backup &amp;amp; Replication session exports (Get-VBRBackupSession | ConvertTo-Json, or the REST /api/v1/sessions list) with File ▸ Import, then train and detect. To try it on a generated history:&lt;/p&gt;&lt;pre&gt;backsight-cli generate --backup-servers 8 --days 90 --out DIR
backsight-cli --db CASE.sqlite import DIR
backsight-cli --db CASE.sqlite train
backsight-cli --db CASE.sqlite detect&lt;/pre&gt;&lt;p&gt;then open CASE.sqlite here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keine Backup-Sitzungen in diesem Fall.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Sitzungsexporte von Veeam Backup &amp;amp; Replication (Get-VBRBackupSession | ConvertTo-Json oder die REST-Liste /api/v1/sessions) mit Datei ▸ Importieren laden, dann trainieren und erkennen. Zum Ausprobieren mit einem erzeugten Verlauf:&lt;/p&gt;&lt;pre&gt;backsight-cli generate --backup-servers 8 --days 90 --out DIR
backsight-cli --db CASE.sqlite import DIR
backsight-cli --db CASE.sqlite train
backsight-cli --db CASE.sqlite detect&lt;/pre&gt;&lt;p&gt;dann CASE.sqlite hier öffnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No backup sessions</source>
        <translation>Keine Backup-Sitzungen</translation>
    </message>
    <message>
        <source>%1 backup servers, %2 flagged sessions</source>
        <translation>%1 Backup-Server, %2 markierte Sitzungen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>full</source>
        <translation>voll</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>inkrementell</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1: %2 sessions, %3 flagged. Select a session for its finding.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1: %2 Sitzungen, %3 markiert. Eine Sitzung auswählen, um ihren Befund zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model&apos;s expectation (transferred)</source>
        <translation>Erwartung des Modells (übertragen)</translation>
    </message>
    <message>
        <source>Flagged session</source>
        <translation>Markierte Sitzung</translation>
    </message>
    <message>
        <source>Robust range (transferred)</source>
        <translation>Robuster Bereich (übertragen)</translation>
    </message>
    <message>
        <source>Model&apos;s band (±3 spreads)</source>
        <translation>Band des Modells (±3 Streuungen)</translation>
    </message>
    <message>
        <source>%1 — %2 sessions, %3 flagged</source>
        <translation>%1 — %2 Sitzungen, %3 markiert</translation>
    </message>
    <message>
        <source>Dedup ratio</source>
        <translation>Dedup-Verhältnis</translation>
    </message>
    <message>
        <source>Compression ratio</source>
        <translation>Kompressionsverhältnis</translation>
    </message>
    <message>
        <source>UTC date</source>
        <translation>UTC-Datum</translation>
    </message>
    <message>
        <source>GB (log)</source>
        <translation>GB (log.)</translation>
    </message>
    <message>
        <source>Dedup / compression ratio</source>
        <translation>Dedup-/Kompressionsverhältnis</translation>
    </message>
    <message>
        <source>Robust range: median ± 3 · 1.4826 · MAD of this server&apos;s transferred size, per type of session. Model&apos;s band: what the model judging this server expected (its reconstruction) ± 3 robust spreads of that kind of night. Red: sessions an anomaly names. Wheel zooms, drag pans.</source>
        <translation>Robuster Bereich: Median ± 3 · 1,4826 · MAD der übertragenen Größe dieses Servers, je Sitzungstyp. Band des Modells: was das Modell, das diesen Server beurteilt, erwartet hat (seine Rekonstruktion) ± 3 robuste Streuungen dieser Art von Nacht. Rot: Sitzungen, die eine Anomalie nennt. Mausrad zoomt, Ziehen verschiebt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Session %1 (%2, %3): nothing flagged.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sitzung %1 (%2, %3): nichts markiert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Threat %1/10&lt;/b&gt; — %2&lt;br&gt;Session %3, %4 UTC&lt;/p&gt;%5</source>
        <translation>&lt;p&gt;&lt;b&gt;Bedrohung %1/10&lt;/b&gt; — %2&lt;br&gt;Sitzung %3, %4 UTC&lt;/p&gt;%5</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>backsight::ui::BaselineJob</name>
    <message>
        <source>Baselines</source>
        <translation>Baselines</translation>
    </message>
    <message>
        <source>computing baselines… %1 %</source>
        <translation>berechne Baselines… %1 %</translation>
    </message>
    <message>
        <source>Baselines cancelled; the previous ones stay</source>
        <translation>Baselines abgebrochen; die vorherigen bleiben</translation>
    </message>
    <message>
        <source>Baselines for %1 users (%2 still learning) from %3 sign-ins in %4 ms</source>
        <translation>Baselines für %1 Benutzer (%2 lernen noch) aus %3 Anmeldungen in %4 ms</translation>
    </message>
</context>
<context>
    <name>backsight::ui::DashboardView</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>New events</source>
        <translation>Neue Ereignisse</translation>
    </message>
    <message>
        <source>Open the %1 anomalies in Triage</source>
        <translation>Die %1 Anomalien in Triage öffnen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Top users by anomalies</source>
        <translation>Benutzer mit den meisten Anomalien</translation>
    </message>
    <message>
        <source>Top countries by anomalies</source>
        <translation>Länder mit den meisten Anomalien</translation>
    </message>
    <message>
        <source>Top apps by anomalies</source>
        <translation>Apps mit den meisten Anomalien</translation>
    </message>
    <message>
        <source>Data coverage</source>
        <translation>Datenabdeckung</translation>
    </message>
    <message>
        <source>Training state</source>
        <translation>Trainingsstand</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Keine Falldatenbank geöffnet — Datei → Falldatenbank neu/öffnen…</translation>
    </message>
    <message>
        <source>No sign-ins yet — File → Import… or drop exports on the window.</source>
        <translation>Noch keine Anmeldungen — Datei → Importieren… oder Exporte auf das Fenster ziehen.</translation>
    </message>
    <message>
        <source>No anomalies yet. Run detection to fill the queue:  backsight-cli --db &quot;%1&quot; train  then  backsight-cli --db &quot;%1&quot; detect  (then F5).</source>
        <translation>Noch keine Anomalien. Die Erkennung ausführen, um die Liste zu füllen:  backsight-cli --db &quot;%1&quot; train  dann  backsight-cli --db &quot;%1&quot; detect  (dann F5).</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <source>%1 sign-ins of %2 users, %3 – %4 UTC, from %5 source files:</source>
        <translation>%1 Anmeldungen von %2 Benutzern, %3 – %4 UTC, aus %5 Quelldateien:</translation>
    </message>
    <message>
        <source>Nothing imported yet.</source>
        <translation>Noch nichts importiert.</translation>
    </message>
    <message>
        <source>No baselines or models yet. Train them with&lt;br&gt;&lt;tt&gt;backsight-cli --db &quot;%1&quot; train&lt;/tt&gt;</source>
        <translation>Noch keine Baselines oder Modelle. Trainieren mit&lt;br&gt;&lt;tt&gt;backsight-cli --db &quot;%1&quot; train&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>%1 active models for %2 subjects; last trained %3.&lt;br&gt;%4 users with a baseline, %5 still learning.&lt;br&gt;Last detection run: %6.&lt;br&gt;&lt;a href=&quot;training&quot;&gt;Training state…&lt;/a&gt;</source>
        <translation>%1 aktive Modelle für %2 Subjekte; zuletzt trainiert %3.&lt;br&gt;%4 Benutzer mit Baseline, %5 lernen noch.&lt;br&gt;Letzter Erkennungslauf: %6.&lt;br&gt;&lt;a href=&quot;training&quot;&gt;Trainingsstand…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 anomalies, %2 open, %3 sign-ins</source>
        <translation>%1 Anomalien, %2 offen, %3 Anmeldungen</translation>
    </message>
    <message>
        <source>Anomalies per day by severity (UTC) — click a bar for that day</source>
        <translation>Anomalien pro Tag nach Schweregrad (UTC) — Balken anklicken für diesen Tag</translation>
    </message>
    <message>
        <source>Anomalies per day by severity, %1 to %2 (UTC) — click a bar for that day</source>
        <translation>Anomalien pro Tag nach Schweregrad, %1 bis %2 (UTC) — Balken anklicken für diesen Tag</translation>
    </message>
    <message>
        <source>Sign-ins per day and failures (UTC)</source>
        <translation>Anmeldungen pro Tag und Fehlschläge (UTC)</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>days since %1</source>
        <translation>Tage seit %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::DemoRun</name>
    <message>
        <source>%1 views</source>
        <translation>%1 Ansichten</translation>
    </message>
    <message>
        <source>the main window and a sign-in&apos;s detail</source>
        <translation>das Hauptfenster und die Details einer Anmeldung</translation>
    </message>
    <message>
        <source>import summary</source>
        <translation>Importübersicht</translation>
    </message>
    <message>
        <source>import summary; no high or critical anomalies to report</source>
        <translation>Importübersicht; keine hohen oder kritischen Anomalien zu berichten</translation>
    </message>
    <message>
        <source>cannot remove the old demo database file %1</source>
        <translation>kann die alte Demo-Datenbankdatei %1 nicht entfernen</translation>
    </message>
    <message>
        <source>cannot create the demo folder %1</source>
        <translation>kann den Demo-Ordner %1 nicht anlegen</translation>
    </message>
    <message>
        <source>the import could not start</source>
        <translation>der Import konnte nicht starten</translation>
    </message>
    <message>
        <source>the import failed: %1</source>
        <translation>der Import ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>nothing could be imported: %1</source>
        <translation>nichts konnte importiert werden: %1</translation>
    </message>
    <message>
        <source>training and detection failed: %1</source>
        <translation>Training und Erkennung sind fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 of %2 views · %3</source>
        <translation>%1 von %2 Ansichten · %3</translation>
    </message>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>kann den Screenshot %1 nicht schreiben</translation>
    </message>
    <message>
        <source>the incident report failed: %1</source>
        <translation>der Vorfallsbericht ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>generate</source>
        <translation>erzeugen</translation>
    </message>
    <message>
        <source>import</source>
        <translation>importieren</translation>
    </message>
    <message>
        <source>train and detect</source>
        <translation>trainieren und erkennen</translation>
    </message>
    <message>
        <source>screenshots</source>
        <translation>Screenshots</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>Berichte</translation>
    </message>
</context>
<context>
    <name>backsight::ui::DemoTenantJob</name>
    <message>
        <source>Generating demo tenant</source>
        <translation>Erzeuge Demo-Mandanten</translation>
    </message>
    <message>
        <source>day %1 of %2 · %3 users</source>
        <translation>Tag %1 von %2 · %3 Benutzer</translation>
    </message>
    <message>
        <source>Generating the demo tenant failed: %1</source>
        <translation>Das Erzeugen des Demo-Mandanten ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Wrote %1 sign-ins and %2 audit events in %3 files under %4</source>
        <translation>%1 Anmeldungen und %2 Audit-Ereignisse in %3 Dateien unter %4 geschrieben</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ExportMenu</name>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>&amp;Report of the selected anomalies (PDF)…</source>
        <translation>&amp;Bericht der ausgewählten Anomalien (PDF)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Report of the selected anomaly&apos;s &amp;user (PDF)…</source>
        <translation>Bericht zum Ben&amp;utzer der ausgewählten Anomalie (PDF)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Report of the &amp;filtered list (PDF)…</source>
        <translation>Bericht der ge&amp;filterten Liste (PDF)…</translation>
    </message>
    <message>
        <source>Selected anomalies as &amp;CSV…</source>
        <translation>Ausgewählte Anomalien als &amp;CSV…</translation>
    </message>
    <message>
        <source>Filtered list as C&amp;SV…</source>
        <translation>Gefilterte Liste als C&amp;SV…</translation>
    </message>
    <message>
        <source>Selected anomalies as &amp;JSON Lines…</source>
        <translation>Ausgewählte Anomalien als &amp;JSON Lines…</translation>
    </message>
    <message>
        <source>Filtered list as JSON &amp;Lines…</source>
        <translation>Gefilterte Liste als JSON &amp;Lines…</translation>
    </message>
    <message>
        <source>Exported %1: %2</source>
        <translation>Exportiert %1: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Select an anomaly of a user in Triage first.</source>
        <translation>Zuerst in der Triage eine Anomalie eines Benutzers auswählen.</translation>
    </message>
    <message>
        <source>Select one or more anomalies in Triage first (or filter the list).</source>
        <translation>Zuerst in der Triage eine oder mehrere Anomalien auswählen (oder die Liste filtern).</translation>
    </message>
    <message>
        <source>incident-report</source>
        <translation>vorfallsbericht</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::FileMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New/Open case database…</source>
        <translation>Falldatenbank &amp;neu/öffnen…</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>&amp;Zuletzt geöffnete Datenbanken</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import &amp;zip archive…</source>
        <translation>ZIP-&amp;Archiv importieren…</translation>
    </message>
    <message>
        <source>&amp;Watch folder…</source>
        <translation>Ordner über&amp;wachen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Cannot open the case database</source>
        <translation>Die Falldatenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>New or existing case database</source>
        <translation>Neue oder vorhandene Falldatenbank</translation>
    </message>
    <message>
        <source>Case databases (*.sqlite *.db);;All files (*)</source>
        <translation>Falldatenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Watch a folder for new exports</source>
        <translation>Einen Ordner auf neue Exporte überwachen</translation>
    </message>
    <message>
        <source>Watch folder</source>
        <translation>Ordner überwachen</translation>
    </message>
    <message>
        <source>Open case on &amp;server…</source>
        <translation>Fall auf &amp;Server öffnen…</translation>
    </message>
    <message>
        <source>%1 cannot be part of a server address.</source>
        <translation>%1 kann nicht Teil einer Serveradresse sein.</translation>
    </message>
    <message>
        <source>Cannot open the case on the server</source>
        <translation>Der Fall auf dem Server lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Password for the case server</source>
        <translation>Passwort für den Fallserver</translation>
    </message>
    <message>
        <source>%1

Password for %2 (this session only):</source>
        <translation>%1

Passwort für %2 (nur für diese Sitzung):</translation>
    </message>
    <message>
        <source>Still connecting to a case server; wait for it or cancel it.</source>
        <translation>Die Verbindung zu einem Fallserver wird noch aufgebaut; warten Sie darauf oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Stopped connecting to %1; the open case stays open.</source>
        <translation>Verbindung zu %1 abgebrochen; der geöffnete Fall bleibt offen.</translation>
    </message>
    <message>
        <source>Stop connecting; the open case stays open</source>
        <translation>Verbindungsaufbau abbrechen; der geöffnete Fall bleibt offen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::HeatmapWidget</name>
    <message>
        <source>Interactive sign-ins by hour and weekday — %1</source>
        <translation>Interaktive Anmeldungen nach Stunde und Wochentag — %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ImportProblemsDialog</name>
    <message>
        <source>(case database)</source>
        <translation>(Falldatenbank)</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>ganze Datei</translation>
    </message>
    <message>
        <source>%1 more records rejected (not listed)</source>
        <translation>%1 weitere Datensätze abgelehnt (nicht aufgeführt)</translation>
    </message>
    <message>
        <source>Import problems</source>
        <translation>Importprobleme</translation>
    </message>
    <message>
        <source>A rejected file was not imported at all. A rejected record was skipped; the rest of its file was imported.</source>
        <translation>Eine abgelehnte Datei wurde gar nicht importiert. Ein abgelehnter Datensatz wurde übersprungen; der Rest seiner Datei wurde importiert.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Alles kopieren</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ImportView</name>
    <message>
        <source>Cancelled: nothing of this file was kept</source>
        <translation>Abgebrochen: nichts von dieser Datei wurde behalten</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Imported %1 new events</source>
        <translation>%1 neue Ereignisse importiert</translation>
    </message>
    <message>
        <source>, %1 were already in the case</source>
        <translation>, %1 waren schon im Fall</translation>
    </message>
    <message>
        <source>; %1 records skipped, e.g. %2</source>
        <translation>; %1 Datensätze übersprungen, z. B. %2</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Import Entra ID sign-in and audit exports: Graph JSON, diagnostic-settings records, Log Analytics exports, the admin center&apos;s CSV, Veeam restore folders and zip archives. Drop them on the window or pick them here. Each file is one transaction: a damaged file is rejected whole, the others stay.</source>
        <translation>Entra-ID-Anmelde- und Audit-Exporte importieren: Graph JSON, Datensätze aus Diagnoseeinstellungen, Log-Analytics-Exporte, die CSV des Admin Centers, Veeam-Wiederherstellungsordner und ZIP-Archive. Auf das Fenster ziehen oder hier auswählen. Jede Datei ist eine Transaktion: eine beschädigte Datei wird ganz abgelehnt, die anderen bleiben.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Dateien importieren…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Ordner importieren…</translation>
    </message>
    <message>
        <source>Import zip archive…</source>
        <translation>ZIP-Archiv importieren…</translation>
    </message>
    <message>
        <source>Cancelling after the current chunk…</source>
        <translation>Abbruch nach dem aktuellen Abschnitt…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Case database: %1</source>
        <translation>Falldatenbank: %1</translation>
    </message>
    <message>
        <source>Open or create a case database first.</source>
        <translation>Zuerst eine Falldatenbank öffnen oder anlegen.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <source>No import running.</source>
        <translation>Kein Import läuft.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere…</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Nicht gelesen: %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::IncidentList</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Arten</translation>
    </message>
    <message>
        <source>Identity ↔ backup incident</source>
        <translation>Identität ↔ Backup-Vorfall</translation>
    </message>
    <message>
        <source>Show in &amp;Timeline</source>
        <translation>In der &amp;Timeline zeigen</translation>
    </message>
    <message>
        <source>identity (%1) + backup (%2)</source>
        <translation>Identität (%1) + Backup (%2)</translation>
    </message>
    <message>
        <source>%1 · threat %2</source>
        <translation>%1 · Bedrohung %2</translation>
    </message>
    <message>
        <source>identity: %1</source>
        <translation>Identität: %1</translation>
    </message>
    <message>
        <source>backup: %1</source>
        <translation>Backup: %1</translation>
    </message>
    <message>
        <source> (+%1 h)</source>
        <translation> (+%1 h)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this job</source>
        <translation>Diesen Auftrag anhalten</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
</context>
<context>
    <name>backsight::ui::LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Backsight uses the new language the next time it starts. Now: %1.</source>
        <translation>Backsight verwendet die neue Sprache beim nächsten Start. Jetzt: %1.</translation>
    </message>
</context>
<context>
    <name>backsight::ui::MainWindow</name>
    <message>
        <source>Backsight</source>
        <translation>Backsight</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Backsight</source>
        <translation>&amp;Über Backsight</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Triage</source>
        <translation>&amp;Triage</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>An import is running; wait for it to finish or cancel it before switching databases.</source>
        <translation>Ein Import läuft; vor dem Wechsel der Datenbank sein Ende abwarten oder ihn abbrechen.</translation>
    </message>
    <message>
        <source>%1 — Backsight</source>
        <translation>%1 — Backsight</translation>
    </message>
    <message>
        <source>Open or create a case database first (File → New/Open case database…).</source>
        <translation>Zuerst eine Falldatenbank öffnen oder anlegen (Datei → Falldatenbank neu/öffnen…).</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it.</source>
        <translation>Ein Import läuft bereits; abwarten oder abbrechen.</translation>
    </message>
    <message>
        <source>About Backsight</source>
        <translation>Über Backsight</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Backsight %1&lt;/h3&gt;&lt;p&gt;Investigates Microsoft Entra ID sign-in and audit logs restored from Veeam backups.&lt;/p&gt;&lt;p&gt;Everything stays on this computer: Backsight never sends data anywhere.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Backsight %1&lt;/h3&gt;&lt;p&gt;Untersucht Microsoft-Entra-ID-Anmelde- und Audit-Protokolle, die aus Veeam-Backups wiederhergestellt wurden.&lt;/p&gt;&lt;p&gt;Alles bleibt auf diesem Computer: Backsight sendet nie Daten irgendwohin.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Sprache…</translation>
    </message>
    <message>
        <source>The new language applies when Backsight starts again.</source>
        <translation>Die neue Sprache gilt, wenn Backsight neu startet.</translation>
    </message>
    <message>
        <source>Detection &amp;sensitivity…</source>
        <translation>Erkennungs&amp;empfindlichkeit…</translation>
    </message>
    <message>
        <source>Open a case database first: the sensitivity is saved in the case.</source>
        <translation>Zuerst eine Falldatenbank öffnen: die Empfindlichkeit wird im Fall gespeichert.</translation>
    </message>
    <message>
        <source>Detection sensitivity %1 saved in the case; it applies from the next detection run.</source>
        <translation>Erkennungsempfindlichkeit %1 im Fall gespeichert; sie gilt ab dem nächsten Erkennungslauf.</translation>
    </message>
    <message>
        <source>Stop after the current file; files already imported stay</source>
        <translation>Nach der aktuellen Datei anhalten; bereits importierte Dateien bleiben</translation>
    </message>
</context>
<context>
    <name>backsight::ui::RulesView</name>
    <message>
        <source>Rules folder…</source>
        <translation>Regelordner…</translation>
    </message>
    <message>
        <source>Run rules</source>
        <translation>Regeln ausführen</translation>
    </message>
    <message>
        <source>Open matches in Triage</source>
        <translation>Treffer in Triage öffnen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation>Warum übersprungen</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>Regel-ID</translation>
    </message>
    <message>
        <source>Run every loaded rule over the case; matches are stored as anomalies of kind sigma (running again adds no duplicates)</source>
        <translation>Jede geladene Regel auf den Fall anwenden; Treffer werden als Anomalien der Art sigma gespeichert (erneutes Ausführen erzeugt keine Duplikate)</translation>
    </message>
    <message>
        <source>Show the selected rule&apos;s anomalies in Triage (all Sigma anomalies when none is selected)</source>
        <translation>Die Anomalien der ausgewählten Regel in Triage zeigen (alle Sigma-Anomalien, wenn keine ausgewählt ist)</translation>
    </message>
    <message>
        <source>Filter rules (title, file, level, status, reason)…</source>
        <translation>Regeln filtern (Titel, Datei, Stufe, Status, Grund)…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Sigma rules folder</source>
        <translation>Ordner mit Sigma-Regeln</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>No rules folder yet. Choose a folder of Sigma rules (for example a checkout of SigmaHQ&apos;s rules/cloud/azure) with “Rules folder…”, or run:  backsight-cli --db CASE sigma --rules DIR</source>
        <translation>Noch kein Regelordner. Mit „Regelordner…“ einen Ordner mit Sigma-Regeln wählen (zum Beispiel einen Checkout von rules/cloud/azure aus SigmaHQ) oder ausführen:  backsight-cli --db CASE sigma --rules DIR</translation>
    </message>
    <message>
        <source>The rules in %1 cannot be read: %2</source>
        <translation>Die Regeln in %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No Sigma rules (*.yml) in %1</source>
        <translation>Keine Sigma-Regeln (*.yml) in %1</translation>
    </message>
    <message>
        <source>%1: %2 rules loaded, %3 skipped (see why in the table). %4</source>
        <translation>%1: %2 Regeln geladen, %3 übersprungen (Gründe in der Tabelle). %4</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Last run: %1 matches.</source>
        <translation>Letzter Lauf: %1 Treffer.</translation>
    </message>
    <message>
        <source>Not run in this session.</source>
        <translation>In dieser Sitzung nicht ausgeführt.</translation>
    </message>
    <message>
        <source> Open a case database to run them.</source>
        <translation> Eine Falldatenbank öffnen, um sie auszuführen.</translation>
    </message>
    <message>
        <source>no rules folder</source>
        <translation>kein Regelordner</translation>
    </message>
    <message>
        <source>%1 rules, %2 skipped</source>
        <translation>%1 Regeln, %2 übersprungen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SensitivityBacktestJob</name>
    <message>
        <source>Sensitivity backtest</source>
        <translation>Empfindlichkeits-Backtest</translation>
    </message>
    <message>
        <source>backtest… %1 %</source>
        <translation>Backtest… %1 %</translation>
    </message>
    <message>
        <source>Backtest over %1 sign-ins and %2 audit records in %3 ms; nothing was stored</source>
        <translation>Backtest über %1 Anmeldungen und %2 Audit-Einträge in %3 ms; nichts wurde gespeichert</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SensitivityDialog</name>
    <message>
        <source>Fewest alerts: findings judged against the user&apos;s baseline one level lower; new places, hours, apps and model scores never above low.</source>
        <translation>Wenigste Alarme: Befunde gegenüber der Baseline des Benutzers eine Stufe niedriger eingestuft; neue Orte, Uhrzeiten, Apps und Modellwerte nie über niedrig.</translation>
    </message>
    <message>
        <source>Low: new places, hours, apps and model scores never above low.</source>
        <translation>Niedrig: neue Orte, Uhrzeiten, Apps und Modellwerte nie über niedrig.</translation>
    </message>
    <message>
        <source>Default: the severity table as documented (docs/detections.md).</source>
        <translation>Standard: die Schweregradtabelle wie dokumentiert (docs/detections.md).</translation>
    </message>
    <message>
        <source>High: a strong contextual finding (score 0.6 or more) of a user past learning, from a device not theirs, is at least medium.</source>
        <translation>Hoch: ein starker Kontextbefund (Wert 0,6 oder mehr) eines Benutzers nach der Lernphase, von einem fremden Gerät, ist mindestens mittel.</translation>
    </message>
    <message>
        <source>Most alerts: every low finding of a user past learning is medium, even from their own device.</source>
        <translation>Meiste Alarme: jeder niedrige Befund eines Benutzers nach der Lernphase ist mittel, selbst von seinem eigenen Gerät.</translation>
    </message>
    <message>
        <source>Run &amp;backtest</source>
        <translation>&amp;Backtest ausführen</translation>
    </message>
    <message>
        <source>Detection sensitivity</source>
        <translation>Erkennungsempfindlichkeit</translation>
    </message>
    <message>
        <source>Fewer alerts</source>
        <translation>Weniger Alarme</translation>
    </message>
    <message>
        <source>More alerts</source>
        <translation>Mehr Alarme</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Lows in digests</source>
        <translation>Niedrige in Sammelmeldungen</translation>
    </message>
    <message>
        <source>Examine every event of the case once more and count, for each setting, the anomalies it would raise. Nothing is stored.</source>
        <translation>Jedes Ereignis des Falls noch einmal prüfen und für jede Einstellung die Anomalien zählen, die sie auslösen würde. Nichts wird gespeichert.</translation>
    </message>
    <message>
        <source>Run the backtest to see what each setting would have raised over this case.</source>
        <translation>Den Backtest ausführen, um zu sehen, was jede Einstellung in diesem Fall ausgelöst hätte.</translation>
    </message>
    <message>
        <source>Save for this case</source>
        <translation>Für diesen Fall speichern</translation>
    </message>
    <message>
        <source>How readily findings become medium or higher. Saved in the case; applies from the next detection run (backsight-cli detect --sensitivity N does the same).</source>
        <translation>Wie schnell Befunde mittel oder höher werden. Im Fall gespeichert; gilt ab dem nächsten Erkennungslauf (backsight-cli detect --sensitivity N tut dasselbe).</translation>
    </message>
    <message>
        <source>Examining every event of the case…</source>
        <translation>Prüfe jedes Ereignis des Falls…</translation>
    </message>
    <message>
        <source>Cannot save the sensitivity</source>
        <translation>Die Empfindlichkeit kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ServerCaseDialog</name>
    <message>
        <source>Open case on server</source>
        <translation>Fall auf dem Server öffnen</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Leave the password empty to use ~/.pgpass (or the file $PGPASSFILE names). A password typed here is used for this session only and is never saved.</source>
        <translation>Ohne Passwort wird ~/.pgpass verwendet (oder die Datei, die $PGPASSFILE nennt). Ein hier eingegebenes Passwort gilt nur für diese Sitzung und wird nie gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SessionChartView</name>
    <message>
        <source>Wheel or +/− zooms time, drag or arrow keys pan, Home or a double click shows everything</source>
        <translation>Mausrad oder +/− zoomt die Zeit, Ziehen oder Pfeiltasten verschieben, Pos1 oder Doppelklick zeigt alles</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SigmaJob</name>
    <message>
        <source>Sigma rules</source>
        <translation>Sigma-Regeln</translation>
    </message>
    <message>
        <source>Sigma rules: %1 of %2 events</source>
        <translation>Sigma-Regeln: %1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>Sigma rules cancelled; nothing was stored</source>
        <translation>Sigma-Regeln abgebrochen; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>Sigma: %1 rules run (%2 skipped) over %3 events: %4 matches, %5 new anomalies</source>
        <translation>Sigma: %1 Regeln ausgeführt (%2 übersprungen) über %3 Ereignisse: %4 Treffer, %5 neue Anomalien</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SignInDetailPane</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Select a sign-in to see every field and the original record.</source>
        <translation>Eine Anmeldung auswählen, um jedes Feld und den Originaldatensatz zu sehen.</translation>
    </message>
    <message>
        <source>Original record</source>
        <translation>Originaldatensatz</translation>
    </message>
    <message>
        <source>Sign-in %1 is no longer in the database.</source>
        <translation>Anmeldung %1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>%1 · %2 UTC · %3</source>
        <translation>%1 · %2 UTC · %3</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Quelldatei</translation>
    </message>
    <message>
        <source>unknown (source %1)</source>
        <translation>unbekannt (Quelle %1)</translation>
    </message>
    <message>
        <source>Record in file</source>
        <translation>Datensatz in der Datei</translation>
    </message>
    <message>
        <source>Source SHA-256</source>
        <translation>SHA-256 der Quelle</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Gelesen als</translation>
    </message>
    <message>
        <source>Original record: %1</source>
        <translation>Originaldatensatz: %1</translation>
    </message>
    <message numerus="yes">
        <source>Original record (%n bytes as read)</source>
        <translation>
            <numerusform>Originaldatensatz (%n Byte wie gelesen)</numerusform>
            <numerusform>Originaldatensatz (%n Bytes wie gelesen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Hosting / VPN network</source>
        <translation>Hosting-/VPN-Netzwerk</translation>
    </message>
    <message>
        <source>Yes: cloud / hosting provider</source>
        <translation>Ja: Cloud-/Hosting-Anbieter</translation>
    </message>
    <message>
        <source>Yes: commercial VPN</source>
        <translation>Ja: kommerzielles VPN</translation>
    </message>
    <message>
        <source>No (not on the curated list)</source>
        <translation>Nein (nicht auf der kuratierten Liste)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SignInFilterBar</name>
    <message>
        <source>Filter by user, display name, IP address, app, city or country</source>
        <translation>Nach Benutzer, Anzeigename, IP-Adresse, App, Stadt oder Land filtern</translation>
    </message>
    <message>
        <source>All sign-ins</source>
        <translation>Alle Anmeldungen</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interaktiv</translation>
    </message>
    <message>
        <source>Non-interactive</source>
        <translation>Nicht interaktiv</translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation>Nur Fehlschläge</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SignInsModel</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Time in this computer&apos;s zone (%1), with its offset from UTC</source>
        <translation>Zeit in der Zeitzone dieses Computers (%1), mit ihrem Abstand zu UTC</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Benutzer (UPN)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Client app</source>
        <translation>Client-App</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>BS</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interaktiv</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>MFA</source>
        <translation>MFA</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SignInsView</name>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Keine Falldatenbank geöffnet — Datei → Falldatenbank neu/öffnen…</translation>
    </message>
    <message>
        <source>No sign-ins yet — File → Import… or drop Veeam restore folders, zip archives, JSON or CSV exports here</source>
        <translation>Noch keine Anmeldungen — Datei → Importieren… oder Veeam-Wiederherstellungsordner, ZIP-Archive, JSON- oder CSV-Exporte hierher ziehen</translation>
    </message>
    <message>
        <source>%1 of … sign-ins (counting)</source>
        <translation>%1 von … Anmeldungen (wird gezählt)</translation>
    </message>
    <message>
        <source>counting sign-ins…</source>
        <translation>zähle Anmeldungen…</translation>
    </message>
    <message>
        <source>%1 of %2 sign-ins</source>
        <translation>%1 von %2 Anmeldungen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::StatusChangeDialog</name>
    <message>
        <source>Change the status of 1 anomaly</source>
        <translation>Den Status von 1 Anomalie ändern</translation>
    </message>
    <message>
        <source>Change the status of %1 anomalies</source>
        <translation>Den Status von %1 Anomalien ändern</translation>
    </message>
    <message>
        <source>Why (kept in the case record and the audit log)</source>
        <translation>Warum (festgehalten in der Fallakte und im Audit-Log)</translation>
    </message>
    <message>
        <source>phishing, vip (comma-separated)</source>
        <translation>phishing, vip (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TeamRefresh</name>
    <message>
        <source>Colleagues&apos; changes will not show until you refresh (F5): %1</source>
        <translation>Änderungen von Kollegen erscheinen erst nach dem Aktualisieren (F5): %1</translation>
    </message>
    <message>
        <source>Case changed by a colleague — views refreshed</source>
        <translation>Fall von einem Kollegen geändert — Ansichten aktualisiert</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TimelineView</name>
    <message>
        <source>Fit all</source>
        <translation>Alles einpassen</translation>
    </message>
    <message>
        <source>Show selection in Triage</source>
        <translation>Auswahl in Triage zeigen</translation>
    </message>
    <message>
        <source>User (UPN) — empty for the whole tenant</source>
        <translation>Benutzer (UPN) — leer für den ganzen Mandanten</translation>
    </message>
    <message>
        <source>Show everything (Home)</source>
        <translation>Alles zeigen (Pos1)</translation>
    </message>
    <message>
        <source>Shift+drag on the timeline to select a range first</source>
        <translation>Zuerst mit Umschalt+Ziehen auf der Timeline einen Bereich auswählen</translation>
    </message>
    <message>
        <source>Click a marker to see the event.</source>
        <translation>Eine Markierung anklicken, um das Ereignis zu sehen.</translation>
    </message>
    <message>
        <source>selected %1 – %2 UTC</source>
        <translation>ausgewählt %1 – %2 UTC</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>No case database is open</source>
        <translation>Keine Falldatenbank geöffnet</translation>
    </message>
    <message>
        <source>No sign-ins yet — File → Import…</source>
        <translation>Noch keine Anmeldungen — Datei → Importieren…</translation>
    </message>
    <message>
        <source>No sign-ins of %1</source>
        <translation>Keine Anmeldungen von %1</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Anomaly %1 — opening it in Triage.</source>
        <translation>Anomalie %1 — wird in Triage geöffnet.</translation>
    </message>
    <message>
        <source>The original record of %1 is not stored.</source>
        <translation>Der Originaldatensatz von %1 ist nicht gespeichert.</translation>
    </message>
    <message>
        <source>Event %1

%2</source>
        <translation>Ereignis %1

%2</translation>
    </message>
    <message>
        <source>%1 → %2 backup anomalies, %3 h later</source>
        <translation>%1 → %2 Backup-Anomalien, %3 h später</translation>
    </message>
    <message>
        <source>%1: %2 sign-ins, %3 anomalies and %4 identity ↔ backup incidents in view</source>
        <translation>%1: %2 Anmeldungen, %3 Anomalien und %4 Identität ↔ Backup-Vorfälle im sichtbaren Bereich</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TimelineWidget</name>
    <message>
        <source>Wheel or +/− to zoom, drag or ←/→ to pan, Shift+drag to select a range, click a marker to see it</source>
        <translation>Mausrad oder +/− zoomt, Ziehen oder ←/→ verschiebt, Umschalt+Ziehen wählt einen Bereich, Markierung anklicken zeigt sie</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>per %1</source>
        <translation>pro %1</translation>
    </message>
    <message>
        <source>failed ↓</source>
        <translation>fehlgeschlagen ↓</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>incident: %1</source>
        <translation>Vorfall: %1</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>Vorfall</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TrainingView</name>
    <message>
        <source>Recompute all baselines</source>
        <translation>Alle Baselines neu berechnen</translation>
    </message>
    <message>
        <source>Retrain all models</source>
        <translation>Alle Modelle neu trainieren</translation>
    </message>
    <message>
        <source>Retrain changed users</source>
        <translation>Geänderte Benutzer neu trainieren</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Model kind</source>
        <translation>Modellart</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last trained (UTC)</source>
        <translation>Zuletzt trainiert (UTC)</translation>
    </message>
    <message>
        <source>Events used</source>
        <translation>Genutzte Ereignisse</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Learning state</source>
        <translation>Lernstand</translation>
    </message>
    <message>
        <source>Recompute every user&apos;s baseline over the last 60 days of sign-ins (a job; cancel in the status bar)</source>
        <translation>Die Baseline jedes Benutzers über die Anmeldungen der letzten 60 Tage neu berechnen (ein Job; Abbruch in der Statusleiste)</translation>
    </message>
    <message>
        <source>Train every user&apos;s Isolation Forest and the tenant model again (a job; cancel in the status bar)</source>
        <translation>Den Isolation Forest jedes Benutzers und das Mandantenmodell neu trainieren (ein Job; Abbruch in der Statusleiste)</translation>
    </message>
    <message>
        <source>Retrain only users with sign-ins newer than their model&apos;s window</source>
        <translation>Nur Benutzer neu trainieren, deren Anmeldungen neuer als das Zeitfenster ihres Modells sind</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation>keine Baseline</translation>
    </message>
    <message>
        <source>learning (too little history)</source>
        <translation>lernt (zu wenig Verlauf)</translation>
    </message>
    <message>
        <source>learned</source>
        <translation>gelernt</translation>
    </message>
    <message>
        <source>tenant-wide</source>
        <translation>mandantenweit</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>baseline only</source>
        <translation>nur Baseline</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Keine Falldatenbank geöffnet — Datei → Falldatenbank neu/öffnen…</translation>
    </message>
    <message>
        <source>Nothing trained yet. Recompute baselines and retrain models here, or run:
backsight-cli --db &quot;%1&quot; train</source>
        <translation>Noch nichts trainiert. Baselines hier neu berechnen und Modelle neu trainieren, oder ausführen:
backsight-cli --db &quot;%1&quot; train</translation>
    </message>
    <message>
        <source>%1 users with a baseline (%2 still learning), %3 active models.
After retraining, score new events with:  backsight-cli --db &quot;%4&quot; detect</source>
        <translation>%1 Benutzer mit Baseline (%2 lernen noch), %3 aktive Modelle.
Nach dem Neutrainieren neue Ereignisse bewerten mit:  backsight-cli --db &quot;%4&quot; detect</translation>
    </message>
    <message>
        <source>%1 baselines, %2 models</source>
        <translation>%1 Baselines, %2 Modelle</translation>
    </message>
    <message>
        <source>Judges sign-ins from (UTC)</source>
        <translation>Beurteilt Anmeldungen ab (UTC)</translation>
    </message>
    <message>
        <source>Point in time: a model learnt from the sign-ins before this time and judges only those after it</source>
        <translation>Zeitpunktgenau: ein Modell lernte aus den Anmeldungen vor diesem Zeitpunkt und beurteilt nur die danach</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TravelMapView</name>
    <message>
        <source>User (UPN) — empty for the whole tenant</source>
        <translation>Benutzer (UPN) — leer für den ganzen Mandanten</translation>
    </message>
    <message>
        <source>Show sign-ins up to this moment</source>
        <translation>Anmeldungen bis zu diesem Zeitpunkt zeigen</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Up to:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Circle area = sign-ins from that place · dashed: travel between consecutive sign-ins · red: impossible travel found by detection (before detection has run: faster than %L1 km/h)</source>
        <translation>Kreisfläche = Anmeldungen von diesem Ort · gestrichelt: Reise zwischen aufeinanderfolgenden Anmeldungen · rot: von der Erkennung gefundene unmögliche Reise (vor der Erkennung: schneller als %L1 km/h)</translation>
    </message>
    <message>
        <source>Travel map</source>
        <translation>Reisekarte</translation>
    </message>
    <message>
        <source>Tenant: %1 places</source>
        <translation>Mandant: %1 Orte</translation>
    </message>
    <message>
        <source>%1: %2 places, %3 impossible-travel legs%4</source>
        <translation>%1: %2 Orte, %3 unmögliche Reiseabschnitte%4</translation>
    </message>
    <message>
        <source> (first %1 sign-ins)</source>
        <translation> (erste %1 Anmeldungen)</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TravelMapWidget</name>
    <message>
        <source>Wheel or +/− to zoom, drag to pan, click a place to list its sign-ins</source>
        <translation>Mausrad oder +/− zoomt, Ziehen verschiebt, Ort anklicken listet seine Anmeldungen</translation>
    </message>
    <message>
        <source>%1 km in %2 min = %3 km/h</source>
        <translation>%1 km in %2 min = %3 km/h</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The bundled world map is missing from this build.</source>
        <translation>Die mitgelieferte Weltkarte fehlt in diesem Build.</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TriageFilterBar</name>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 und höher</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Open (new, investigating)</source>
        <translation>Offen (neu, in Untersuchung)</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Benutzer (UPN)</translation>
    </message>
    <message>
        <source>Search reasons, users, kinds…</source>
        <translation>Gründe, Benutzer, Arten durchsuchen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Remove the time range, country and app that a click-through added</source>
        <translation>Den Zeitraum, das Land und die App entfernen, die ein Durchklicken hinzugefügt hat</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>nur %1</translation>
    </message>
    <message>
        <source>country %1</source>
        <translation>Land %1</translation>
    </message>
    <message>
        <source>app %1</source>
        <translation>App %1</translation>
    </message>
    <message>
        <source>Network (AS number or organisation)</source>
        <translation>Netzwerk (AS-Nummer oder Organisation)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TriageModel</name>
    <message>
        <source>%1 in the user&apos;s own zone: their usual offset, home %2 (from their baseline)</source>
        <translation>%1 in der eigenen Zeitzone des Benutzers: sein üblicher Abstand, Heimatort %2 (aus seiner Baseline)</translation>
    </message>
    <message>
        <source>%1 in this computer&apos;s zone (%2): no baseline gives this subject&apos;s own zone</source>
        <translation>%1 in der Zeitzone dieses Computers (%2): keine Baseline nennt die eigene Zeitzone dieses Subjekts</translation>
    </message>
    <message>
        <source> (this computer)</source>
        <translation> (dieser Computer)</translation>
    </message>
    <message>
        <source>The user&apos;s own local time with its UTC offset (their usual zone, from their baseline); without a baseline, this computer&apos;s zone (%1)</source>
        <translation>Die eigene Ortszeit des Benutzers mit ihrem UTC-Abstand (seine übliche Zeitzone, aus seiner Baseline); ohne Baseline die Zeitzone dieses Computers (%1)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Time (user&apos;s zone)</source>
        <translation>Zeit (Zone des Benutzers)</translation>
    </message>
    <message>
        <source>User / subject</source>
        <translation>Benutzer / Subjekt</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Arten</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1: a cloud / hosting or commercial VPN network (the curated list, resources/asn/SOURCES.md)</source>
        <translation>%1: ein Cloud-/Hosting- oder kommerzielles VPN-Netzwerk (die kuratierte Liste, resources/asn/SOURCES.md)</translation>
    </message>
    <message>
        <source>The autonomous system (ASN) and organisation of the anomaly&apos;s sign-in; hosting and VPN networks are marked and coloured</source>
        <translation>Das autonome System (ASN) und die Organisation der Anmeldung der Anomalie; Hosting- und VPN-Netzwerke sind markiert und farbig hervorgehoben</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TriageView</name>
    <message>
        <source>Mark as &amp;new</source>
        <translation>Als &amp;neu markieren</translation>
    </message>
    <message>
        <source>Mark as &amp;investigating</source>
        <translation>Als &amp;in Untersuchung markieren</translation>
    </message>
    <message>
        <source>Mark as &amp;confirmed</source>
        <translation>Als &amp;bestätigt markieren</translation>
    </message>
    <message>
        <source>Mark as &amp;dismissed</source>
        <translation>Als &amp;verworfen markieren</translation>
    </message>
    <message>
        <source>Change &amp;status with note and tags…</source>
        <translation>&amp;Status mit Notiz und Tags ändern…</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Keine Falldatenbank geöffnet — Datei → Falldatenbank neu/öffnen…</translation>
    </message>
    <message>
        <source>No anomalies yet. Detection fills this queue:

backsight-cli --db &quot;%1&quot; train
backsight-cli --db &quot;%1&quot; detect

then View → Refresh (F5).</source>
        <translation>Noch keine Anomalien. Die Erkennung füllt diese Liste:

backsight-cli --db &quot;%1&quot; train
backsight-cli --db &quot;%1&quot; detect

dann Ansicht → Aktualisieren (F5).</translation>
    </message>
    <message>
        <source>%1 of %2 anomalies</source>
        <translation>%1 von %2 Anomalien</translation>
    </message>
    <message>
        <source> (first %1 shown: narrow the filter)</source>
        <translation> (erste %1 gezeigt: Filter eingrenzen)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::UserNetworksModel</name>
    <message>
        <source>Hosting / cloud</source>
        <translation>Hosting / Cloud</translation>
    </message>
    <message>
        <source>Commercial VPN</source>
        <translation>Kommerzielles VPN</translation>
    </message>
    <message>
        <source>ISP or other</source>
        <translation>Provider oder anderes</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Not recorded: imported before the ASN lookup, or an address the offline table does not list</source>
        <translation>Nicht erfasst: vor der ASN-Zuordnung importiert oder eine Adresse, die die Offline-Tabelle nicht enthält</translation>
    </message>
    <message>
        <source>%1 is on the curated list of cloud / hosting and commercial VPN networks (resources/asn/SOURCES.md): an interactive sign-in from it is unusual for a person</source>
        <translation>%1 steht auf der kuratierten Liste der Cloud-/Hosting- und kommerziellen VPN-Netzwerke (resources/asn/SOURCES.md): eine interaktive Anmeldung von dort ist für einen Menschen ungewöhnlich</translation>
    </message>
    <message>
        <source>Not on the curated list of hosting and VPN networks: usually an internet provider, a mobile carrier or a company&apos;s own network</source>
        <translation>Nicht auf der kuratierten Liste der Hosting- und VPN-Netzwerke: meist ein Internetanbieter, ein Mobilfunkanbieter oder das eigene Netzwerk eines Unternehmens</translation>
    </message>
    <message>
        <source>Hosting and VPN networks come from a short curated list; every other network shows as ISP or other</source>
        <translation>Hosting- und VPN-Netzwerke stammen aus einer kurzen kuratierten Liste; jedes andere Netzwerk erscheint als Provider oder anderes</translation>
    </message>
    <message>
        <source>ASN</source>
        <translation>ASN</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Länder</translation>
    </message>
</context>
<context>
    <name>backsight::ui::UserView</name>
    <message>
        <source>%1, home %2 (%3)</source>
        <translation>%1, Heimatort %2 (%3)</translation>
    </message>
    <message>
        <source>UTC (no location known)</source>
        <translation>UTC (kein Ort bekannt)</translation>
    </message>
    <message>
        <source>%1, from the most frequent country %2 — no baseline yet</source>
        <translation>%1, aus dem häufigsten Land %2 — noch keine Baseline</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP-Adressen</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Operating systems</source>
        <translation>Betriebssysteme</translation>
    </message>
    <message>
        <source>Browsers</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Trained (UTC)</source>
        <translation>Trainiert (UTC)</translation>
    </message>
    <message>
        <source>Events used</source>
        <translation>Genutzte Ereignisse</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Benutzer (UPN)</translation>
    </message>
    <message>
        <source>Click to open in Triage</source>
        <translation>Anklicken, um in Triage zu öffnen</translation>
    </message>
    <message>
        <source>Anomalies in Triage</source>
        <translation>Anomalien in Triage</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Travel map</source>
        <translation>Reisekarte</translation>
    </message>
    <message>
        <source>Where and how they sign in (all imported sign-ins)</source>
        <translation>Wo und wie sich der Benutzer anmeldet (alle importierten Anmeldungen)</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Keine Falldatenbank geöffnet — Datei → Falldatenbank neu/öffnen…</translation>
    </message>
    <message>
        <source>Pick a user above.</source>
        <translation>Oben einen Benutzer wählen.</translation>
    </message>
    <message>
        <source>No sign-ins of %1 in this case.</source>
        <translation>Keine Anmeldungen von %1 in diesem Fall.</translation>
    </message>
    <message>
        <source>Baseline %1 – %2 UTC%3.</source>
        <translation>Baseline %1 – %2 UTC%3.</translation>
    </message>
    <message>
        <source>, still learning (too little history)</source>
        <translation>, lernt noch (zu wenig Verlauf)</translation>
    </message>
    <message>
        <source>No baseline yet — the heatmap is computed from the sign-ins; run  backsight-cli --db &quot;%1&quot; train  for the real one.</source>
        <translation>Noch keine Baseline — die Heatmap wird aus den Anmeldungen berechnet; für die echte  backsight-cli --db &quot;%1&quot; train  ausführen.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 sign-ins, %4 failed (%5 %). %6</source>
        <translation>%1 (%2): %3 Anmeldungen, %4 fehlgeschlagen (%5 %). %6</translation>
    </message>
    <message>
        <source>
No interactive sign-ins: all %1 are non-interactive (token refreshes, background apps), so the hour × weekday heatmap below is empty.</source>
        <translation>
Keine interaktiven Anmeldungen: alle %1 sind nicht interaktiv (Token-Erneuerungen, Hintergrund-Apps), daher ist die Heatmap Stunde × Wochentag unten leer.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>No models for this user yet — run  backsight-cli --db &quot;%1&quot; train</source>
        <translation>Noch keine Modelle für diesen Benutzer —  backsight-cli --db &quot;%1&quot; train  ausführen</translation>
    </message>
    <message>
        <source>Sign-ins per day and failure rate (UTC)</source>
        <translation>Anmeldungen pro Tag und Fehlerquote (UTC)</translation>
    </message>
    <message>
        <source>Failure rate %</source>
        <translation>Fehlerquote %</translation>
    </message>
    <message>
        <source>days since %1</source>
        <translation>Tage seit %1</translation>
    </message>
    <message>
        <source>%1: %2 sign-ins, %3 anomalies</source>
        <translation>%1: %2 Anmeldungen, %3 Anomalien</translation>
    </message>
    <message>
        <source>Networks they sign in from (ASN, all imported sign-ins)</source>
        <translation>Netzwerke, aus denen sich der Benutzer anmeldet (ASN, alle importierten Anmeldungen)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ViewScreenshots</name>
    <message>
        <source>cannot create the screenshot folder %1</source>
        <translation>kann den Screenshot-Ordner %1 nicht anlegen</translation>
    </message>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>kann den Screenshot %1 nicht schreiben</translation>
    </message>
</context>
<context>
    <name>backsight::ui::WatchController</name>
    <message>
        <source>Open or create a case database first (File → New/Open case database…).</source>
        <translation>Zuerst eine Falldatenbank öffnen oder anlegen (Datei → Falldatenbank neu/öffnen…).</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 is already watched.</source>
        <translation>%1 wird bereits überwacht.</translation>
    </message>
    <message>
        <source>Watching %1: new or grown exports are imported and checked as they arrive.</source>
        <translation>Überwache %1: neue oder gewachsene Exporte werden beim Eintreffen importiert und geprüft.</translation>
    </message>
    <message>
        <source>Watch: %1</source>
        <translation>Überwachung: %1</translation>
    </message>
    <message>
        <source>Backsight: %1 anomaly</source>
        <translation>Backsight: %1-Anomalie</translation>
    </message>
    <message>
        <source>Backsight is watching folders</source>
        <translation>Backsight überwacht Ordner</translation>
    </message>
</context>
<context>
    <name>backsight::ui::WatchedFoldersPanel</name>
    <message>
        <source>Watched folders</source>
        <translation>Überwachte Ordner</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Überwachung beenden</translation>
    </message>
    <message>
        <source>New or grown exports dropped here are imported once their size holds, checked for anomalies, and new high or critical ones are notified.</source>
        <translation>Hier abgelegte neue oder gewachsene Exporte werden importiert, sobald ihre Größe stabil ist, auf Anomalien geprüft, und neue hohe oder kritische werden gemeldet.</translation>
    </message>
    <message>
        <source>Watch folder…</source>
        <translation>Ordner überwachen…</translation>
    </message>
    <message>
        <source>None — File → Watch folder… or the button below</source>
        <translation>Keine — Datei → Ordner überwachen… oder die Schaltfläche unten</translation>
    </message>
</context>
</TS>
