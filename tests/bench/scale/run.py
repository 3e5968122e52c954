#!/usr/bin/python3
"""How Backsight's cost grows with the tenant: for each user count, generate a tenant (`backsight-cli generate`,
Graph format), then `import`, `train` and `detect` it through the CLI into a new case, each phase its own process.
Prints, per size: sign-ins, wall time and peak RSS of each phase, the case file against the JSON it came from, and the
cost per sign-in relative to the smallest size (the goal: within 1.3x at ten times the users). Not part of the test
run; results go to docs/performance.md with the machine described.

    /usr/bin/python3 tests/bench/scale/run.py [--cli build/ci/app/cli/backsight-cli]
        [--users 300,1000,3000] [--days 30] [--seed 7] [--work DIR] [--keep]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from bench_cli import default_cli  # noqa: E402


def measured(cmd):
    """Runs cmd; returns (wall seconds, its own peak RSS in MB, stdout). Exit 2 (anomalies found) counts as success."""
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=err)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    out.seek(0)
    err.seek(0)
    if code not in (0, 2):
        sys.exit(f"{' '.join(cmd)} failed ({code}):\n{err.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out.read().decode(errors="replace")


def tree_bytes(path):
    total = 0
    for base, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(base, f)) for f in files)
    return total


def case_bytes(db):
    return sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))


def run_size(cli, work, users, days, seed):
    data = os.path.join(work, f"tenant-{users}")
    db = os.path.join(work, f"case-{users}.sqlite")
    shutil.rmtree(data, ignore_errors=True)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    gen, _, _ = measured([cli, "generate", "--users", str(users), "--days", str(days), "--seed", str(seed),
                          "--format", "graph", "--out", data])
    row = {"users": users, "days": days, "generate_s": gen, "json_mb": tree_bytes(data) / 1e6}
    for phase, args in (("import", ["import", data, "--quiet"]), ("train", ["train", "--json"]),
                        ("detect", ["detect", "--json", "--quiet"])):
        wall, rss, stdout = measured([cli, "--db", db] + args)
        row[phase] = (wall, rss)
        print(f"  {users} users: {phase} {wall:.1f} s, peak RSS {rss:.0f} MB", file=sys.stderr, flush=True)
    _, _, stats = measured([cli, "--db", db, "stats", "--json"])
    stats = json.loads(stats)
    row["signins"] = stats.get("signins", 0) + stats.get("noninteractive_signins", 0)
    row["anomalies"] = stats.get("anomalies", 0)
    row["case_mb"] = case_bytes(db) / 1e6
    return row, data, db


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=None)
    ap.add_argument("--users", default="300,1000,3000", help="comma-separated user counts")
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", help="folder for the tenants and cases (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep each tenant and case")
    a = ap.parse_args()
    cli = a.cli or default_cli()
    work = a.work or tempfile.mkdtemp(prefix="backsight-scale-")
    os.makedirs(work, exist_ok=True)

    rows = []
    for users in (int(u) for u in a.users.split(",")):
        row, data, db = run_size(cli, work, users, a.days, a.seed)
        rows.append(row)
        if not a.keep:
            shutil.rmtree(data, ignore_errors=True)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
    if not a.work and not a.keep:
        shutil.rmtree(work, ignore_errors=True)

    print(f"| users × days | sign-ins | import | train | detect | end to end | sign-ins/s | peak RSS | "
          f"JSON → case | µs per sign-in | vs {rows[0]['users']} users |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    base = None
    for r in rows:
        total = sum(r[p][0] for p in ("import", "train", "detect"))
        peak = max(r[p][1] for p in ("import", "train", "detect"))
        per = total / max(r["signins"], 1) * 1e6
        base = base or per
        phases = " | ".join(f"{r[p][0]:.1f} s ({r[p][1]:.0f} MB)" for p in ("import", "train", "detect"))
        print(f"| {r['users']:,} × {r['days']} | {r['signins']:,} | {phases} | {total:.1f} s | "
              f"{r['signins'] / max(total, 1e-3):,.0f} | {peak:.0f} MB | {r['json_mb']:,.0f} → {r['case_mb']:,.0f} MB | "
              f"{per:.1f} | {per / base:.2f}× |")


if __name__ == "__main__":
    main()
