#!/usr/bin/env python3
"""Detection benchmark: recall and false alarms on generated tenants, and the incremental cost of detection.

    python3 tests/bench/detect/run.py --cli build/release/app/cli/backsight-cli [--users 500] [--days 90]
                                      [--seeds 1,2,3] [--work /tmp/bs-detect] [--skip-eval] [--skip-incremental]
                                      [--realism] [--detect-cli OTHER-CLI]

1. Evaluation: for each seed, `generate` a tenant, `import` it, `detect`, and `eval` against its labels. Prints
   recall per attack kind (per seed and mean) and false high/critical anomalies per 1,000 user-days.
2. Incremental cost: a 61-day tenant in daily files. Database A imports days 1-60 and detects, then imports day 61
   and detects again (timed). Database B imports day 61 alone and detects (timed). Prints both and their ratio
   (the issue's target: <= 2x): cost should grow with the new events, not with the history.
--realism generates the messy-tenant profile (docs/simulation.md) and adds the alert budget: medium-or-higher and
false medium-or-higher per 1,000 user-days. --detect-cli imports, detects and evaluates with another build (to
compare detectors before and after on the same tenants).
Only the standard library; the CLI does the work.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}")
    return r.stdout


def cli_json(cli, db, *args):
    return json.loads(run([cli, "--db", db, *args]).strip().splitlines()[-1])


def evaluate(cli, work, users, days, seeds, realism=False, detect_cli=None):
    detect_cli = detect_cli or cli
    per_kind, rows = {}, []
    for seed in seeds:
        out = os.path.join(work, f"tenant-{seed}")
        db = out + ".sqlite"
        for p in (out, db, db + "-wal", db + "-shm"):
            shutil.rmtree(p, ignore_errors=True) if os.path.isdir(p) else (os.path.exists(p) and os.remove(p))
        run([cli, "generate", "--users", str(users), "--days", str(days), "--seed", str(seed), "--out", out]
            + (["--realism"] if realism else []))
        t0 = time.monotonic()
        run([detect_cli, "--db", db, "import", out, "--quiet"])
        t1 = time.monotonic()
        det = cli_json(detect_cli, db, "detect", "--json", "--quiet")
        t2 = time.monotonic()
        ev = cli_json(detect_cli, db, "eval", "--labels", out + "-labels.csv", "--json")
        for k in ev["kinds"]:
            per_kind.setdefault(k["kind"], {})[seed] = (k["detected"], k["attacks"])
        rows.append((seed, det["signins_examined"], t1 - t0, t2 - t1, ev["recall"], ev["user_days"],
                     ev["false_high_critical"], ev["false_high_critical_per_1000_user_days"], ev["anomalies"],
                     ev["anomalies_medium_or_higher"], ev["precision"], ev["pr_auc"], kinds_of(detect_cli, db)))
        shutil.rmtree(out, ignore_errors=True)
    print(f"\n## Evaluation: {users} users x {days} days, seeds {','.join(map(str, seeds))}\n")
    print("| attack kind | " + " | ".join(f"seed {s}" for s in seeds) + " | recall |")
    print("|---|" + "---|" * len(seeds) + "---|")
    for kind in sorted(per_kind):
        d = sum(per_kind[kind].get(s, (0, 0))[0] for s in seeds)
        a = sum(per_kind[kind].get(s, (0, 0))[1] for s in seeds)
        cells = " | ".join("%d/%d" % per_kind[kind].get(s, (0, 0)) for s in seeds)
        print(f"| {kind} | {cells} | {d / a if a else 0:.2f} |")
    print("\n| seed | sign-ins | import s | detect s | recall | user-days | false high/critical | per 1,000 user-days | anomalies | medium+ | precision | PR-AUC |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| %d | %d | %.1f | %.1f | %.3f | %d | %d | %.2f | %d | %d | %s | %s |" % (
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
            "-" if r[10] is None else "%.3f" % r[10], "-" if r[11] is None else "%.3f" % r[11]))
    print("\n| seed | medium+ per 1,000 user-days | medium+ by primary kind |")
    print("|---|---|---|")
    for r in rows:
        top = ", ".join(f"{k} {n}" for k, n in sorted(r[12].items(), key=lambda x: -x[1])[:8])
        print("| %d | %.1f | %s |" % (r[0], r[9] * 1000.0 / max(r[5], 1), top))


def kinds_of(cli, db):
    counts = {}
    for line in run([cli, "--db", db, "anomalies", "--format", "jsonl", "--min-severity", "medium"]).splitlines():
        if line.strip():
            k = json.loads(line)["kinds"][0]
            counts[k] = counts.get(k, 0) + 1
    return counts


def incremental(cli, work, users):
    out = os.path.join(work, "daily")
    shutil.rmtree(out, ignore_errors=True)
    # The last day is a Wednesday (a working day, not a quiet weekend).
    run([cli, "generate", "--users", str(users), "--days", "61", "--start", "2024-09-28", "--seed", "9", "--format", "graph",
         "--out", out])
    files = lambda sub: sorted(os.path.join(out, sub, f) for f in os.listdir(os.path.join(out, sub)))
    signins, audits = files("signins"), files("audits")
    last_day = os.path.basename(signins[-1])[:10]
    history = [f for f in signins + audits if os.path.basename(f)[:10] < last_day]
    new = [f for f in signins + audits if os.path.basename(f)[:10] == last_day]
    a, b = os.path.join(work, "history.sqlite"), os.path.join(work, "alone.sqlite")
    for p in (a, b):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(p + suffix):
                os.remove(p + suffix)
    run([cli, "--db", a, "import", "--quiet", *history])
    cli_json(cli, a, "detect", "--json", "--quiet")
    run([cli, "--db", a, "import", "--quiet", *new])
    run([cli, "--db", b, "import", "--quiet", *new])
    times = {}
    for name, db in (("with 60 days of history", a), ("the day alone", b)):
        t0 = time.monotonic()
        det = cli_json(cli, db, "detect", "--json", "--quiet")
        times[name] = (time.monotonic() - t0, det["elapsed_ms"] / 1000.0, det["signins_examined"])
    print(f"\n## Incremental detection: day {last_day}, {users} users\n")
    print("| database | sign-ins examined | detect (process) s | detect (pipeline) s |")
    print("|---|---|---|---|")
    for name, (wall, pipeline, n) in times.items():
        print(f"| {name} | {n} | {wall:.2f} | {pipeline:.2f} |")
    h, al = times["with 60 days of history"], times["the day alone"]
    print(f"\nratio (history / alone): {h[0] / al[0]:.2f}x process, {h[1] / max(al[1], 1e-3):.2f}x pipeline (target <= 2x)")
    shutil.rmtree(out, ignore_errors=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cli", required=True)
    p.add_argument("--users", type=int, default=500)
    p.add_argument("--days", type=int, default=90)
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--work", default="/tmp/bs-detect")
    p.add_argument("--skip-eval", action="store_true")
    p.add_argument("--skip-incremental", action="store_true")
    p.add_argument("--realism", action="store_true")
    p.add_argument("--detect-cli")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    cli = os.path.abspath(a.cli)
    if not a.skip_incremental:
        incremental(cli, a.work, 300)
    if not a.skip_eval:
        evaluate(cli, a.work, a.users, a.days, [int(s) for s in a.seeds.split(",")], a.realism,
                 a.detect_cli and os.path.abspath(a.detect_cli))


if __name__ == "__main__":
    main()
