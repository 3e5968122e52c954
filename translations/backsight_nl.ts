<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
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
        <translation>Legt het werk van een analist aan anomalieën vast (elke actie wordt meteen opgeslagen en in het auditlogboek gezet).

  case status --id ID[,ID...] --set new|investigating|confirmed|dismissed [--note TEXT]
  case note   --id ID[,ID...] --text TEXT
  case tag    --id ID[,ID...] (--add TAG | --remove TAG)
  case show   --id ID[,ID...]         status, notities en tags als JSON Lines
  case log    [--id ID] [--action NAME] [--json]   het auditlogboek, oudste eerst

--author NAME (standaard: $USER) noemt wie handelde. In een case op een server wordt de databaserol waarmee u
bent aangemeld als auteur vastgelegd; een afwijkende NAME staat ernaast in het auditlogboek (display_name).</translation>
    </message>
    <message>
        <source>status, note, tag, show or log</source>
        <translation>status, note, tag, show of log</translation>
    </message>
    <message>
        <source>Anomaly ids, comma-separated.</source>
        <translation>Anomalie-id&apos;s, gescheiden door komma&apos;s.</translation>
    </message>
    <message>
        <source>The new status.</source>
        <translation>De nieuwe status.</translation>
    </message>
    <message>
        <source>A note to add with the status.</source>
        <translation>Een notitie bij de status.</translation>
    </message>
    <message>
        <source>The note&apos;s text.</source>
        <translation>De tekst van de notitie.</translation>
    </message>
    <message>
        <source>Tag to add.</source>
        <translation>Toe te voegen tag.</translation>
    </message>
    <message>
        <source>Tag to remove.</source>
        <translation>Te verwijderen tag.</translation>
    </message>
    <message>
        <source>Who acted (default: $USER).</source>
        <translation>Wie handelde (standaard: $USER).</translation>
    </message>
    <message>
        <source>log: only this action.</source>
        <translation>log: alleen deze actie.</translation>
    </message>
    <message>
        <source>log: JSON Lines instead of a table.</source>
        <translation>log: JSON Lines in plaats van een tabel.</translation>
    </message>
    <message>
        <source>say status, note, tag, show or log</source>
        <translation>geef status, note, tag, show of log op</translation>
    </message>
    <message>
        <source>--id is required</source>
        <translation>--id is verplicht</translation>
    </message>
    <message>
        <source>--set is one of %1</source>
        <translation>--set is een van %1</translation>
    </message>
    <message>
        <source>--text is required</source>
        <translation>--text is verplicht</translation>
    </message>
    <message>
        <source>give --add TAG or --remove TAG</source>
        <translation>geef --add TAG of --remove TAG op</translation>
    </message>
    <message>
        <source>%1 of %2 anomalies now %3</source>
        <translation>%1 van %2 anomalieën nu %3</translation>
    </message>
    <message>
        <source>no anomaly %1 in %2</source>
        <translation>geen anomalie %1 in %2</translation>
    </message>
    <message>
        <source>Import Entra ID log exports (files, folders, zip) into the database</source>
        <translation>Entra ID-logexports (bestanden, mappen, zip) in de database importeren</translation>
    </message>
    <message>
        <source>Counts of what the database holds</source>
        <translation>Aantallen van wat de database bevat</translation>
    </message>
    <message>
        <source>Print stored events as CSV or JSON Lines</source>
        <translation>Opgeslagen gebeurtenissen als CSV of JSON Lines afdrukken</translation>
    </message>
    <message>
        <source>Write a synthetic demo tenant&apos;s logs (Veeam restore layout)</source>
        <translation>Logs van een synthetische demotenant schrijven (Veeam-herstelindeling)</translation>
    </message>
    <message>
        <source>Score the database&apos;s anomalies against a generated tenant&apos;s labels</source>
        <translation>De anomalieën van de database toetsen aan de labels van een gegenereerde tenant</translation>
    </message>
    <message>
        <source>Compute per-user baselines (and train models) over a window</source>
        <translation>Basislijnen per gebruiker over een venster berekenen (en modellen trainen)</translation>
    </message>
    <message>
        <source>Examine new events and store anomalies with reasons and severity</source>
        <translation>Nieuwe gebeurtenissen onderzoeken en anomalieën met redenen en ernst opslaan</translation>
    </message>
    <message>
        <source>Print the stored anomalies as JSON Lines, CSV or a table</source>
        <translation>De opgeslagen anomalieën als JSON Lines, CSV of tabel afdrukken</translation>
    </message>
    <message>
        <source>Servers with backup sessions, their latest threat score and model</source>
        <translation>Servers met back-upsessies, hun laatste dreigingsscore en model</translation>
    </message>
    <message>
        <source>Fit and score an Isolation Forest on a numeric CSV (ODDS benchmark files)</source>
        <translation>Een Isolation Forest op een numerieke CSV fitten en scoren (ODDS-benchmarkbestanden)</translation>
    </message>
    <message>
        <source>Trained models and their versions; roll back to an older version</source>
        <translation>Getrainde modellen en hun versies; terug naar een oudere versie</translation>
    </message>
    <message>
        <source>Write an incident report (PDF) or the anomalies (CSV, JSON Lines); audit-logged</source>
        <translation>Een incidentrapport (PDF) of de anomalieën (CSV, JSON Lines) schrijven; in het auditlogboek vastgelegd</translation>
    </message>
    <message>
        <source>Triage status, notes and tags of anomalies; the audit log</source>
        <translation>Triagestatus, notities en tags van anomalieën; het auditlogboek</translation>
    </message>
    <message>
        <source>Run Sigma rules (Azure sign-in, audit, risk) over the case; matches become anomalies</source>
        <translation>Sigma-regels (Azure-aanmelding, audit, risico) op de zaak uitvoeren; treffers worden anomalieën</translation>
    </message>
    <message>
        <source>Watch folders: import new exports, detect, print new high/critical anomalies</source>
        <translation>Mappen bewaken: nieuwe exports importeren, detecteren, nieuwe hoge/kritieke anomalieën afdrukken</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Deze hulp tonen.</translation>
    </message>
    <message>
        <source>there is no case database at %1 (that is a folder); check --db, or create the case with &apos;backsight-cli --db PATH import EXPORTS...&apos;</source>
        <translation>er is geen zaakdatabase op %1 (dat is een map); controleer --db, of maak de zaak met &apos;backsight-cli --db PATH import EXPORTS...&apos;</translation>
    </message>
    <message>
        <source>there is no case database at %1; check --db, or create the case with &apos;backsight-cli --db PATH import EXPORTS...&apos;</source>
        <translation>er is geen zaakdatabase op %1; controleer --db, of maak de zaak met &apos;backsight-cli --db PATH import EXPORTS...&apos;</translation>
    </message>
    <message>
        <source>Baseline window in days (default 60).</source>
        <translation>Basislijnvenster in dagen (standaard 60).</translation>
    </message>
    <message>
        <source>--window-days must be a whole number of days between 1 and 3650</source>
        <translation>--window-days moet een geheel aantal dagen tussen 1 en 3650 zijn</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Eén JSON-object afdrukken.</translation>
    </message>
    <message>
        <source>Compute every user&apos;s baseline over the window that ends after the latest sign-in.</source>
        <translation>De basislijn van elke gebruiker berekenen over het venster dat na de laatste aanmelding eindigt.</translation>
    </message>
    <message>
        <source>No sign-ins in %1: no baselines. Import logs first.</source>
        <translation>Geen aanmeldingen in %1: geen basislijnen. Importeer eerst logs.</translation>
    </message>
    <message>
        <source>Baselines: %1 users (%2 still learning), %3 sign-ins in %4 days from %5 to %6</source>
        <translation>Basislijnen: %1 gebruikers (%2 leren nog), %3 aanmeldingen in %4 dagen van %5 tot %6</translation>
    </message>
    <message>
        <source>Sign-in models: %1 per-user Isolation Forests, %2 tenant models</source>
        <translation>Aanmeldmodellen: %1 Isolation Forests per gebruiker, %2 tenantmodellen</translation>
    </message>
    <message>
        <source>The sign-in models learnt from sign-ins before %1 and judge only those after it</source>
        <translation>De aanmeldmodellen leerden van de aanmeldingen vóór %1 en beoordelen alleen die erna</translation>
    </message>
    <message>
        <source>Backup models: %1 LSTM autoencoders (per server and fleet) from %2 sessions</source>
        <translation>Back-upmodellen: %1 LSTM-autoencoders (per server en vloot) uit %2 sessies</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Let op: %1</translation>
    </message>
    <message>
        <source>Trained in %1 ms</source>
        <translation>Getraind in %1 ms</translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation>Geen voortgang op stderr.</translation>
    </message>
    <message>
        <source>Also run the Sigma rules in DIR (default: $BACKSIGHT_SIGMA_RULES, else the folder set in the GUI&apos;s Settings); re-running adds no duplicates.</source>
        <translation>Ook de Sigma-regels in DIR uitvoeren (standaard: $BACKSIGHT_SIGMA_RULES, anders de map uit de instellingen van de GUI); opnieuw uitvoeren voegt geen duplicaten toe.</translation>
    </message>
    <message>
        <source>Examine the events no earlier detection examined and store the anomalies.</source>
        <translation>De gebeurtenissen onderzoeken die geen eerdere detectie onderzocht en de anomalieën opslaan.</translation>
    </message>
    <message>
        <source>Sigma rules in %1: %2 matches, %3 new anomalies.</source>
        <translation>Sigma-regels in %1: %2 treffers, %3 nieuwe anomalieën.</translation>
    </message>
    <message>
        <source>Nothing new to examine in %1 (every event was examined by an earlier run).</source>
        <translation>Niets nieuws te onderzoeken in %1 (elke gebeurtenis is door een eerdere run onderzocht).</translation>
    </message>
    <message>
        <source>%1 critical</source>
        <translation>%1 kritiek</translation>
    </message>
    <message>
        <source>%1 high</source>
        <translation>%1 hoog</translation>
    </message>
    <message>
        <source>%1 medium</source>
        <translation>%1 gemiddeld</translation>
    </message>
    <message>
        <source>%1 low</source>
        <translation>%1 laag</translation>
    </message>
    <message>
        <source>Error codes not in the result table (counted as unknown failures, never as success): %1</source>
        <translation>Foutcodes die niet in de resultatentabel staan (geteld als onbekende mislukkingen, nooit als succes): %1</translation>
    </message>
    <message>
        <source>jsonl (default), csv, table, timesketch (JSONL), timesketch-csv or ecs (NDJSON).</source>
        <translation>jsonl (standaard), csv, table, timesketch (JSONL), timesketch-csv of ecs (NDJSON).</translation>
    </message>
    <message>
        <source>low, medium, high or critical.</source>
        <translation>low, medium, high of critical.</translation>
    </message>
    <message>
        <source>Only this user&apos;s anomalies.</source>
        <translation>Alleen de anomalieën van deze gebruiker.</translation>
    </message>
    <message>
        <source>Only these primary kinds (comma-separated).</source>
        <translation>Alleen deze hoofdsoorten (gescheiden door komma&apos;s).</translation>
    </message>
    <message>
        <source>Start CSV with a UTF-8 byte order mark (Excel).</source>
        <translation>CSV met een UTF-8-bytevolgordemarkering beginnen (Excel).</translation>
    </message>
    <message>
        <source>Print the stored anomalies.</source>
        <translation>De opgeslagen anomalieën afdrukken.</translation>
    </message>
    <message>
        <source>--format must be jsonl, csv, table, timesketch, timesketch-csv or ecs</source>
        <translation>--format moet jsonl, csv, table, timesketch, timesketch-csv of ecs zijn</translation>
    </message>
    <message>
        <source>--min-severity must be low, medium, high or critical</source>
        <translation>--min-severity moet low, medium, high of critical zijn</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>kan niet naar standaarduitvoer schrijven</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>attacks</source>
        <translation>aanvallen</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>gedetecteerd</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>recall</translation>
    </message>
    <message>
        <source>time to detection (median)</source>
        <translation>tijd tot detectie (mediaan)</translation>
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
anomalieën: %1 (ernst &gt;= gemiddeld: %2), precisie %3
</translation>
    </message>
    <message>
        <source>false high/critical: %1 in %2 user-days = %3 per 1,000 user-days
</source>
        <translation>onterecht hoog/kritiek: %1 in %2 gebruikersdagen = %3 per 1.000 gebruikersdagen
</translation>
    </message>
    <message>
        <source>PR-AUC of per-event scores: %1
</source>
        <translation>PR-AUC van de scores per gebeurtenis: %1
</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>let op: %1</translation>
    </message>
    <message>
        <source>labels.csv written by generate.</source>
        <translation>Door generate geschreven labels.csv.</translation>
    </message>
    <message>
        <source>Score the database&apos;s anomalies against the ground truth of a generated tenant: recall per attack kind, precision, false alarms per 1,000 user-days, PR-AUC (docs/simulation.md).</source>
        <translation>De anomalieën van de database toetsen aan de grondwaarheid van een gegenereerde tenant: recall per aanvalssoort, precisie, valse alarmen per 1.000 gebruikersdagen, PR-AUC (docs/simulation.md).</translation>
    </message>
    <message>
        <source>--labels FILE is required</source>
        <translation>--labels FILE is verplicht</translation>
    </message>
    <message>
        <source>%1 (write it with a zone, e.g. 2024-11-01T00:00:00Z)</source>
        <translation>%1 (schrijf het met een zone, bijv. 2024-11-01T00:00:00Z)</translation>
    </message>
    <message>
        <source>Only this user (UPN).</source>
        <translation>Alleen deze gebruiker (UPN).</translation>
    </message>
    <message>
        <source>From this time (ISO 8601 with zone), inclusive.</source>
        <translation>Vanaf dit tijdstip (ISO 8601 met zone), inclusief.</translation>
    </message>
    <message>
        <source>Up to this time (ISO 8601 with zone), exclusive.</source>
        <translation>Tot dit tijdstip (ISO 8601 met zone), exclusief.</translation>
    </message>
    <message>
        <source>csv, jsonl, timesketch (JSONL), timesketch-csv or ecs (NDJSON).</source>
        <translation>csv, jsonl, timesketch (JSONL), timesketch-csv of ecs (NDJSON).</translation>
    </message>
    <message>
        <source>signins (default: user sign-ins), service (service principals and managed identities) or audits.</source>
        <translation>signins (standaard: gebruikersaanmeldingen), service (service-principals en beheerde identiteiten) of audits.</translation>
    </message>
    <message>
        <source>Print stored events in time order.</source>
        <translation>Opgeslagen gebeurtenissen in tijdsvolgorde afdrukken.</translation>
    </message>
    <message>
        <source>--format csv|jsonl|timesketch|timesketch-csv|ecs is required</source>
        <translation>--format csv|jsonl|timesketch|timesketch-csv|ecs is verplicht</translation>
    </message>
    <message>
        <source>--table is signins, service or audits</source>
        <translation>--table is signins, service of audits</translation>
    </message>
    <message>
        <source>Number of users (default 300).</source>
        <translation>Aantal gebruikers (standaard 300).</translation>
    </message>
    <message>
        <source>Number of days (default 90).</source>
        <translation>Aantal dagen (standaard 90).</translation>
    </message>
    <message>
        <source>Random seed (default 42).</source>
        <translation>Willekeurige seed (standaard 42).</translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD (UTC).</source>
        <translation>Eerste dag, YYYY-MM-DD (UTC).</translation>
    </message>
    <message>
        <source>all, none, or a comma-separated list of: %1; with --realism all adds %2 (default all).</source>
        <translation>all, none of een door komma&apos;s gescheiden lijst van: %1; met --realism voegt all %2 toe (standaard all).</translation>
    </message>
    <message>
        <source>veeam-folder (default), veeam-zip (--out is the .zip file), graph, diagnostic or csv.</source>
        <translation>veeam-folder (standaard), veeam-zip (--out is het .zip-bestand), graph, diagnostic of csv.</translation>
    </message>
    <message>
        <source>Where to write labels.csv (default: DIR-labels.csv next to DIR).</source>
        <translation>Waar labels.csv komt (standaard: DIR-labels.csv naast DIR).</translation>
    </message>
    <message>
        <source>Folder to write the logs to.</source>
        <translation>Map waarin de logs worden geschreven.</translation>
    </message>
    <message>
        <source>Also write Veeam backup session histories of N servers in DIR/Backup sessions, with attacks %1 (default 0).</source>
        <translation>Ook Veeam-back-upsessiegeschiedenissen van N servers in DIR/Backup sessions schrijven, met aanvallen %1 (standaard 0).</translation>
    </message>
    <message>
        <source>ps-json (default, Windows PowerShell ConvertTo-Json) or ps-csv (PowerShell 7 Export-Csv).</source>
        <translation>ps-json (standaard, Windows PowerShell ConvertTo-Json) of ps-csv (PowerShell 7 Export-Csv).</translation>
    </message>
    <message>
        <source>Messy-tenant profile: daylight saving, commercial VPNs, carrier jumps, token-refresh flood, stale-password devices (docs/simulation.md).</source>
        <translation>Profiel van een rommelige tenant: zomertijd, commerciële VPN&apos;s, sprongen tussen providers, een vloed aan tokenvernieuwingen, apparaten met verouderde wachtwoorden (docs/simulation.md).</translation>
    </message>
    <message>
        <source>Write a seeded synthetic tenant&apos;s Entra ID sign-in and audit logs, with injected attacks and their labels (docs/simulation.md). Same seed, same bytes.</source>
        <translation>Entra ID-aanmeld- en auditlogs van een synthetische tenant uit een seed schrijven, met ingevoegde aanvallen en hun labels (docs/simulation.md). Zelfde seed, zelfde bytes.</translation>
    </message>
    <message>
        <source>--out DIR is required; --users and --days are positive numbers, --backup-servers is 0 or more, --start is YYYY-MM-DD</source>
        <translation>--out DIR is verplicht; --users en --days zijn positieve getallen, --backup-servers is 0 of meer, --start is YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Wrote %1 sign-ins and %2 audit events in %3 files under %4
</source>
        <translation>Schreef %1 aanmeldingen en %2 auditgebeurtenissen in %3 bestanden onder %4
</translation>
    </message>
    <message>
        <source>%1 non-interactive, %2 failed; %3 attacks (%4 events) labelled in %5; %6 s
</source>
        <translation>%1 niet-interactief, %2 mislukt; %3 aanvallen (%4 gebeurtenissen) gelabeld in %5; %6 s
</translation>
    </message>
    <message>
        <source>Wrote %1 backup sessions of %2 servers under %3; %4 backup attacks labelled
</source>
        <translation>Schreef %1 back-upsessies van %2 servers onder %3; %4 back-upaanvallen gelabeld
</translation>
    </message>
    <message>
        <source>Numeric CSV (.csv or .csv.gz): header x0..xN[,label].</source>
        <translation>Numerieke CSV (.csv of .csv.gz): kop x0..xN[,label].</translation>
    </message>
    <message>
        <source>Number of trees (default 100).</source>
        <translation>Aantal bomen (standaard 100).</translation>
    </message>
    <message>
        <source>Subsample size psi (default 256).</source>
        <translation>Steekproefgrootte psi (standaard 256).</translation>
    </message>
    <message>
        <source>Random seed (default 0).</source>
        <translation>Willekeurige seed (standaard 0).</translation>
    </message>
    <message>
        <source>Threads (default 1; 0 = all cores).</source>
        <translation>Threads (standaard 1; 0 = alle kernen).</translation>
    </message>
    <message>
        <source>Extended Isolation Forest (random hyperplanes).</source>
        <translation>Uitgebreid Isolation Forest (willekeurige hypervlakken).</translation>
    </message>
    <message>
        <source>Write one score per row, in input order.</source>
        <translation>Eén score per rij schrijven, in invoervolgorde.</translation>
    </message>
    <message>
        <source>Print the ROC AUC against the label column.</source>
        <translation>De ROC-AUC tegen de labelkolom afdrukken.</translation>
    </message>
    <message>
        <source>Fits an Isolation Forest on every row of a numeric CSV and scores every row (s = 2^(-E[h]/c(psi)), scikit-learn&apos;s -score_samples).</source>
        <translation>Fit een Isolation Forest op elke rij van een numerieke CSV en scoort elke rij (s = 2^(-E[h]/c(psi)), -score_samples van scikit-learn).</translation>
    </message>
    <message>
        <source>--csv FILE is required</source>
        <translation>--csv FILE is verplicht</translation>
    </message>
    <message>
        <source>--trees, --sample, --seed and --threads take non-negative integers (trees, sample &gt; 0)</source>
        <translation>--trees, --sample, --seed en --threads nemen niet-negatieve gehele getallen (trees, sample &gt; 0)</translation>
    </message>
    <message>
        <source>--auc needs a label column in %1</source>
        <translation>--auc heeft een labelkolom nodig in %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>%1 rows x %2 features, %3 trees (psi %4%5): fit %6 ms, score %7 ms
</source>
        <translation>%1 rijen x %2 kenmerken, %3 bomen (psi %4%5): fitten %6 ms, scoren %7 ms
</translation>
    </message>
    <message>
        <source>, extended</source>
        <translation>, uitgebreid</translation>
    </message>
    <message>
        <source>[%1%] file %2/%3, %4 records, %5 records/s</source>
        <translation>[%1%] bestand %2/%3, %4 records, %5 records/s</translation>
    </message>
    <message>
        <source>Files, folders or zip archives to import.</source>
        <translation>Te importeren bestanden, mappen of zip-archieven.</translation>
    </message>
    <message>
        <source>Print the per-source report as JSON.</source>
        <translation>Het rapport per bron als JSON afdrukken.</translation>
    </message>
    <message>
        <source>Print nothing but errors: no progress, no per-file lines, no summary.</source>
        <translation>Alleen fouten afdrukken: geen voortgang, geen regels per bestand, geen samenvatting.</translation>
    </message>
    <message>
        <source>Largest total a zip may expand to (default 64 GiB).</source>
        <translation>Grootste totaal waartoe een zip mag uitpakken (standaard 64 GiB).</translation>
    </message>
    <message>
        <source>Largest compression ratio of a zip entry (default 200).</source>
        <translation>Grootste compressieverhouding van een zip-item (standaard 200).</translation>
    </message>
    <message>
        <source>Milliseconds to wait for a locked database (default 5000).</source>
        <translation>Milliseconden wachten op een vergrendelde database (standaard 5000).</translation>
    </message>
    <message>
        <source>Import Entra ID sign-in and audit logs: Graph JSON / JSON Lines, Azure Monitor diagnostic records, Log Analytics CSV / JSON Lines, the Entra admin center&apos;s CSV download; inside folders and zip archives.</source>
        <translation>Entra ID-aanmeld- en auditlogs importeren: Graph JSON / JSON Lines, Azure Monitor-diagnoserecords, Log Analytics CSV / JSON Lines, de CSV-download van het Entra-beheercentrum; ook in mappen en zip-archieven.</translation>
    </message>
    <message>
        <source>give at least one file, folder or zip archive</source>
        <translation>geef minstens één bestand, map of zip-archief op</translation>
    </message>
    <message>
        <source>--max-archive-bytes, --max-ratio and --busy-timeout take numbers</source>
        <translation>--max-archive-bytes, --max-ratio en --busy-timeout nemen getallen</translation>
    </message>
    <message>
        <source>rejected: %1: %2</source>
        <translation>geweigerd: %1: %2</translation>
    </message>
    <message>
        <source>... and %1 more records</source>
        <translation>... en nog %1 records</translation>
    </message>
    <message>
        <source>%1  %2  read %3, new %4, rejected %5  sha256 %6
</source>
        <translation>%1  %2  gelezen %3, nieuw %4, geweigerd %5  sha256 %6
</translation>
    </message>
    <message>
        <source>Imported %1 new of %2 records from %3 files in %4 s into %5
</source>
        <translation>%1 nieuwe van %2 records uit %3 bestanden in %4 s in %5 geïmporteerd
</translation>
    </message>
    <message>
        <source>storage error, import stopped: %1</source>
        <translation>opslagfout, import gestopt: %1</translation>
    </message>
    <message>
        <source>Usage: backsight-cli [--db PATH] COMMAND [options]

Backsight investigates Microsoft Entra ID sign-in and audit logs restored from Veeam backups.

Global options:
  --db PATH     case database (default: %1)
  --version     print the version

Commands:
</source>
        <translation>Gebruik: backsight-cli [--db PATH] OPDRACHT [opties]

Backsight onderzoekt Microsoft Entra ID-aanmeld- en auditlogs die uit Veeam-back-ups zijn hersteld.

Algemene opties:
  --db PATH     zaakdatabase (standaard: %1)
  --version     de versie afdrukken

Opdrachten:
</translation>
    </message>
    <message>
        <source>
Run &apos;backsight-cli COMMAND --help&apos; for a command&apos;s options.
Exit codes: 0 ok, 1 usage, 2 some input rejected, 3 storage error.
</source>
        <translation>
&apos;backsight-cli OPDRACHT --help&apos; toont de opties van een opdracht.
Afsluitcodes: 0 ok, 1 gebruik, 2 invoer deels geweigerd, 3 opslagfout.
</translation>
    </message>
    <message>
        <source>unknown global option %1</source>
        <translation>onbekende algemene optie %1</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>onbekende opdracht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Only this user&apos;s models.</source>
        <translation>Alleen de modellen van deze gebruiker.</translation>
    </message>
    <message>
        <source>Only this scope (user, tenant, server, fleet).</source>
        <translation>Alleen dit bereik (user, tenant, server, fleet).</translation>
    </message>
    <message>
        <source>Only the versions in force.</source>
        <translation>Alleen de geldende versies.</translation>
    </message>
    <message>
        <source>Make model ID (models.id) the version in force for its subject.</source>
        <translation>Model ID (models.id) de geldende versie voor zijn onderwerp maken.</translation>
    </message>
    <message>
        <source>Trained models and their versions (threshold, events used, score distribution); --rollback ID puts an older version back in force.</source>
        <translation>Getrainde modellen en hun versies (drempel, gebruikte gebeurtenissen, scoreverdeling); --rollback ID maakt een oudere versie weer geldend.</translation>
    </message>
    <message>
        <source>--rollback takes a model id (see models --json)</source>
        <translation>--rollback neemt een model-id (zie models --json)</translation>
    </message>
    <message>
        <source>%1 %2 model of %3: version %4 is now in force
</source>
        <translation>%1-%2-model van %3: versie %4 is nu geldend
</translation>
    </message>
    <message>
        <source>No models in %1 (run train)</source>
        <translation>Geen modellen in %1 (voer train uit)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereik</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Ver</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurt.</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>Trained (UTC)</source>
        <translation>Getraind (UTC)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 rows: anomalies and the events they cite)</source>
        <translation>%1 geschreven (%2 rijen: anomalieën en de gebeurtenissen die ze aanhalen)</translation>
    </message>
    <message>
        <source>The anomalies of this user (UPN).</source>
        <translation>De anomalieën van deze gebruiker (UPN).</translation>
    </message>
    <message>
        <source>These anomalies (comma-separated ids).</source>
        <translation>Deze anomalieën (id&apos;s gescheiden door komma&apos;s).</translation>
    </message>
    <message>
        <source>Anomalies from this time (ISO 8601 with zone).</source>
        <translation>Anomalieën vanaf dit tijdstip (ISO 8601 met zone).</translation>
    </message>
    <message>
        <source>Anomalies before this time (ISO 8601 with zone).</source>
        <translation>Anomalieën vóór dit tijdstip (ISO 8601 met zone).</translation>
    </message>
    <message>
        <source>Case name for the title page.</source>
        <translation>Zaaknaam voor de titelpagina.</translation>
    </message>
    <message>
        <source>Analyst name (default: $USER); also the audit log&apos;s author.</source>
        <translation>Naam van de analist (standaard: $USER); ook de auteur in het auditlogboek.</translation>
    </message>
    <message>
        <source>pdf, csv, jsonl, timesketch (JSONL), timesketch-csv or ecs (NDJSON).</source>
        <translation>pdf, csv, jsonl, timesketch (JSONL), timesketch-csv of ecs (NDJSON).</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Het te schrijven bestand.</translation>
    </message>
    <message>
        <source>csv/jsonl: also write the log events the anomalies cite to FILE.</source>
        <translation>csv/jsonl: ook de loggebeurtenissen die de anomalieën aanhalen naar FILE schrijven.</translation>
    </message>
    <message>
        <source>pdf: incidents with a section of their own (default 200).</source>
        <translation>pdf: incidenten met een eigen sectie (standaard 200).</translation>
    </message>
    <message>
        <source>Write an incident report (PDF) or the anomalies (CSV, JSON Lines) for a user, a set of anomalies or a time range. Each export is audit-logged.</source>
        <translation>Een incidentrapport (PDF) of de anomalieën (CSV, JSON Lines) schrijven voor een gebruiker, een reeks anomalieën of een periode. Elke export wordt in het auditlogboek vastgelegd.</translation>
    </message>
    <message>
        <source>--format pdf|csv|jsonl|timesketch|timesketch-csv|ecs is required</source>
        <translation>--format pdf|csv|jsonl|timesketch|timesketch-csv|ecs is verplicht</translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation>--out FILE is verplicht</translation>
    </message>
    <message>
        <source>say what to report: --user UPN, --anomalies ID,ID or --from/--to</source>
        <translation>geef aan waarover gerapporteerd wordt: --user UPN, --anomalies ID,ID of --from/--to</translation>
    </message>
    <message>
        <source>--max-incidents is a positive number</source>
        <translation>--max-incidents is een positief getal</translation>
    </message>
    <message>
        <source>--events-out goes with --format csv or jsonl (the PDF has them in its appendix)</source>
        <translation>--events-out hoort bij --format csv of jsonl (de PDF heeft ze in de bijlage)</translation>
    </message>
    <message>
        <source>%1 anomalies</source>
        <translation>%1 anomalieën</translation>
    </message>
    <message>
        <source>, %1 pages</source>
        <translation>, %1 pagina&apos;s</translation>
    </message>
    <message>
        <source>; %1 events to %2</source>
        <translation>; %1 gebeurtenissen naar %2</translation>
    </message>
    <message>
        <source>wrote %1 (%2), audit log entry %3</source>
        <translation>%1 geschreven (%2), auditlogboekitem %3</translation>
    </message>
    <message>
        <source>Servers (VMs, agents, or jobs that name none) with backup sessions: session count, first and last session, latest threat score and the model that judges them.</source>
        <translation>Servers (VM&apos;s, agents, of jobs die er geen noemen) met back-upsessies: aantal sessies, eerste en laatste sessie, laatste dreigingsscore en het model dat ze beoordeelt.</translation>
    </message>
    <message>
        <source>No backup sessions in %1</source>
        <translation>Geen back-upsessies in %1</translation>
    </message>
    <message>
        <source>Server (object or job)</source>
        <translation>Server (object of job)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>Last session (UTC)</source>
        <translation>Laatste sessie (UTC)</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Laatste resultaat</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Dreiging</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>(job)</source>
        <translation>(job)</translation>
    </message>
    <message>
        <source>skipped  %1 (%2): %3
</source>
        <translation>overgeslagen  %1 (%2): %3
</translation>
    </message>
    <message>
        <source>%1 rules run, %2 skipped; %3 events examined, %4 matches, %5 new anomalies.</source>
        <translation>%1 regels uitgevoerd, %2 overgeslagen; %3 gebeurtenissen onderzocht, %4 treffers, %5 nieuwe anomalieën.</translation>
    </message>
    <message>
        <source>Folder of Sigma rules (*.yml, searched recursively).</source>
        <translation>Map met Sigma-regels (*.yml, recursief doorzocht).</translation>
    </message>
    <message>
        <source>Report the matches without storing anomalies.</source>
        <translation>De treffers melden zonder anomalieën op te slaan.</translation>
    </message>
    <message>
        <source>Run Sigma rules (logsource product azure, service signinlogs, auditlogs or riskdetection) over the case; each match is stored as an anomaly of kind sigma. Running the same rules again adds nothing.</source>
        <translation>Sigma-regels (logsource product azure, service signinlogs, auditlogs of riskdetection) op de zaak uitvoeren; elke treffer wordt opgeslagen als anomalie van soort sigma. Dezelfde regels opnieuw uitvoeren voegt niets toe.</translation>
    </message>
    <message>
        <source>--rules DIR is required</source>
        <translation>--rules DIR is verplicht</translation>
    </message>
    <message>
        <source>Counts of what the case database holds.</source>
        <translation>Aantallen van wat de zaakdatabase bevat.</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Interactive sign-ins:</source>
        <translation>Interactieve aanmeldingen:</translation>
    </message>
    <message>
        <source>Non-interactive sign-ins:</source>
        <translation>Niet-interactieve aanmeldingen:</translation>
    </message>
    <message>
        <source>Workload sign-ins:</source>
        <translation>Workloadaanmeldingen:</translation>
    </message>
    <message>
        <source>Audit events:</source>
        <translation>Auditgebeurtenissen:</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Gebruikers:</translation>
    </message>
    <message>
        <source>Source files:</source>
        <translation>Bronbestanden:</translation>
    </message>
    <message>
        <source>Backup sessions:</source>
        <translation>Back-upsessies:</translation>
    </message>
    <message>
        <source>First event (UTC):</source>
        <translation>Eerste gebeurtenis (UTC):</translation>
    </message>
    <message>
        <source>Last event (UTC):</source>
        <translation>Laatste gebeurtenis (UTC):</translation>
    </message>
    <message>
        <source>--exec could not start &apos;%1&apos;: %2</source>
        <translation>--exec kon &apos;%1&apos; niet starten: %2</translation>
    </message>
    <message>
        <source>--exec &apos;%1&apos; ran longer than 2 minutes and was stopped</source>
        <translation>--exec &apos;%1&apos; liep langer dan 2 minuten en is gestopt</translation>
    </message>
    <message>
        <source>--exec &apos;%1&apos; failed with exit code %2</source>
        <translation>--exec &apos;%1&apos; mislukte met afsluitcode %2</translation>
    </message>
    <message>
        <source>Folders to watch (with their subfolders).</source>
        <translation>Te bewaken mappen (met hun submappen).</translation>
    </message>
    <message>
        <source>Seconds between looks; a file must keep its size this long (default 5).</source>
        <translation>Seconden tussen twee controles; zo lang moet een bestand zijn grootte houden (standaard 5).</translation>
    </message>
    <message>
        <source>Run CMD (sh -c) for each alert, its JSON on stdin.</source>
        <translation>CMD (sh -c) voor elke melding uitvoeren, de JSON ervan op stdin.</translation>
    </message>
    <message>
        <source>Lowest severity that raises an alert (default high).</source>
        <translation>Laagste ernst die een melding geeft (standaard high).</translation>
    </message>
    <message>
        <source>Watch folders for new or grown exports: import each file once its size holds, detect on the new events and print every new anomaly at or above the alert severity as one JSON line on stdout. Runs until stopped (Ctrl+C).</source>
        <translation>Mappen bewaken op nieuwe of gegroeide exports: elk bestand importeren zodra de grootte stabiel is, op de nieuwe gebeurtenissen detecteren en elke nieuwe anomalie vanaf de meldingsernst als één JSON-regel op stdout afdrukken. Loopt tot het gestopt wordt (Ctrl+C).</translation>
    </message>
    <message>
        <source>give at least one folder; --interval takes seconds (0.05 to 86400), --min-severity low|medium|high|critical, --window-days a whole number</source>
        <translation>geef minstens één map op; --interval neemt seconden (0.05 tot 86400), --min-severity low|medium|high|critical, --window-days een geheel getal</translation>
    </message>
    <message>
        <source>watching %1 every %2 s for %3; alerts at %4 and above go to stdout (Ctrl+C stops)</source>
        <translation>bewaak %1 elke %2 s voor %3; meldingen vanaf %4 gaan naar stdout (Ctrl+C stopt)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestopt</translation>
    </message>
    <message>
        <source>generating day %1 of %2</source>
        <translation>dag %1 van %2 genereren</translation>
    </message>
    <message>
        <source>Identity ↔ backup incidents: an identity event, then backup anomalies within the window</source>
        <translation>Identiteit ↔ back-upincidenten: een identiteitsgebeurtenis, dan back-upanomalieën binnen het venster</translation>
    </message>
    <message>
        <source>Identity ↔ backup incidents: %1 (%2 new, %3 grown); `backsight-cli incidents` lists them.</source>
        <translation>Identiteit ↔ back-upincidenten: %1 (%2 nieuw, %3 gegroeid); `backsight-cli incidents` toont ze.</translation>
    </message>
    <message>
        <source>Examined %1 sign-ins of %2 users, %3 audit records and %4 backup sessions in %5 ms at sensitivity %6: %7 new anomalies</source>
        <translation>%1 aanmeldingen van %2 gebruikers, %3 auditrecords en %4 back-upsessies onderzocht in %5 ms bij gevoeligheid %6: %7 nieuwe anomalieën</translation>
    </message>
    <message>
        <source>1 (fewest alerts) to 5 (most), or low (2), default (3), high (4). Used for this run and saved in the case for the next ones (the GUI&apos;s Settings &gt; Detection sensitivity).</source>
        <translation>1 (minste meldingen) tot 5 (meeste), of low (2), default (3), high (4). Geldt voor deze run en wordt in de zaak opgeslagen voor de volgende (in de GUI Instellingen &gt; Detectiegevoeligheid).</translation>
    </message>
    <message>
        <source>Store nothing: print, for each sensitivity, how many anomalies per severity it would raise over the whole case.</source>
        <translation>Niets opslaan: voor elke gevoeligheid afdrukken hoeveel anomalieën per ernst die over de hele zaak zou geven.</translation>
    </message>
    <message>
        <source>--sensitivity is 1 to 5, low, default or high, not &apos;%1&apos;</source>
        <translation>--sensitivity is 1 tot 5, low, default of high, niet &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The identity ↔ backup incident scenario: every offhours_admin attack is followed by a ransomware-like night on N backup servers (needs --backup-servers; labelled identity_backup_incident).</source>
        <translation>Het scenario identiteit ↔ back-upincident: op elke offhours_admin-aanval volgt een ransomware-achtige nacht op N back-upservers (vereist --backup-servers; gelabeld als identity_backup_incident).</translation>
    </message>
    <message>
        <source>Correlate again first (detect does it after every run).</source>
        <translation>Eerst opnieuw correleren (detect doet dat na elke run).</translation>
    </message>
    <message>
        <source>With --correlate: how long after an identity event backup anomalies join it (default 72).</source>
        <translation>Met --correlate: hoe lang na een identiteitsgebeurtenis back-upanomalieën er nog bij horen (standaard 72).</translation>
    </message>
    <message>
        <source>Identity ↔ backup incidents: an anomalous or privileged identity event followed within the window by backup anomalies, with both parts and their times (docs/incidents.md).</source>
        <translation>Identiteit ↔ back-upincidenten: een afwijkende of bevoorrechte identiteitsgebeurtenis, binnen het venster gevolgd door back-upanomalieën, met beide delen en hun tijden (docs/incidents.md).</translation>
    </message>
    <message>
        <source>--window-hours must be a positive number of hours</source>
        <translation>--window-hours moet een positief aantal uren zijn</translation>
    </message>
    <message>
        <source>No identity ↔ backup incidents in %1</source>
        <translation>Geen identiteit ↔ back-upincidenten in %1</translation>
    </message>
    <message>
        <source>Backtest over the whole case: %1 sign-ins and %2 audit records, %3 findings, in %4 ms. Nothing was stored.</source>
        <translation>Backtest over de hele zaak: %1 aanmeldingen en %2 auditrecords, %3 bevindingen, in %4 ms. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>* the case&apos;s setting. Apply one with: backsight-cli detect --sensitivity N</source>
        <translation>* de instelling van de zaak. Pas er een toe met: backsight-cli detect --sensitivity N</translation>
    </message>
    <message>
        <source>Serve a shared PostgreSQL case: take per-user work that detect --workers queued</source>
        <translation>Een gedeelde PostgreSQL-zaak bedienen: werk per gebruiker oppakken dat detect --workers in de wachtrij zette</translation>
    </message>
    <message>
        <source>--workers is 0 to 256, not &apos;%1&apos;</source>
        <translation>--workers is 0 tot 256, niet &apos;%1&apos;</translation>
    </message>
    <message>
        <source>waiting for `backsight-cli worker` processes to take the users</source>
        <translation>wachten op `backsight-cli worker`-processen die de gebruikers oppakken</translation>
    </message>
    <message>
        <source>Stop when the queue holds no unfinished work (default: serve the case until stopped with Ctrl+C).</source>
        <translation>Stoppen wanneer de wachtrij geen onafgewerkt werk meer bevat (standaard: de zaak bedienen tot stoppen met Ctrl+C).</translation>
    </message>
    <message>
        <source>How long an item stays this worker&apos;s without a renewal (default 30000; renewed every third of it). A worker that dies loses its items to the others after this.</source>
        <translation>Hoe lang een item zonder verlenging bij deze worker blijft (standaard 30000; na elk derde verlengd). De items van een worker die wegvalt gaan daarna naar de anderen.</translation>
    </message>
    <message>
        <source>No line per item on stderr.</source>
        <translation>Geen regel per item op stderr.</translation>
    </message>
    <message>
        <source>Serve a shared PostgreSQL case: take per-user detection work that `detect --workers` queued, on this machine or another.</source>
        <translation>Een gedeelde PostgreSQL-zaak bedienen: detectiewerk per gebruiker oppakken dat `detect --workers` in de wachtrij zette, op deze of een andere machine.</translation>
    </message>
    <message>
        <source>--lease-ms is 300 to 3600000, not &apos;%1&apos;</source>
        <translation>--lease-ms is 300 tot 3600000, niet &apos;%1&apos;</translation>
    </message>
    <message>
        <source>worker: %1 items done, %2 failed, %3 taken over by other workers</source>
        <translation>worker: %1 items klaar, %2 mislukt, %3 overgenomen door andere workers</translation>
    </message>
    <message>
        <source>On a PostgreSQL case: queue the per-user work for worker processes, start N of them on this machine and wait (0: only the `backsight-cli worker` processes already serving the case, here or elsewhere). The result is that of a run without workers. A case file is worked on by this process.</source>
        <translation>Bij een PostgreSQL-zaak: het werk per gebruiker in de wachtrij zetten voor workerprocessen, er N op deze machine starten en wachten (0: alleen de `backsight-cli worker`-processen die de zaak al bedienen, hier of elders). Het resultaat is dat van een run zonder workers. Een zaakbestand wordt door dit proces zelf verwerkt.</translation>
    </message>
    <message>
        <source>a case file is worked on by this process; --workers applies to a PostgreSQL case</source>
        <translation>een zaakbestand wordt door dit proces zelf verwerkt; --workers geldt voor een PostgreSQL-zaak</translation>
    </message>
    <message>
        <source>Let a PostgreSQL role work on a shared case as an analyst, without owning it</source>
        <translation>Een PostgreSQL-rol als analist aan een gedeelde zaak laten werken, zonder eigenaar te zijn</translation>
    </message>
    <message>
        <source>An existing PostgreSQL login role.</source>
        <translation>Een bestaande PostgreSQL-aanmeldrol.</translation>
    </message>
    <message>
        <source>Let a database role work on this shared case without owning it: import, train, detect and triage, append to the audit log but never change, delete or truncate it. Run it as the case&apos;s owner.</source>
        <translation>Een databaserol aan deze gedeelde zaak laten werken zonder eigenaar te zijn: importeren, trainen, detecteren en beoordelen, aan het auditlogboek toevoegen maar het nooit wijzigen, verwijderen of leegmaken. Voer dit uit als eigenaar van de zaak.</translation>
    </message>
    <message>
        <source>name one role</source>
        <translation>noem één rol</translation>
    </message>
    <message>
        <source>%1 may now work on %2 as an analyst (the audit log stays append-only)</source>
        <translation>%1 mag nu als analist aan %2 werken (het auditlogboek blijft alleen-toevoegen)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Anomalies</source>
        <translation>Anomalieën</translation>
    </message>
    <message>
        <source>Click a row to open these anomalies in Triage</source>
        <translation>Klik op een rij om deze anomalieën in Triage te openen</translation>
    </message>
</context>
<context>
    <name>ImportSummaryReport</name>
    <message>
        <source>no events</source>
        <translation>geen gebeurtenissen</translation>
    </message>
    <message>
        <source>Interactive user sign-ins</source>
        <translation>Interactieve gebruikersaanmeldingen</translation>
    </message>
    <message>
        <source>Non-interactive user sign-ins</source>
        <translation>Niet-interactieve gebruikersaanmeldingen</translation>
    </message>
    <message>
        <source>Workload sign-ins (service principals, managed identities)</source>
        <translation>Workloadaanmeldingen (service-principals, beheerde identiteiten)</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Auditgebeurtenissen</translation>
    </message>
    <message>
        <source>Users with sign-ins</source>
        <translation>Gebruikers met aanmeldingen</translation>
    </message>
    <message>
        <source>Source files</source>
        <translation>Bronbestanden</translation>
    </message>
    <message>
        <source>Time span</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>What the case database holds</source>
        <translation>Wat de zaakdatabase bevat</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Aanmeldingen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Mislukkingen</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Foutpercentage</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>File and SHA-256</source>
        <translation>Bestand en SHA-256</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lezer</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelezen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Every file imported into this case database (%1), with the SHA-256 of its bytes as read. &quot;New&quot; counts records not already stored from another file.</source>
        <translation>Elk bestand dat in deze zaakdatabase (%1) is geïmporteerd, met de SHA-256 van de bytes zoals gelezen. ‘Nieuw’ telt records die nog niet uit een ander bestand waren opgeslagen.</translation>
    </message>
    <message>
        <source>Paths are relative to %1</source>
        <translation>Paden zijn relatief ten opzichte van %1</translation>
    </message>
    <message>
        <source>Backsight import summary</source>
        <translation>Backsight-importoverzicht</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <source>Case database</source>
        <translation>Zaakdatabase</translation>
    </message>
    <message>
        <source>Backsight version</source>
        <translation>Backsight-versie</translation>
    </message>
    <message>
        <source>Where the sign-ins concentrate</source>
        <translation>Waar de aanmeldingen zich concentreren</translation>
    </message>
    <message>
        <source>User sign-ins (interactive and non-interactive); a failure is any sign-in with a non-zero error code.</source>
        <translation>Gebruikersaanmeldingen (interactief en niet-interactief); een mislukking is elke aanmelding met een foutcode die niet nul is.</translation>
    </message>
    <message>
        <source>Top 10 users by sign-ins</source>
        <translation>Top 10 gebruikers naar aanmeldingen</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Gebruiker (UPN)</translation>
    </message>
    <message>
        <source>Top 10 users by failed sign-ins</source>
        <translation>Top 10 gebruikers naar mislukte aanmeldingen</translation>
    </message>
    <message>
        <source>Top 10 countries by sign-ins</source>
        <translation>Top 10 landen naar aanmeldingen</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Top 10 apps by sign-ins</source>
        <translation>Top 10 apps naar aanmeldingen</translation>
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
        <translation>%1 heeft een waarde nodig</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;</source>
        <translation>onbekend argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--screenshot takes --db, not --demo (the demo writes its screenshots to OUT/screenshots)</source>
        <translation>--screenshot neemt --db, niet --demo (de demo schrijft zijn schermafbeeldingen naar OUT/screenshots)</translation>
    </message>
    <message>
        <source>--screenshot needs --db PATH: the case database to photograph</source>
        <translation>--screenshot heeft --db PATH nodig: de zaakdatabase om vast te leggen</translation>
    </message>
    <message>
        <source>--headless needs --demo or --input: there is no window to work in</source>
        <translation>--headless heeft --demo of --input nodig: er is geen venster om in te werken</translation>
    </message>
    <message>
        <source>no display (neither DISPLAY nor WAYLAND_DISPLAY is set); run with --demo or --input for a headless run</source>
        <translation>geen beeldscherm (DISPLAY noch WAYLAND_DISPLAY is ingesteld); start met --demo of --input voor een run zonder venster</translation>
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
        <translation>Gebruik: backsight [--db PATH] [--demo] [--out DIR] [--input PATH...] [--headless] [--screenshot DIR]

Microsoft Entra ID-aanmeld- en auditlogs onderzoeken die uit Veeam-back-ups zijn hersteld.

  --db PATH          zaakdatabase (standaard: de laatst geopende, anders %1)
  --demo             een synthetische tenant genereren (300 gebruikers, 90 dagen, seed 42) en importeren
  --out DIR          waar de demo schrijft (standaard ./backsight-demo)
  --input PATH...    deze bestanden, mappen of zip-archieven importeren in plaats van genereren
  --headless         geen venster: importeren, schermafbeeldingen maken, OUT/report.pdf schrijven, de paden
                     afdrukken en stoppen (automatisch gekozen als er geen beeldscherm is)
  --screenshot DIR   elke weergave van --db buiten beeld naar DIR/&lt;view&gt;.png tekenen en stoppen
  --version          de versie afdrukken
</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Import sign-in and audit log exports</source>
        <translation>Exports van aanmeld- en auditlogs importeren</translation>
    </message>
    <message>
        <source>Log exports (*.json *.jsonl *.csv *.zip);;All files (*)</source>
        <translation>Logexports (*.json *.jsonl *.csv *.zip);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Import a folder (for example a Veeam file-level restore)</source>
        <translation>Een map importeren (bijvoorbeeld een Veeam-herstel op bestandsniveau)</translation>
    </message>
    <message>
        <source>Import zip archives</source>
        <translation>Zip-archieven importeren</translation>
    </message>
    <message>
        <source>Zip archives (*.zip);;All files (*)</source>
        <translation>Zip-archieven (*.zip);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Gemiddeld</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritiek</translation>
    </message>
</context>
<context>
    <name>SignInDetailPane</name>
    <message>
        <source>Event ID</source>
        <translation>Gebeurtenis-id</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Gebruikers-id</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Gebruiker (UPN)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Weergavenaam</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Gebruikerstype</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>App-id</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Resource ID</source>
        <translation>Resource-id</translation>
    </message>
    <message>
        <source>Client app</source>
        <translation>Client-app</translation>
    </message>
    <message>
        <source>Authentication requirement</source>
        <translation>Verificatievereiste</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-adres</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Provincie/staat</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breedtegraad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Lengtegraad</translation>
    </message>
    <message>
        <source>Autonomous system (ASN)</source>
        <translation>Autonoom systeem (ASN)</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Besturingssysteem</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Apparaat-id</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Apparaatnaam</translation>
    </message>
    <message>
        <source>Compliant device</source>
        <translation>Compatibel apparaat</translation>
    </message>
    <message>
        <source>Managed device</source>
        <translation>Beheerd apparaat</translation>
    </message>
    <message>
        <source>Device join type</source>
        <translation>Type apparaatkoppeling</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Foutcode</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>Reden van mislukking</translation>
    </message>
    <message>
        <source>Conditional Access</source>
        <translation>Voorwaardelijke toegang</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risiconiveau</translation>
    </message>
    <message>
        <source>Risk state</source>
        <translation>Risicostatus</translation>
    </message>
    <message>
        <source>MFA method</source>
        <translation>MFA-methode</translation>
    </message>
    <message>
        <source>MFA result</source>
        <translation>MFA-resultaat</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-agent</translation>
    </message>
    <message>
        <source>Correlation ID</source>
        <translation>Correlatie-id</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sessie-id</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interactief</translation>
    </message>
    <message>
        <source>Sign-in log</source>
        <translation>Aanmeldlogboek</translation>
    </message>
    <message>
        <source>Service principal ID</source>
        <translation>Service-principal-id</translation>
    </message>
    <message>
        <source>Service principal</source>
        <translation>Service-principal</translation>
    </message>
    <message>
        <source>Authentication protocol</source>
        <translation>Authenticatieprotocol</translation>
    </message>
    <message>
        <source>AS organisation</source>
        <translation>AS-organisatie</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>In onderzoek</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Afgewezen</translation>
    </message>
</context>
<context>
    <name>TriageFilter</name>
    <message>
        <source>%1 and above</source>
        <translation>%1 en hoger</translation>
    </message>
    <message>
        <source>country %1</source>
        <translation>land %1</translation>
    </message>
    <message>
        <source>network %1</source>
        <translation>netwerk %1</translation>
    </message>
</context>
<context>
    <name>backsight::report::ReportJob</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>anomalies</source>
        <translation>anomalieën</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>geen uitvoerbestand opgegeven</translation>
    </message>
    <message>
        <source>reading incidents</source>
        <translation>incidenten lezen</translation>
    </message>
    <message>
        <source>writing pages</source>
        <translation>pagina&apos;s schrijven</translation>
    </message>
    <message>
        <source>the report %1 was written but the audit log could not record it: %2</source>
        <translation>het rapport %1 is geschreven maar het auditlogboek kon het niet vastleggen: %2</translation>
    </message>
    <message>
        <source>Report to %1</source>
        <translation>Rapport naar %1</translation>
    </message>
    <message>
        <source>Report cancelled</source>
        <translation>Rapport geannuleerd</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 anomalies, %3 pages)</source>
        <translation>%1 geschreven (%2 anomalieën, %3 pagina&apos;s)</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 anomalies)</source>
        <translation>%1 geschreven (%2 anomalieën)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::AnomalyDetailPane</name>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Timeline at this moment</source>
        <translation>Timeline op dit moment</translation>
    </message>
    <message>
        <source>Map at this moment</source>
        <translation>Kaart op dit moment</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-adres</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Reasons and case record</source>
        <translation>Redenen en zaakdossier</translation>
    </message>
    <message>
        <source>Original record</source>
        <translation>Oorspronkelijk record</translation>
    </message>
    <message>
        <source>User&apos;s sign-ins ±24 h</source>
        <translation>Aanmeldingen van de gebruiker ±24 u</translation>
    </message>
    <message>
        <source>Select an anomaly to see why it was raised.</source>
        <translation>Selecteer een anomalie om te zien waarom ze is gemeld.</translation>
    </message>
    <message>
        <source>anomaly %1 is no longer in the database</source>
        <translation>anomalie %1 staat niet meer in de database</translation>
    </message>
    <message>
        <source>Case record</source>
        <translation>Zaakdossier</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>set by %1 at %2 UTC</source>
        <translation>ingesteld door %1 op %2 UTC</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>The original record of %1 is not stored.</source>
        <translation>Het oorspronkelijke record van %1 is niet opgeslagen.</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Gebruiker %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::BackupView</name>
    <message>
        <source>Threat %1/10: %2</source>
        <translation>Dreiging %1/10: %2</translation>
    </message>
    <message>
        <source>Object or job</source>
        <translation>Object of job</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>Last session (UTC)</source>
        <translation>Laatste sessie (UTC)</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Laatste resultaat</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Dreiging</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Gemarkeerd</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Transferred GB</source>
        <translation>Overgedragen GB</translation>
    </message>
    <message>
        <source>Read GB</source>
        <translation>Gelezen GB</translation>
    </message>
    <message>
        <source>Dedup</source>
        <translation>Dedup</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Compressie</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Bevinding</translation>
    </message>
    <message>
        <source>Filter objects and jobs</source>
        <translation>Objecten en jobs filteren</translation>
    </message>
    <message>
        <source>&lt;small&gt;&lt;b&gt;Object or job&lt;/b&gt;: the protected object (VM, agent, share) a task session backed up, with its &lt;b&gt;Job&lt;/b&gt; beside it; a job&apos;s own sessions are listed by the job. &lt;b&gt;Threat&lt;/b&gt;: the threat score (1–10) of the server&apos;s latest flagged session, coloured like severities: 1–3 low, 4–6 medium, 7–8 high, 9–10 critical. &lt;b&gt;Model&lt;/b&gt;: the server&apos;s own LSTM autoencoder, &lt;i&gt;fleet&lt;/i&gt; when the fleet-wide model judges it, &lt;i&gt;none&lt;/i&gt; before &lt;code&gt;train&lt;/code&gt;. &lt;b&gt;Flagged&lt;/b&gt;: its sessions that an anomaly names.&lt;/small&gt;</source>
        <translation>&lt;small&gt;&lt;b&gt;Object of job&lt;/b&gt;: het beschermde object (VM, agent, share) dat een tasksessie heeft geback-upt, met de &lt;b&gt;Job&lt;/b&gt; ernaast; de eigen sessies van een job staan bij de job. &lt;b&gt;Dreiging&lt;/b&gt;: de dreigingsscore (1–10) van de laatste gemarkeerde sessie van de server, gekleurd als ernst: 1–3 laag, 4–6 gemiddeld, 7–8 hoog, 9–10 kritiek. &lt;b&gt;Model&lt;/b&gt;: de eigen LSTM-autoencoder van de server, &lt;i&gt;vloot&lt;/i&gt; als het vlootbrede model hem beoordeelt, &lt;i&gt;geen&lt;/i&gt; vóór &lt;code&gt;train&lt;/code&gt;. &lt;b&gt;Gemarkeerd&lt;/b&gt;: de sessies die een anomalie noemt.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Open in Triage</source>
        <translation>Openen in Triage</translation>
    </message>
    <message>
        <source>The selected flagged session&apos;s anomaly in the triage queue (else every finding of this server)</source>
        <translation>De anomalie van de geselecteerde gemarkeerde sessie in de triagewachtrij (anders elke bevinding van deze server)</translation>
    </message>
    <message>
        <source>Open a case database to see its backup servers.</source>
        <translation>Open een zaakdatabase om de back-upservers ervan te zien.</translation>
    </message>
    <message>
        <source>(job)</source>
        <translation>(job)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>fleet</source>
        <translation>vloot</translation>
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
        <translation>&lt;p&gt;&lt;b&gt;Geen back-upsessies in deze zaak.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Importeer sessie-exports van Veeam Backup &amp;amp; Replication (Get-VBRBackupSession | ConvertTo-Json, of de REST-lijst /api/v1/sessions) met Bestand ▸ Importeren, en train en detecteer daarna. Om het met een gegenereerde geschiedenis te proberen:&lt;/p&gt;&lt;pre&gt;backsight-cli generate --backup-servers 8 --days 90 --out DIR
backsight-cli --db CASE.sqlite import DIR
backsight-cli --db CASE.sqlite train
backsight-cli --db CASE.sqlite detect&lt;/pre&gt;&lt;p&gt;open daarna CASE.sqlite hier.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No backup sessions</source>
        <translation>Geen back-upsessies</translation>
    </message>
    <message>
        <source>%1 backup servers, %2 flagged sessions</source>
        <translation>%1 back-upservers, %2 gemarkeerde sessies</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>full</source>
        <translation>volledig</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>incrementeel</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1: %2 sessions, %3 flagged. Select a session for its finding.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1: %2 sessies, %3 gemarkeerd. Selecteer een sessie voor de bevinding ervan.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model&apos;s expectation (transferred)</source>
        <translation>Verwachting van het model (overgedragen)</translation>
    </message>
    <message>
        <source>Flagged session</source>
        <translation>Gemarkeerde sessie</translation>
    </message>
    <message>
        <source>Robust range (transferred)</source>
        <translation>Robuust bereik (overgedragen)</translation>
    </message>
    <message>
        <source>Model&apos;s band (±3 spreads)</source>
        <translation>Band van het model (±3 spreidingen)</translation>
    </message>
    <message>
        <source>%1 — %2 sessions, %3 flagged</source>
        <translation>%1 — %2 sessies, %3 gemarkeerd</translation>
    </message>
    <message>
        <source>Dedup ratio</source>
        <translation>Dedupverhouding</translation>
    </message>
    <message>
        <source>Compression ratio</source>
        <translation>Compressieverhouding</translation>
    </message>
    <message>
        <source>UTC date</source>
        <translation>UTC-datum</translation>
    </message>
    <message>
        <source>GB (log)</source>
        <translation>GB (log.)</translation>
    </message>
    <message>
        <source>Dedup / compression ratio</source>
        <translation>Dedup-/compressieverhouding</translation>
    </message>
    <message>
        <source>Robust range: median ± 3 · 1.4826 · MAD of this server&apos;s transferred size, per type of session. Model&apos;s band: what the model judging this server expected (its reconstruction) ± 3 robust spreads of that kind of night. Red: sessions an anomaly names. Wheel zooms, drag pans.</source>
        <translation>Robuust bereik: mediaan ± 3 · 1,4826 · MAD van de overgedragen grootte van deze server, per sessietype. Band van het model: wat het model dat deze server beoordeelt verwachtte (zijn reconstructie) ± 3 robuuste spreidingen van zo&apos;n nacht. Rood: sessies die een anomalie noemt. Scrollwiel zoomt, slepen verschuift.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Session %1 (%2, %3): nothing flagged.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sessie %1 (%2, %3): niets gemarkeerd.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Threat %1/10&lt;/b&gt; — %2&lt;br&gt;Session %3, %4 UTC&lt;/p&gt;%5</source>
        <translation>&lt;p&gt;&lt;b&gt;Dreiging %1/10&lt;/b&gt; — %2&lt;br&gt;Sessie %3, %4 UTC&lt;/p&gt;%5</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Back-up</translation>
    </message>
</context>
<context>
    <name>backsight::ui::BaselineJob</name>
    <message>
        <source>Baselines</source>
        <translation>Basislijnen</translation>
    </message>
    <message>
        <source>computing baselines… %1 %</source>
        <translation>basislijnen berekenen… %1 %</translation>
    </message>
    <message>
        <source>Baselines cancelled; the previous ones stay</source>
        <translation>Basislijnen geannuleerd; de vorige blijven</translation>
    </message>
    <message>
        <source>Baselines for %1 users (%2 still learning) from %3 sign-ins in %4 ms</source>
        <translation>Basislijnen voor %1 gebruikers (%2 leren nog) uit %3 aanmeldingen in %4 ms</translation>
    </message>
</context>
<context>
    <name>backsight::ui::DashboardView</name>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lezer</translation>
    </message>
    <message>
        <source>New events</source>
        <translation>Nieuwe gebeurtenissen</translation>
    </message>
    <message>
        <source>Open the %1 anomalies in Triage</source>
        <translation>De %1 anomalieën openen in Triage</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
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
        <translation>Gebruikers met de meeste anomalieën</translation>
    </message>
    <message>
        <source>Top countries by anomalies</source>
        <translation>Landen met de meeste anomalieën</translation>
    </message>
    <message>
        <source>Top apps by anomalies</source>
        <translation>Apps met de meeste anomalieën</translation>
    </message>
    <message>
        <source>Data coverage</source>
        <translation>Gegevensdekking</translation>
    </message>
    <message>
        <source>Training state</source>
        <translation>Trainingsstatus</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Geen zaakdatabase geopend — Bestand → Zaakdatabase nieuw/openen…</translation>
    </message>
    <message>
        <source>No sign-ins yet — File → Import… or drop exports on the window.</source>
        <translation>Nog geen aanmeldingen — Bestand → Importeren… of sleep exports naar het venster.</translation>
    </message>
    <message>
        <source>No anomalies yet. Run detection to fill the queue:  backsight-cli --db &quot;%1&quot; train  then  backsight-cli --db &quot;%1&quot; detect  (then F5).</source>
        <translation>Nog geen anomalieën. Voer detectie uit om de wachtrij te vullen:  backsight-cli --db &quot;%1&quot; train  en dan  backsight-cli --db &quot;%1&quot; detect  (daarna F5).</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <source>%1 sign-ins of %2 users, %3 – %4 UTC, from %5 source files:</source>
        <translation>%1 aanmeldingen van %2 gebruikers, %3 – %4 UTC, uit %5 bronbestanden:</translation>
    </message>
    <message>
        <source>Nothing imported yet.</source>
        <translation>Nog niets geïmporteerd.</translation>
    </message>
    <message>
        <source>No baselines or models yet. Train them with&lt;br&gt;&lt;tt&gt;backsight-cli --db &quot;%1&quot; train&lt;/tt&gt;</source>
        <translation>Nog geen basislijnen of modellen. Train ze met&lt;br&gt;&lt;tt&gt;backsight-cli --db &quot;%1&quot; train&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>%1 active models for %2 subjects; last trained %3.&lt;br&gt;%4 users with a baseline, %5 still learning.&lt;br&gt;Last detection run: %6.&lt;br&gt;&lt;a href=&quot;training&quot;&gt;Training state…&lt;/a&gt;</source>
        <translation>%1 actieve modellen voor %2 onderwerpen; laatst getraind %3.&lt;br&gt;%4 gebruikers met een basislijn, %5 leren nog.&lt;br&gt;Laatste detectierun: %6.&lt;br&gt;&lt;a href=&quot;training&quot;&gt;Trainingsstatus…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>%1 anomalies, %2 open, %3 sign-ins</source>
        <translation>%1 anomalieën, %2 open, %3 aanmeldingen</translation>
    </message>
    <message>
        <source>Anomalies per day by severity (UTC) — click a bar for that day</source>
        <translation>Anomalieën per dag naar ernst (UTC) — klik op een balk voor die dag</translation>
    </message>
    <message>
        <source>Anomalies per day by severity, %1 to %2 (UTC) — click a bar for that day</source>
        <translation>Anomalieën per dag naar ernst, %1 tot %2 (UTC) — klik op een balk voor die dag</translation>
    </message>
    <message>
        <source>Sign-ins per day and failures (UTC)</source>
        <translation>Aanmeldingen per dag en mislukkingen (UTC)</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Aanmeldingen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Mislukkingen</translation>
    </message>
    <message>
        <source>days since %1</source>
        <translation>dagen sinds %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::DemoRun</name>
    <message>
        <source>%1 views</source>
        <translation>%1 weergaven</translation>
    </message>
    <message>
        <source>the main window and a sign-in&apos;s detail</source>
        <translation>het hoofdvenster en de details van een aanmelding</translation>
    </message>
    <message>
        <source>import summary</source>
        <translation>importoverzicht</translation>
    </message>
    <message>
        <source>import summary; no high or critical anomalies to report</source>
        <translation>importoverzicht; geen hoge of kritieke anomalieën om te rapporteren</translation>
    </message>
    <message>
        <source>cannot remove the old demo database file %1</source>
        <translation>kan het oude demodatabasebestand %1 niet verwijderen</translation>
    </message>
    <message>
        <source>cannot create the demo folder %1</source>
        <translation>kan de demomap %1 niet maken</translation>
    </message>
    <message>
        <source>the import could not start</source>
        <translation>de import kon niet starten</translation>
    </message>
    <message>
        <source>the import failed: %1</source>
        <translation>de import is mislukt: %1</translation>
    </message>
    <message>
        <source>nothing could be imported: %1</source>
        <translation>er kon niets worden geïmporteerd: %1</translation>
    </message>
    <message>
        <source>training and detection failed: %1</source>
        <translation>training en detectie zijn mislukt: %1</translation>
    </message>
    <message>
        <source>%1 of %2 views · %3</source>
        <translation>%1 van %2 weergaven · %3</translation>
    </message>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>kan de schermafbeelding %1 niet schrijven</translation>
    </message>
    <message>
        <source>the incident report failed: %1</source>
        <translation>het incidentrapport is mislukt: %1</translation>
    </message>
    <message>
        <source>generate</source>
        <translation>genereren</translation>
    </message>
    <message>
        <source>import</source>
        <translation>importeren</translation>
    </message>
    <message>
        <source>train and detect</source>
        <translation>trainen en detecteren</translation>
    </message>
    <message>
        <source>screenshots</source>
        <translation>schermafbeeldingen</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>rapporten</translation>
    </message>
</context>
<context>
    <name>backsight::ui::DemoTenantJob</name>
    <message>
        <source>Generating demo tenant</source>
        <translation>Demotenant genereren</translation>
    </message>
    <message>
        <source>day %1 of %2 · %3 users</source>
        <translation>dag %1 van %2 · %3 gebruikers</translation>
    </message>
    <message>
        <source>Generating the demo tenant failed: %1</source>
        <translation>Het genereren van de demotenant is mislukt: %1</translation>
    </message>
    <message>
        <source>Wrote %1 sign-ins and %2 audit events in %3 files under %4</source>
        <translation>%1 aanmeldingen en %2 auditgebeurtenissen in %3 bestanden onder %4 geschreven</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ExportMenu</name>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporteren</translation>
    </message>
    <message>
        <source>&amp;Report of the selected anomalies (PDF)…</source>
        <translation>&amp;Rapport van de geselecteerde anomalieën (PDF)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Report of the selected anomaly&apos;s &amp;user (PDF)…</source>
        <translation>Rapport over de &amp;gebruiker van de geselecteerde anomalie (PDF)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Report of the &amp;filtered list (PDF)…</source>
        <translation>Rapport van de ge&amp;filterde lijst (PDF)…</translation>
    </message>
    <message>
        <source>Selected anomalies as &amp;CSV…</source>
        <translation>Geselecteerde anomalieën als &amp;CSV…</translation>
    </message>
    <message>
        <source>Filtered list as C&amp;SV…</source>
        <translation>Gefilterde lijst als C&amp;SV…</translation>
    </message>
    <message>
        <source>Selected anomalies as &amp;JSON Lines…</source>
        <translation>Geselecteerde anomalieën als &amp;JSON Lines…</translation>
    </message>
    <message>
        <source>Filtered list as JSON &amp;Lines…</source>
        <translation>Gefilterde lijst als JSON &amp;Lines…</translation>
    </message>
    <message>
        <source>Exported %1: %2</source>
        <translation>Geëxporteerd %1: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Select an anomaly of a user in Triage first.</source>
        <translation>Selecteer eerst in Triage een anomalie van een gebruiker.</translation>
    </message>
    <message>
        <source>Select one or more anomalies in Triage first (or filter the list).</source>
        <translation>Selecteer eerst in Triage een of meer anomalieën (of filter de lijst).</translation>
    </message>
    <message>
        <source>incident-report</source>
        <translation>incidentrapport</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exporteren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-bestanden (*.%2)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::FileMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New/Open case database…</source>
        <translation>Zaakdatabase &amp;nieuw/openen…</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>&amp;Recente databases</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Bestanden &amp;importeren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>&amp;Map importeren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import &amp;zip archive…</source>
        <translation>&amp;Zip-archief importeren…</translation>
    </message>
    <message>
        <source>&amp;Watch folder…</source>
        <translation>Map be&amp;waken…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Lijst wissen</translation>
    </message>
    <message>
        <source>Cannot open the case database</source>
        <translation>De zaakdatabase kan niet worden geopend</translation>
    </message>
    <message>
        <source>New or existing case database</source>
        <translation>Nieuwe of bestaande zaakdatabase</translation>
    </message>
    <message>
        <source>Case databases (*.sqlite *.db);;All files (*)</source>
        <translation>Zaakdatabases (*.sqlite *.db);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Watch a folder for new exports</source>
        <translation>Een map bewaken op nieuwe exports</translation>
    </message>
    <message>
        <source>Watch folder</source>
        <translation>Map bewaken</translation>
    </message>
    <message>
        <source>Open case on &amp;server…</source>
        <translation>Zaak op &amp;server openen…</translation>
    </message>
    <message>
        <source>%1 cannot be part of a server address.</source>
        <translation>%1 kan geen deel van een serveradres zijn.</translation>
    </message>
    <message>
        <source>Cannot open the case on the server</source>
        <translation>Kan de zaak op de server niet openen</translation>
    </message>
    <message>
        <source>Password for the case server</source>
        <translation>Wachtwoord voor de zaakserver</translation>
    </message>
    <message>
        <source>%1

Password for %2 (this session only):</source>
        <translation>%1

Wachtwoord voor %2 (alleen voor deze sessie):</translation>
    </message>
    <message>
        <source>Still connecting to a case server; wait for it or cancel it.</source>
        <translation>Er wordt nog verbinding gemaakt met een zaakserver; wacht erop of annuleer.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinden met %1…</translation>
    </message>
    <message>
        <source>Stopped connecting to %1; the open case stays open.</source>
        <translation>Verbinden met %1 gestopt; de geopende zaak blijft open.</translation>
    </message>
    <message>
        <source>Stop connecting; the open case stays open</source>
        <translation>Verbinden stoppen; de geopende zaak blijft open</translation>
    </message>
</context>
<context>
    <name>backsight::ui::HeatmapWidget</name>
    <message>
        <source>Interactive sign-ins by hour and weekday — %1</source>
        <translation>Interactieve aanmeldingen per uur en weekdag — %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ImportProblemsDialog</name>
    <message>
        <source>(case database)</source>
        <translation>(zaakdatabase)</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>heel bestand</translation>
    </message>
    <message>
        <source>%1 more records rejected (not listed)</source>
        <translation>nog %1 records geweigerd (niet vermeld)</translation>
    </message>
    <message>
        <source>Import problems</source>
        <translation>Importproblemen</translation>
    </message>
    <message>
        <source>A rejected file was not imported at all. A rejected record was skipped; the rest of its file was imported.</source>
        <translation>Een geweigerd bestand is helemaal niet geïmporteerd. Een geweigerd record is overgeslagen; de rest van het bestand is geïmporteerd.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Alles kopiëren</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ImportView</name>
    <message>
        <source>Cancelled: nothing of this file was kept</source>
        <translation>Geannuleerd: niets van dit bestand is bewaard</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Niet geïmporteerd: %1</translation>
    </message>
    <message>
        <source>Imported %1 new events</source>
        <translation>%1 nieuwe gebeurtenissen geïmporteerd</translation>
    </message>
    <message>
        <source>, %1 were already in the case</source>
        <translation>, %1 zaten al in de zaak</translation>
    </message>
    <message>
        <source>; %1 records skipped, e.g. %2</source>
        <translation>; %1 records overgeslagen, bijv. %2</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import annuleren</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lezer</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelezen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Import Entra ID sign-in and audit exports: Graph JSON, diagnostic-settings records, Log Analytics exports, the admin center&apos;s CSV, Veeam restore folders and zip archives. Drop them on the window or pick them here. Each file is one transaction: a damaged file is rejected whole, the others stay.</source>
        <translation>Entra ID-aanmeld- en auditexports importeren: Graph JSON, records uit diagnostische instellingen, Log Analytics-exports, de CSV van het beheercentrum, Veeam-herstelmappen en zip-archieven. Sleep ze naar het venster of kies ze hier. Elk bestand is één transactie: een beschadigd bestand wordt in zijn geheel geweigerd, de andere blijven.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Bestanden importeren…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Map importeren…</translation>
    </message>
    <message>
        <source>Import zip archive…</source>
        <translation>Zip-archief importeren…</translation>
    </message>
    <message>
        <source>Cancelling after the current chunk…</source>
        <translation>Annuleren na het huidige blok…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Case database: %1</source>
        <translation>Zaakdatabase: %1</translation>
    </message>
    <message>
        <source>Open or create a case database first.</source>
        <translation>Open of maak eerst een zaakdatabase.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>No import running.</source>
        <translation>Er loopt geen import.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Niet gelezen: %1</translation>
    </message>
</context>
<context>
    <name>backsight::ui::IncidentList</name>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Soorten</translation>
    </message>
    <message>
        <source>Identity ↔ backup incident</source>
        <translation>Identiteit ↔ back-upincident</translation>
    </message>
    <message>
        <source>Show in &amp;Timeline</source>
        <translation>Tonen in &amp;Timeline</translation>
    </message>
    <message>
        <source>identity (%1) + backup (%2)</source>
        <translation>identiteit (%1) + back-up (%2)</translation>
    </message>
    <message>
        <source>%1 · threat %2</source>
        <translation>%1 · dreiging %2</translation>
    </message>
    <message>
        <source>identity: %1</source>
        <translation>identiteit: %1</translation>
    </message>
    <message>
        <source>backup: %1</source>
        <translation>back-up: %1</translation>
    </message>
    <message>
        <source> (+%1 h)</source>
        <translation> (+%1 u)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Stop this job</source>
        <translation>Deze taak stoppen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
</context>
<context>
    <name>backsight::ui::LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systeemtaal (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Backsight uses the new language the next time it starts. Now: %1.</source>
        <translation>Backsight gebruikt de nieuwe taal bij de volgende start. Nu: %1.</translation>
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
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Backsight</source>
        <translation>&amp;Over Backsight</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
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
        <translation>Er loopt een import; wacht tot hij klaar is of annuleer hem voordat u van database wisselt.</translation>
    </message>
    <message>
        <source>%1 — Backsight</source>
        <translation>%1 — Backsight</translation>
    </message>
    <message>
        <source>Open or create a case database first (File → New/Open case database…).</source>
        <translation>Open of maak eerst een zaakdatabase (Bestand → Zaakdatabase nieuw/openen…).</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it.</source>
        <translation>Er loopt al een import; wacht erop of annuleer hem.</translation>
    </message>
    <message>
        <source>About Backsight</source>
        <translation>Over Backsight</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Backsight %1&lt;/h3&gt;&lt;p&gt;Investigates Microsoft Entra ID sign-in and audit logs restored from Veeam backups.&lt;/p&gt;&lt;p&gt;Everything stays on this computer: Backsight never sends data anywhere.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Backsight %1&lt;/h3&gt;&lt;p&gt;Onderzoekt Microsoft Entra ID-aanmeld- en auditlogs die uit Veeam-back-ups zijn hersteld.&lt;/p&gt;&lt;p&gt;Alles blijft op deze computer: Backsight verstuurt nooit gegevens.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>In&amp;stellingen</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Taal…</translation>
    </message>
    <message>
        <source>The new language applies when Backsight starts again.</source>
        <translation>De nieuwe taal geldt zodra Backsight opnieuw start.</translation>
    </message>
    <message>
        <source>Detection &amp;sensitivity…</source>
        <translation>Detectie&amp;gevoeligheid…</translation>
    </message>
    <message>
        <source>Open a case database first: the sensitivity is saved in the case.</source>
        <translation>Open eerst een zaakdatabase: de gevoeligheid wordt in de zaak opgeslagen.</translation>
    </message>
    <message>
        <source>Detection sensitivity %1 saved in the case; it applies from the next detection run.</source>
        <translation>Detectiegevoeligheid %1 opgeslagen in de zaak; ze geldt vanaf de volgende detectierun.</translation>
    </message>
    <message>
        <source>Stop after the current file; files already imported stay</source>
        <translation>Stoppen na het huidige bestand; al geïmporteerde bestanden blijven</translation>
    </message>
</context>
<context>
    <name>backsight::ui::RulesView</name>
    <message>
        <source>Rules folder…</source>
        <translation>Regelmap…</translation>
    </message>
    <message>
        <source>Run rules</source>
        <translation>Regels uitvoeren</translation>
    </message>
    <message>
        <source>Open matches in Triage</source>
        <translation>Treffers openen in Triage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffers</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation>Waarom overgeslagen</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>Regel-id</translation>
    </message>
    <message>
        <source>Run every loaded rule over the case; matches are stored as anomalies of kind sigma (running again adds no duplicates)</source>
        <translation>Elke geladen regel op de zaak uitvoeren; treffers worden opgeslagen als anomalieën van soort sigma (opnieuw uitvoeren voegt geen duplicaten toe)</translation>
    </message>
    <message>
        <source>Show the selected rule&apos;s anomalies in Triage (all Sigma anomalies when none is selected)</source>
        <translation>De anomalieën van de geselecteerde regel in Triage tonen (alle Sigma-anomalieën als er geen is geselecteerd)</translation>
    </message>
    <message>
        <source>Filter rules (title, file, level, status, reason)…</source>
        <translation>Regels filteren (titel, bestand, niveau, status, reden)…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regels</translation>
    </message>
    <message>
        <source>Sigma rules folder</source>
        <translation>Map met Sigma-regels</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>overgeslagen</translation>
    </message>
    <message>
        <source>No rules folder yet. Choose a folder of Sigma rules (for example a checkout of SigmaHQ&apos;s rules/cloud/azure) with “Rules folder…”, or run:  backsight-cli --db CASE sigma --rules DIR</source>
        <translation>Nog geen regelmap. Kies met ‘Regelmap…’ een map met Sigma-regels (bijvoorbeeld een checkout van rules/cloud/azure van SigmaHQ), of voer uit:  backsight-cli --db CASE sigma --rules DIR</translation>
    </message>
    <message>
        <source>The rules in %1 cannot be read: %2</source>
        <translation>De regels in %1 kunnen niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>No Sigma rules (*.yml) in %1</source>
        <translation>Geen Sigma-regels (*.yml) in %1</translation>
    </message>
    <message>
        <source>%1: %2 rules loaded, %3 skipped (see why in the table). %4</source>
        <translation>%1: %2 regels geladen, %3 overgeslagen (zie waarom in de tabel). %4</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Last run: %1 matches.</source>
        <translation>Laatste run: %1 treffers.</translation>
    </message>
    <message>
        <source>Not run in this session.</source>
        <translation>In deze sessie niet uitgevoerd.</translation>
    </message>
    <message>
        <source> Open a case database to run them.</source>
        <translation> Open een zaakdatabase om ze uit te voeren.</translation>
    </message>
    <message>
        <source>no rules folder</source>
        <translation>geen regelmap</translation>
    </message>
    <message>
        <source>%1 rules, %2 skipped</source>
        <translation>%1 regels, %2 overgeslagen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SensitivityBacktestJob</name>
    <message>
        <source>Sensitivity backtest</source>
        <translation>Gevoeligheidsbacktest</translation>
    </message>
    <message>
        <source>backtest… %1 %</source>
        <translation>backtest… %1 %</translation>
    </message>
    <message>
        <source>Backtest over %1 sign-ins and %2 audit records in %3 ms; nothing was stored</source>
        <translation>Backtest over %1 aanmeldingen en %2 auditrecords in %3 ms; er is niets opgeslagen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SensitivityDialog</name>
    <message>
        <source>Fewest alerts: findings judged against the user&apos;s baseline one level lower; new places, hours, apps and model scores never above low.</source>
        <translation>Minste meldingen: bevindingen een niveau lager beoordeeld ten opzichte van de basislijn van de gebruiker; nieuwe plaatsen, uren, apps en modelscores nooit boven laag.</translation>
    </message>
    <message>
        <source>Low: new places, hours, apps and model scores never above low.</source>
        <translation>Laag: nieuwe plaatsen, uren, apps en modelscores nooit boven laag.</translation>
    </message>
    <message>
        <source>Default: the severity table as documented (docs/detections.md).</source>
        <translation>Standaard: de ernsttabel zoals gedocumenteerd (docs/detections.md).</translation>
    </message>
    <message>
        <source>High: a strong contextual finding (score 0.6 or more) of a user past learning, from a device not theirs, is at least medium.</source>
        <translation>Hoog: een sterke contextuele bevinding (score 0,6 of meer) van een gebruiker voorbij de leerfase, vanaf een apparaat dat niet van hem is, is minstens gemiddeld.</translation>
    </message>
    <message>
        <source>Most alerts: every low finding of a user past learning is medium, even from their own device.</source>
        <translation>Meeste meldingen: elke lage bevinding van een gebruiker voorbij de leerfase is gemiddeld, zelfs vanaf het eigen apparaat.</translation>
    </message>
    <message>
        <source>Run &amp;backtest</source>
        <translation>&amp;Backtest uitvoeren</translation>
    </message>
    <message>
        <source>Detection sensitivity</source>
        <translation>Detectiegevoeligheid</translation>
    </message>
    <message>
        <source>Fewer alerts</source>
        <translation>Minder meldingen</translation>
    </message>
    <message>
        <source>More alerts</source>
        <translation>Meer meldingen</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <source>Lows in digests</source>
        <translation>Lage in samenvattingen</translation>
    </message>
    <message>
        <source>Examine every event of the case once more and count, for each setting, the anomalies it would raise. Nothing is stored.</source>
        <translation>Elke gebeurtenis van de zaak nogmaals onderzoeken en voor elke instelling de anomalieën tellen die ze zou geven. Er wordt niets opgeslagen.</translation>
    </message>
    <message>
        <source>Run the backtest to see what each setting would have raised over this case.</source>
        <translation>Voer de backtest uit om te zien wat elke instelling over deze zaak zou hebben gegeven.</translation>
    </message>
    <message>
        <source>Save for this case</source>
        <translation>Opslaan voor deze zaak</translation>
    </message>
    <message>
        <source>How readily findings become medium or higher. Saved in the case; applies from the next detection run (backsight-cli detect --sensitivity N does the same).</source>
        <translation>Hoe snel bevindingen gemiddeld of hoger worden. Opgeslagen in de zaak; geldt vanaf de volgende detectierun (backsight-cli detect --sensitivity N doet hetzelfde).</translation>
    </message>
    <message>
        <source>Examining every event of the case…</source>
        <translation>Elke gebeurtenis van de zaak onderzoeken…</translation>
    </message>
    <message>
        <source>Cannot save the sensitivity</source>
        <translation>De gevoeligheid kan niet worden opgeslagen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ServerCaseDialog</name>
    <message>
        <source>Open case on server</source>
        <translation>Zaak op server openen</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Poort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Gebruiker:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Leave the password empty to use ~/.pgpass (or the file $PGPASSFILE names). A password typed here is used for this session only and is never saved.</source>
        <translation>Laat het wachtwoord leeg om ~/.pgpass te gebruiken (of het bestand dat $PGPASSFILE noemt). Een hier ingevoerd wachtwoord geldt alleen voor deze sessie en wordt nooit opgeslagen.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SessionChartView</name>
    <message>
        <source>Wheel or +/− zooms time, drag or arrow keys pan, Home or a double click shows everything</source>
        <translation>Scrollwiel of +/− zoomt de tijd, slepen of pijltoetsen verschuiven, Home of dubbelklik toont alles</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SigmaJob</name>
    <message>
        <source>Sigma rules</source>
        <translation>Sigma-regels</translation>
    </message>
    <message>
        <source>Sigma rules: %1 of %2 events</source>
        <translation>Sigma-regels: %1 van %2 gebeurtenissen</translation>
    </message>
    <message>
        <source>Sigma rules cancelled; nothing was stored</source>
        <translation>Sigma-regels geannuleerd; er is niets opgeslagen</translation>
    </message>
    <message>
        <source>Sigma: %1 rules run (%2 skipped) over %3 events: %4 matches, %5 new anomalies</source>
        <translation>Sigma: %1 regels uitgevoerd (%2 overgeslagen) over %3 gebeurtenissen: %4 treffers, %5 nieuwe anomalieën</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SignInDetailPane</name>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Select a sign-in to see every field and the original record.</source>
        <translation>Selecteer een aanmelding om elk veld en het oorspronkelijke record te zien.</translation>
    </message>
    <message>
        <source>Original record</source>
        <translation>Oorspronkelijk record</translation>
    </message>
    <message>
        <source>Sign-in %1 is no longer in the database.</source>
        <translation>Aanmelding %1 staat niet meer in de database.</translation>
    </message>
    <message>
        <source>%1 · %2 UTC · %3</source>
        <translation>%1 · %2 UTC · %3</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Tijd (lokaal)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Bronbestand</translation>
    </message>
    <message>
        <source>unknown (source %1)</source>
        <translation>onbekend (bron %1)</translation>
    </message>
    <message>
        <source>Record in file</source>
        <translation>Record in bestand</translation>
    </message>
    <message>
        <source>Source SHA-256</source>
        <translation>SHA-256 van de bron</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Gelezen als</translation>
    </message>
    <message>
        <source>Original record: %1</source>
        <translation>Oorspronkelijk record: %1</translation>
    </message>
    <message numerus="yes">
        <source>Original record (%n bytes as read)</source>
        <translation>
            <numerusform>Oorspronkelijk record (%n byte zoals gelezen)</numerusform>
            <numerusform>Oorspronkelijk record (%n bytes zoals gelezen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Hosting / VPN network</source>
        <translation>Hosting-/VPN-netwerk</translation>
    </message>
    <message>
        <source>Yes: cloud / hosting provider</source>
        <translation>Ja: cloud-/hostingprovider</translation>
    </message>
    <message>
        <source>Yes: commercial VPN</source>
        <translation>Ja: commerciële VPN</translation>
    </message>
    <message>
        <source>No (not on the curated list)</source>
        <translation>Nee (niet op de samengestelde lijst)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SignInFilterBar</name>
    <message>
        <source>Filter by user, display name, IP address, app, city or country</source>
        <translation>Filteren op gebruiker, weergavenaam, IP-adres, app, stad of land</translation>
    </message>
    <message>
        <source>All sign-ins</source>
        <translation>Alle aanmeldingen</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interactief</translation>
    </message>
    <message>
        <source>Non-interactive</source>
        <translation>Niet-interactief</translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation>Alleen mislukkingen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::SignInsModel</name>
    <message>
        <source>Success</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>Time in this computer&apos;s zone (%1), with its offset from UTC</source>
        <translation>Tijd in de zone van deze computer (%1), met het verschil met UTC</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Tijd (lokaal)</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Gebruiker (UPN)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Weergavenaam</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-adres</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Client app</source>
        <translation>Client-app</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>OS</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interactief</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risico</translation>
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
        <translation>Aanmeldingen</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Geen zaakdatabase geopend — Bestand → Zaakdatabase nieuw/openen…</translation>
    </message>
    <message>
        <source>No sign-ins yet — File → Import… or drop Veeam restore folders, zip archives, JSON or CSV exports here</source>
        <translation>Nog geen aanmeldingen — Bestand → Importeren… of sleep Veeam-herstelmappen, zip-archieven, JSON- of CSV-exports hierheen</translation>
    </message>
    <message>
        <source>%1 of … sign-ins (counting)</source>
        <translation>%1 van … aanmeldingen (tellen)</translation>
    </message>
    <message>
        <source>counting sign-ins…</source>
        <translation>aanmeldingen tellen…</translation>
    </message>
    <message>
        <source>%1 of %2 sign-ins</source>
        <translation>%1 van %2 aanmeldingen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::StatusChangeDialog</name>
    <message>
        <source>Change the status of 1 anomaly</source>
        <translation>De status van 1 anomalie wijzigen</translation>
    </message>
    <message>
        <source>Change the status of %1 anomalies</source>
        <translation>De status van %1 anomalieën wijzigen</translation>
    </message>
    <message>
        <source>Why (kept in the case record and the audit log)</source>
        <translation>Waarom (bewaard in het zaakdossier en het auditlogboek)</translation>
    </message>
    <message>
        <source>phishing, vip (comma-separated)</source>
        <translation>phishing, vip (gescheiden door komma&apos;s)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
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
        <translation>Wijzigingen van collega&apos;s verschijnen pas na vernieuwen (F5): %1</translation>
    </message>
    <message>
        <source>Case changed by a colleague — views refreshed</source>
        <translation>Zaak gewijzigd door een collega — weergaven vernieuwd</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TimelineView</name>
    <message>
        <source>Fit all</source>
        <translation>Alles passend</translation>
    </message>
    <message>
        <source>Show selection in Triage</source>
        <translation>Selectie tonen in Triage</translation>
    </message>
    <message>
        <source>User (UPN) — empty for the whole tenant</source>
        <translation>Gebruiker (UPN) — leeg voor de hele tenant</translation>
    </message>
    <message>
        <source>Show everything (Home)</source>
        <translation>Alles tonen (Home)</translation>
    </message>
    <message>
        <source>Shift+drag on the timeline to select a range first</source>
        <translation>Selecteer eerst een bereik met Shift+slepen op de timeline</translation>
    </message>
    <message>
        <source>Click a marker to see the event.</source>
        <translation>Klik op een markering om de gebeurtenis te zien.</translation>
    </message>
    <message>
        <source>selected %1 – %2 UTC</source>
        <translation>geselecteerd %1 – %2 UTC</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>No case database is open</source>
        <translation>Geen zaakdatabase geopend</translation>
    </message>
    <message>
        <source>No sign-ins yet — File → Import…</source>
        <translation>Nog geen aanmeldingen — Bestand → Importeren…</translation>
    </message>
    <message>
        <source>No sign-ins of %1</source>
        <translation>Geen aanmeldingen van %1</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Anomaly %1 — opening it in Triage.</source>
        <translation>Anomalie %1 — wordt geopend in Triage.</translation>
    </message>
    <message>
        <source>The original record of %1 is not stored.</source>
        <translation>Het oorspronkelijke record van %1 is niet opgeslagen.</translation>
    </message>
    <message>
        <source>Event %1

%2</source>
        <translation>Gebeurtenis %1

%2</translation>
    </message>
    <message>
        <source>%1 → %2 backup anomalies, %3 h later</source>
        <translation>%1 → %2 back-upanomalieën, %3 u later</translation>
    </message>
    <message>
        <source>%1: %2 sign-ins, %3 anomalies and %4 identity ↔ backup incidents in view</source>
        <translation>%1: %2 aanmeldingen, %3 anomalieën en %4 identiteit ↔ back-upincidenten in beeld</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TimelineWidget</name>
    <message>
        <source>Wheel or +/− to zoom, drag or ←/→ to pan, Shift+drag to select a range, click a marker to see it</source>
        <translation>Scrollwiel of +/− zoomt, slepen of ←/→ verschuift, Shift+slepen selecteert een bereik, klik op een markering om haar te zien</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalieën</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Aanmeldingen</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Back-ups</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>geslaagd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>per %1</source>
        <translation>per %1</translation>
    </message>
    <message>
        <source>failed ↓</source>
        <translation>mislukt ↓</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>waarschuwing</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>incident: %1</source>
        <translation>incident: %1</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>incident</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TrainingView</name>
    <message>
        <source>Recompute all baselines</source>
        <translation>Alle basislijnen opnieuw berekenen</translation>
    </message>
    <message>
        <source>Retrain all models</source>
        <translation>Alle modellen opnieuw trainen</translation>
    </message>
    <message>
        <source>Retrain changed users</source>
        <translation>Gewijzigde gebruikers opnieuw trainen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereik</translation>
    </message>
    <message>
        <source>Model kind</source>
        <translation>Modelsoort</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Last trained (UTC)</source>
        <translation>Laatst getraind (UTC)</translation>
    </message>
    <message>
        <source>Events used</source>
        <translation>Gebruikte gebeurtenissen</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>Learning state</source>
        <translation>Leerstatus</translation>
    </message>
    <message>
        <source>Recompute every user&apos;s baseline over the last 60 days of sign-ins (a job; cancel in the status bar)</source>
        <translation>De basislijn van elke gebruiker opnieuw berekenen over de aanmeldingen van de laatste 60 dagen (een job; annuleren in de statusbalk)</translation>
    </message>
    <message>
        <source>Train every user&apos;s Isolation Forest and the tenant model again (a job; cancel in the status bar)</source>
        <translation>Het Isolation Forest van elke gebruiker en het tenantmodel opnieuw trainen (een job; annuleren in de statusbalk)</translation>
    </message>
    <message>
        <source>Retrain only users with sign-ins newer than their model&apos;s window</source>
        <translation>Alleen gebruikers opnieuw trainen met aanmeldingen die nieuwer zijn dan het venster van hun model</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation>geen basislijn</translation>
    </message>
    <message>
        <source>learning (too little history)</source>
        <translation>leert (te weinig geschiedenis)</translation>
    </message>
    <message>
        <source>learned</source>
        <translation>geleerd</translation>
    </message>
    <message>
        <source>tenant-wide</source>
        <translation>tenantbreed</translation>
    </message>
    <message>
        <source>user</source>
        <translation>gebruiker</translation>
    </message>
    <message>
        <source>baseline only</source>
        <translation>alleen basislijn</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Geen zaakdatabase geopend — Bestand → Zaakdatabase nieuw/openen…</translation>
    </message>
    <message>
        <source>Nothing trained yet. Recompute baselines and retrain models here, or run:
backsight-cli --db &quot;%1&quot; train</source>
        <translation>Nog niets getraind. Bereken hier basislijnen opnieuw en train modellen opnieuw, of voer uit:
backsight-cli --db &quot;%1&quot; train</translation>
    </message>
    <message>
        <source>%1 users with a baseline (%2 still learning), %3 active models.
After retraining, score new events with:  backsight-cli --db &quot;%4&quot; detect</source>
        <translation>%1 gebruikers met een basislijn (%2 leren nog), %3 actieve modellen.
Scoor na het opnieuw trainen nieuwe gebeurtenissen met:  backsight-cli --db &quot;%4&quot; detect</translation>
    </message>
    <message>
        <source>%1 baselines, %2 models</source>
        <translation>%1 basislijnen, %2 modellen</translation>
    </message>
    <message>
        <source>Judges sign-ins from (UTC)</source>
        <translation>Beoordeelt aanmeldingen vanaf (UTC)</translation>
    </message>
    <message>
        <source>Point in time: a model learnt from the sign-ins before this time and judges only those after it</source>
        <translation>Op tijdstip: een model leerde van de aanmeldingen vóór dit moment en beoordeelt alleen die erna</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TravelMapView</name>
    <message>
        <source>User (UPN) — empty for the whole tenant</source>
        <translation>Gebruiker (UPN) — leeg voor de hele tenant</translation>
    </message>
    <message>
        <source>Show sign-ins up to this moment</source>
        <translation>Aanmeldingen tot dit moment tonen</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-adres</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Up to:</source>
        <translation>Tot:</translation>
    </message>
    <message>
        <source>Circle area = sign-ins from that place · dashed: travel between consecutive sign-ins · red: impossible travel found by detection (before detection has run: faster than %L1 km/h)</source>
        <translation>Cirkeloppervlak = aanmeldingen vanaf die plaats · gestreept: reis tussen opeenvolgende aanmeldingen · rood: onmogelijke reis gevonden door detectie (vóór de detectie: sneller dan %L1 km/u)</translation>
    </message>
    <message>
        <source>Travel map</source>
        <translation>Reiskaart</translation>
    </message>
    <message>
        <source>Tenant: %1 places</source>
        <translation>Tenant: %1 plaatsen</translation>
    </message>
    <message>
        <source>%1: %2 places, %3 impossible-travel legs%4</source>
        <translation>%1: %2 plaatsen, %3 onmogelijke reistrajecten%4</translation>
    </message>
    <message>
        <source> (first %1 sign-ins)</source>
        <translation> (eerste %1 aanmeldingen)</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Geslaagd</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TravelMapWidget</name>
    <message>
        <source>Wheel or +/− to zoom, drag to pan, click a place to list its sign-ins</source>
        <translation>Scrollwiel of +/− zoomt, slepen verschuift, klik op een plaats voor de aanmeldingen ervan</translation>
    </message>
    <message>
        <source>%1 km in %2 min = %3 km/h</source>
        <translation>%1 km in %2 min = %3 km/u</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The bundled world map is missing from this build.</source>
        <translation>De meegeleverde wereldkaart ontbreekt in deze build.</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TriageFilterBar</name>
    <message>
        <source>All severities</source>
        <translation>Alle ernstniveaus</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 en hoger</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>Open (new, investigating)</source>
        <translation>Open (nieuw, in onderzoek)</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Gebruiker (UPN)</translation>
    </message>
    <message>
        <source>Search reasons, users, kinds…</source>
        <translation>Redenen, gebruikers, soorten zoeken…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Remove the time range, country and app that a click-through added</source>
        <translation>De periode, het land en de app verwijderen die een doorklik heeft toegevoegd</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>alleen %1</translation>
    </message>
    <message>
        <source>country %1</source>
        <translation>land %1</translation>
    </message>
    <message>
        <source>app %1</source>
        <translation>app %1</translation>
    </message>
    <message>
        <source>Network (AS number or organisation)</source>
        <translation>Netwerk (AS-nummer of organisatie)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TriageModel</name>
    <message>
        <source>%1 in the user&apos;s own zone: their usual offset, home %2 (from their baseline)</source>
        <translation>%1 in de eigen zone van de gebruiker: het gebruikelijke verschil, thuis %2 (uit de basislijn)</translation>
    </message>
    <message>
        <source>%1 in this computer&apos;s zone (%2): no baseline gives this subject&apos;s own zone</source>
        <translation>%1 in de zone van deze computer (%2): geen basislijn geeft de eigen zone van dit onderwerp</translation>
    </message>
    <message>
        <source> (this computer)</source>
        <translation> (deze computer)</translation>
    </message>
    <message>
        <source>The user&apos;s own local time with its UTC offset (their usual zone, from their baseline); without a baseline, this computer&apos;s zone (%1)</source>
        <translation>De eigen lokale tijd van de gebruiker met het UTC-verschil (de gebruikelijke zone, uit de basislijn); zonder basislijn de zone van deze computer (%1)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Time (user&apos;s zone)</source>
        <translation>Tijd (zone gebruiker)</translation>
    </message>
    <message>
        <source>User / subject</source>
        <translation>Gebruiker / onderwerp</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Soorten</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1: a cloud / hosting or commercial VPN network (the curated list, resources/asn/SOURCES.md)</source>
        <translation>%1: een cloud-/hosting- of commercieel VPN-netwerk (de samengestelde lijst, resources/asn/SOURCES.md)</translation>
    </message>
    <message>
        <source>The autonomous system (ASN) and organisation of the anomaly&apos;s sign-in; hosting and VPN networks are marked and coloured</source>
        <translation>Het autonome systeem (ASN) en de organisatie van de aanmelding van de anomalie; hosting- en VPN-netwerken zijn gemarkeerd en gekleurd</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
</context>
<context>
    <name>backsight::ui::TriageView</name>
    <message>
        <source>Mark as &amp;new</source>
        <translation>Markeren als &amp;nieuw</translation>
    </message>
    <message>
        <source>Mark as &amp;investigating</source>
        <translation>Markeren als &amp;in onderzoek</translation>
    </message>
    <message>
        <source>Mark as &amp;confirmed</source>
        <translation>Markeren als &amp;bevestigd</translation>
    </message>
    <message>
        <source>Mark as &amp;dismissed</source>
        <translation>Markeren als &amp;afgewezen</translation>
    </message>
    <message>
        <source>Change &amp;status with note and tags…</source>
        <translation>&amp;Status wijzigen met notitie en tags…</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Geen zaakdatabase geopend — Bestand → Zaakdatabase nieuw/openen…</translation>
    </message>
    <message>
        <source>No anomalies yet. Detection fills this queue:

backsight-cli --db &quot;%1&quot; train
backsight-cli --db &quot;%1&quot; detect

then View → Refresh (F5).</source>
        <translation>Nog geen anomalieën. Detectie vult deze wachtrij:

backsight-cli --db &quot;%1&quot; train
backsight-cli --db &quot;%1&quot; detect

daarna Beeld → Vernieuwen (F5).</translation>
    </message>
    <message>
        <source>%1 of %2 anomalies</source>
        <translation>%1 van %2 anomalieën</translation>
    </message>
    <message>
        <source> (first %1 shown: narrow the filter)</source>
        <translation> (eerste %1 getoond: verfijn het filter)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::UserNetworksModel</name>
    <message>
        <source>Hosting / cloud</source>
        <translation>Hosting / cloud</translation>
    </message>
    <message>
        <source>Commercial VPN</source>
        <translation>Commerciële VPN</translation>
    </message>
    <message>
        <source>ISP or other</source>
        <translation>Provider of anders</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Not recorded: imported before the ASN lookup, or an address the offline table does not list</source>
        <translation>Niet vastgelegd: geïmporteerd vóór de ASN-opzoeking, of een adres dat de offline tabel niet bevat</translation>
    </message>
    <message>
        <source>%1 is on the curated list of cloud / hosting and commercial VPN networks (resources/asn/SOURCES.md): an interactive sign-in from it is unusual for a person</source>
        <translation>%1 staat op de samengestelde lijst van cloud-/hosting- en commerciële VPN-netwerken (resources/asn/SOURCES.md): een interactieve aanmelding daarvandaan is ongebruikelijk voor een persoon</translation>
    </message>
    <message>
        <source>Not on the curated list of hosting and VPN networks: usually an internet provider, a mobile carrier or a company&apos;s own network</source>
        <translation>Niet op de samengestelde lijst van hosting- en VPN-netwerken: meestal een internetprovider, een mobiele provider of het eigen netwerk van een bedrijf</translation>
    </message>
    <message>
        <source>Hosting and VPN networks come from a short curated list; every other network shows as ISP or other</source>
        <translation>Hosting- en VPN-netwerken komen uit een korte samengestelde lijst; elk ander netwerk verschijnt als Provider of anders</translation>
    </message>
    <message>
        <source>ASN</source>
        <translation>ASN</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Aanmeldingen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Eerst gezien (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Laatst gezien (UTC)</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Landen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::UserView</name>
    <message>
        <source>%1, home %2 (%3)</source>
        <translation>%1, thuis %2 (%3)</translation>
    </message>
    <message>
        <source>UTC (no location known)</source>
        <translation>UTC (geen locatie bekend)</translation>
    </message>
    <message>
        <source>%1, from the most frequent country %2 — no baseline yet</source>
        <translation>%1, uit het meest voorkomende land %2 — nog geen basislijn</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plaatsen</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP-adressen</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Operating systems</source>
        <translation>Besturingssystemen</translation>
    </message>
    <message>
        <source>Browsers</source>
        <translation>Browsers</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Trained (UTC)</source>
        <translation>Getraind (UTC)</translation>
    </message>
    <message>
        <source>Events used</source>
        <translation>Gebruikte gebeurtenissen</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>User (UPN)</source>
        <translation>Gebruiker (UPN)</translation>
    </message>
    <message>
        <source>Click to open in Triage</source>
        <translation>Klik om te openen in Triage</translation>
    </message>
    <message>
        <source>Anomalies in Triage</source>
        <translation>Anomalieën in Triage</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Travel map</source>
        <translation>Reiskaart</translation>
    </message>
    <message>
        <source>Where and how they sign in (all imported sign-ins)</source>
        <translation>Waar en hoe de gebruiker zich aanmeldt (alle geïmporteerde aanmeldingen)</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalieën</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modellen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>No case database is open — File → New/Open case database…</source>
        <translation>Geen zaakdatabase geopend — Bestand → Zaakdatabase nieuw/openen…</translation>
    </message>
    <message>
        <source>Pick a user above.</source>
        <translation>Kies hierboven een gebruiker.</translation>
    </message>
    <message>
        <source>No sign-ins of %1 in this case.</source>
        <translation>Geen aanmeldingen van %1 in deze zaak.</translation>
    </message>
    <message>
        <source>Baseline %1 – %2 UTC%3.</source>
        <translation>Basislijn %1 – %2 UTC%3.</translation>
    </message>
    <message>
        <source>, still learning (too little history)</source>
        <translation>, leert nog (te weinig geschiedenis)</translation>
    </message>
    <message>
        <source>No baseline yet — the heatmap is computed from the sign-ins; run  backsight-cli --db &quot;%1&quot; train  for the real one.</source>
        <translation>Nog geen basislijn — de heatmap is uit de aanmeldingen berekend; voer  backsight-cli --db &quot;%1&quot; train  uit voor de echte.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 sign-ins, %4 failed (%5 %). %6</source>
        <translation>%1 (%2): %3 aanmeldingen, %4 mislukt (%5 %). %6</translation>
    </message>
    <message>
        <source>
No interactive sign-ins: all %1 are non-interactive (token refreshes, background apps), so the hour × weekday heatmap below is empty.</source>
        <translation>
Geen interactieve aanmeldingen: alle %1 zijn niet-interactief (tokenvernieuwingen, achtergrondapps), dus de heatmap uur × weekdag hieronder is leeg.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Aanmeldingen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Mislukkingen</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Eerst gezien (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Laatst gezien (UTC)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>No models for this user yet — run  backsight-cli --db &quot;%1&quot; train</source>
        <translation>Nog geen modellen voor deze gebruiker — voer  backsight-cli --db &quot;%1&quot; train  uit</translation>
    </message>
    <message>
        <source>Sign-ins per day and failure rate (UTC)</source>
        <translation>Aanmeldingen per dag en foutpercentage (UTC)</translation>
    </message>
    <message>
        <source>Failure rate %</source>
        <translation>Foutpercentage %</translation>
    </message>
    <message>
        <source>days since %1</source>
        <translation>dagen sinds %1</translation>
    </message>
    <message>
        <source>%1: %2 sign-ins, %3 anomalies</source>
        <translation>%1: %2 aanmeldingen, %3 anomalieën</translation>
    </message>
    <message>
        <source>Networks they sign in from (ASN, all imported sign-ins)</source>
        <translation>Netwerken waarvandaan de gebruiker zich aanmeldt (ASN, alle geïmporteerde aanmeldingen)</translation>
    </message>
</context>
<context>
    <name>backsight::ui::ViewScreenshots</name>
    <message>
        <source>cannot create the screenshot folder %1</source>
        <translation>kan de map voor schermafbeeldingen %1 niet maken</translation>
    </message>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>kan de schermafbeelding %1 niet schrijven</translation>
    </message>
</context>
<context>
    <name>backsight::ui::WatchController</name>
    <message>
        <source>Open or create a case database first (File → New/Open case database…).</source>
        <translation>Open of maak eerst een zaakdatabase (Bestand → Zaakdatabase nieuw/openen…).</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 is geen map.</translation>
    </message>
    <message>
        <source>%1 is already watched.</source>
        <translation>%1 wordt al bewaakt.</translation>
    </message>
    <message>
        <source>Watching %1: new or grown exports are imported and checked as they arrive.</source>
        <translation>Bewaak %1: nieuwe of gegroeide exports worden bij aankomst geïmporteerd en gecontroleerd.</translation>
    </message>
    <message>
        <source>Watch: %1</source>
        <translation>Bewaking: %1</translation>
    </message>
    <message>
        <source>Backsight: %1 anomaly</source>
        <translation>Backsight: %1 anomalie</translation>
    </message>
    <message>
        <source>Backsight is watching folders</source>
        <translation>Backsight bewaakt mappen</translation>
    </message>
</context>
<context>
    <name>backsight::ui::WatchedFoldersPanel</name>
    <message>
        <source>Watched folders</source>
        <translation>Bewaakte mappen</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Bewaking stoppen</translation>
    </message>
    <message>
        <source>New or grown exports dropped here are imported once their size holds, checked for anomalies, and new high or critical ones are notified.</source>
        <translation>Nieuwe of gegroeide exports die hier terechtkomen worden geïmporteerd zodra hun grootte stabiel is, gecontroleerd op anomalieën, en nieuwe hoge of kritieke worden gemeld.</translation>
    </message>
    <message>
        <source>Watch folder…</source>
        <translation>Map bewaken…</translation>
    </message>
    <message>
        <source>None — File → Watch folder… or the button below</source>
        <translation>Geen — Bestand → Map bewaken… of de knop hieronder</translation>
    </message>
</context>
</TS>
