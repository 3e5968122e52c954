#!/usr/bin/python3
"""A shared PostgreSQL case beside a case file, on the same generated tenant, in one run (issue 13):

- import throughput: sign-ins per second into a case file (SQLite) and into a PostgreSQL case (COPY), from the
  generated zip (one file per hour) and from the same sign-ins in one JSON Lines file;
- training time in one process and with `train --workers 2`, and whether the models are the same;
- detection time in one process, then with `detect --workers N` for N = 1, 2, 4 (each on a copy of the trained
  case, CREATE DATABASE … TEMPLATE), and whether every run stored the same anomalies.

Starts a throwaway PostgreSQL server (initdb + pg_ctl in a temporary folder, as the postgres user when run as root,
fsync off like the tests) and removes it at the end. Not part of the test run.

    /usr/bin/python3 tests/bench/team/run.py [--cli build/release/app/cli/backsight-cli] [--users 300] [--days 30]
"""
import argparse, glob, json, os, pwd, shutil, socket, subprocess, sys, tempfile, time, zipfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from bench_cli import default_cli  # noqa: E402


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        sys.exit("PostgreSQL is not installed (installer/install-deps.sh installs it)")
    return os.path.dirname(found[-1])


def as_server_user(cmd):
    return ["runuser", "-u", "postgres", "--"] + cmd if os.geteuid() == 0 else cmd


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, check=True):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    if check and out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return time.perf_counter() - start, out.stdout


def anomalies(cli, db):
    _, out = run([cli, "--db", db, "anomalies"])
    rows = []
    for line in out.splitlines():
        if line.strip():
            o = json.loads(line)
            o.pop("detected_at", None)
            o.pop("run_id", None)
            rows.append(json.dumps(o, sort_keys=True))
    return sorted(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=None)
    ap.add_argument("--users", type=int, default=300)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    cli = os.path.abspath(a.cli or default_cli())
    bindir = pg_bin()
    work = tempfile.mkdtemp(prefix="backsight-team-bench-")
    os.chmod(work, 0o755)
    data, sock = os.path.join(work, "pg"), os.path.join(work, "sock")
    os.makedirs(sock)
    if os.geteuid() == 0:
        uid = pwd.getpwnam("postgres").pw_uid
        os.chown(work, uid, -1)
        os.chown(sock, uid, -1)
    port = free_port()
    run(as_server_user([os.path.join(bindir, "initdb"), "-D", data, "-A", "trust", "-U", "postgres"]))
    run(as_server_user([os.path.join(bindir, "pg_ctl"), "-D", data, "-w", "-l", os.path.join(work, "pg.log"), "-o",
                        f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]))
    url = lambda db: f"postgresql://postgres@127.0.0.1:{port}/{db}"
    psql = lambda sql: run([os.path.join(bindir, "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                            "-d", "postgres", "-qc", sql])
    try:
        tenant = os.path.join(work, "tenant.zip")
        run([cli, "generate", "--users", str(a.users), "--days", str(a.days), "--seed", str(a.seed),
             "--format", "veeam-zip", "--out", tenant])
        print(f"tenant: {a.users} users x {a.days} days ({os.path.getsize(tenant) / 1e6:.1f} MB zip); "
              f"{os.cpu_count()} cores; PostgreSQL at 127.0.0.1:{port}, fsync off")
        # The same sign-ins as one JSON Lines file: what the import costs per record without a file's own round trips.
        single = os.path.join(work, "signins.jsonl")
        with zipfile.ZipFile(tenant) as z, open(single, "w") as out:
            for entry in sorted(n for n in z.namelist() if "/Sign-in Logs/" in n and n.endswith(".json")):
                for record in json.loads(z.read(entry))["value"]:
                    out.write(json.dumps(record, separators=(",", ":")) + "\n")
        lite = os.path.join(work, "case.sqlite")
        for source, label in ((tenant, f"the zip ({len(zipfile.ZipFile(tenant).namelist())} files)"),
                              (single, "one JSONL file")):
            print(f"{label}:")
            for name, db in (("case file (SQLite)", None), ("PostgreSQL (COPY)", "postgres")):
                if db is None:
                    db = lite + (".zip" if source == tenant else ".jsonl")
                else:
                    target = "imported" if source == tenant else "imported_jsonl"
                    psql(f"CREATE DATABASE {target}")
                    db = url(target)
                seconds, _ = run([cli, "--db", db, "import", source, "--quiet"])
                _, stats = run([cli, "--db", db, "stats", "--json"])
                counts = json.loads(stats)
                signins = counts.get("signins", 0) + counts.get("noninteractive_signins", 0)
                print(f"  import into {name:20s} {seconds:6.2f} s  {signins:8d} sign-ins  {signins / seconds:9.0f} sign-ins/s")
        print("(goal for the server import: >= 100,000 sign-ins/s)")
        models = {}
        for workers in (None, 2):
            name = "trained" if workers is None else f"trained_w{workers}"
            psql(f"CREATE DATABASE {name} TEMPLATE imported")
            cmd = [cli, "--db", url(name), "train", "--json"] + ([] if workers is None else ["--workers", str(workers)])
            seconds, out = run(cmd)
            report = json.loads(out)
            _, listed = run([os.path.join(bindir, "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", name,
                             "-Atc", "SELECT scope, subject, kind, version, threshold, md5(data) FROM models ORDER BY 1, 2, 3, 4"])
            models[workers] = listed
            label = "in one process" if workers is None else f"--workers {workers}"
            print(f"train  {label:15s} {seconds:6.2f} s  user models {report['user_models']:5d} (by workers "
                  f"{report['user_models_by_workers']:5d})  "
                  f"{'same models as in one process' if listed == models[None] else 'DIFFERENT MODELS'}")
        reference = None
        for workers in (None, 1, 2, 4):
            name = "single" if workers is None else f"w{workers}"
            psql(f"CREATE DATABASE {name} TEMPLATE trained")
            cmd = [cli, "--db", url(name), "detect", "--quiet", "--json"]
            if workers is not None:
                cmd += ["--workers", str(workers)]
            seconds, out = run(cmd)
            report = json.loads(out)
            found = anomalies(cli, url(name))
            if reference is None:
                reference = found
            label = "in one process" if workers is None else f"--workers {workers}"
            print(f"detect {label:15s} {seconds:6.2f} s  users {report['users']:5d} (by workers "
                  f"{report['users_by_workers']:5d})  anomalies {len(found):5d}  "
                  f"{'same as in one process' if found == reference else 'DIFFERENT'}")
    finally:
        run(as_server_user([os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "fast", "stop"]), check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
