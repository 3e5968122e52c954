#!/usr/bin/python3
"""End to end: Backsight (import + train + detect through backsight-cli) against the original pipeline on the same
generated tenant, in the same run. The original pipeline, as it was: json-load every sign-in file, flatten with
pandas.json_normalize, then per user one-hot encode app, OS, browser, client app, country, city, IP and error code
(+ hour of day) with scikit-learn's OneHotEncoder, fit an IsolationForest(100 trees) on the training window and
score the sign-ins after it. The training window ends where Backsight's `train` ended its models' window
(`models_learnt_until_utc`: the oldest third of a new case's history, docs/models.md), unless --train-days names
it, so both learn from and judge the same sign-ins. Prints both times and the ratio. Not part of the test run.

    /usr/bin/python3 tests/bench/pipeline/run.py [--cli build/release/app/cli/backsight-cli]
        [--users 300] [--days 75] [--seed 7] [--train-days N] [--data DIR] [--keep DIR]
"""
import argparse, glob, json, os, resource, shutil, subprocess, sys, tempfile, time

import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.preprocessing import OneHotEncoder

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from bench_cli import default_cli  # noqa: E402


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 2):
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return time.perf_counter() - start, out.stdout


def backsight(cli, data, db):
    phases = {}
    phases["import"], _ = timed([cli, "--db", db, "import", data, "--quiet"])
    phases["train"], train_json = timed([cli, "--db", db, "train", "--json"])
    phases["detect"], detect_json = timed([cli, "--db", db, "detect", "--json", "--quiet"])
    _, stats = timed([cli, "--db", db, "stats", "--json"])
    return phases, json.loads(stats), json.loads(train_json).get("models_learnt_until_utc")


def original(data, train_days, learnt_until):
    """The Python pipeline Backsight replaces; returns (seconds per phase, sign-ins, users scored)."""
    phases = {}
    start = time.perf_counter()
    records = []
    for path in sorted(glob.glob(os.path.join(data, "**", "*.json*"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            if path.endswith(".jsonl"):
                records.extend(json.loads(line) for line in f if line.strip())
            else:
                doc = json.load(f)
                records.extend(doc["value"] if isinstance(doc, dict) else doc)
    signins = [r for r in records if "createdDateTime" in r and "userPrincipalName" in r]
    df = pd.json_normalize(signins)
    df["t"] = pd.to_datetime(df["createdDateTime"], utc=True)
    df["hour"] = df["t"].dt.hour
    phases["load"] = time.perf_counter() - start

    start = time.perf_counter()
    cols = ["appDisplayName", "deviceDetail.operatingSystem", "deviceDetail.browser", "clientAppUsed",
            "location.countryOrRegion", "location.city", "ipAddress", "status.errorCode"]
    cols = [c for c in cols if c in df.columns]
    cut = df["t"].min() + pd.Timedelta(days=train_days) if train_days else pd.Timestamp(learnt_until)
    scored = 0
    for _, u in df.groupby(df["userPrincipalName"].str.lower()):
        train, test = u[u["t"] < cut], u[u["t"] >= cut]
        if len(train) < 10 or len(test) == 0:
            continue
        enc = OneHotEncoder(handle_unknown="ignore").fit(train[cols].astype(str))
        xtrain = np.hstack([enc.transform(train[cols].astype(str)).toarray(), train[["hour"]].to_numpy()])
        xtest = np.hstack([enc.transform(test[cols].astype(str)).toarray(), test[["hour"]].to_numpy()])
        model = IsolationForest(n_estimators=100, max_samples=min(256, len(train)), random_state=0, n_jobs=1).fit(xtrain)
        model.score_samples(xtest)
        scored += 1
    phases["fit+score"] = time.perf_counter() - start
    return phases, len(df), scored


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=None)
    ap.add_argument("--users", type=int, default=300)
    ap.add_argument("--days", type=int, default=75)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--train-days", type=int, default=None,
                    help="the original's training window from the first sign-in (default: where Backsight's ended)")
    ap.add_argument("--data", help="an existing Graph-format tenant (signins/*.jsonl) instead of generating one")
    ap.add_argument("--keep", help="keep the generated tenant and the case database in this folder")
    a = ap.parse_args()
    cli = a.cli or default_cli()

    work = a.keep or tempfile.mkdtemp(prefix="backsight-pipeline-")
    os.makedirs(work, exist_ok=True)
    data = a.data
    if not data:
        data = os.path.join(work, "tenant")
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run([cli, "generate", "--users", str(a.users), "--days", str(a.days), "--seed", str(a.seed),
                        "--format", "graph", "--out", data], check=True, capture_output=True)
    db = os.path.join(work, "case.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)

    ours, stats, learnt_until = backsight(cli, data, db)
    if not a.train_days and not learnt_until:
        sys.exit("backsight-cli train trained no sign-in models: pass --train-days")
    our_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    theirs, rows, users = original(data, a.train_days, learnt_until)
    our_total, their_total = sum(ours.values()), sum(theirs.values())

    print(f"tenant: {stats.get('signins', 0) + stats.get('noninteractive_signins', 0)} sign-ins "
          f"({rows} read by the original), {stats.get('users', 0)} users; original scored {users} users; "
          f"models learnt until {learnt_until if not a.train_days else f'day {a.train_days}'}")
    print("Backsight:  " + ", ".join(f"{k} {v:.1f} s" for k, v in ours.items())
          + f" = {our_total:.1f} s (peak RSS {our_rss:.0f} MB)")
    print("original:   " + ", ".join(f"{k} {v:.1f} s" for k, v in theirs.items()) + f" = {their_total:.1f} s")
    print(f"ratio (original / Backsight): {their_total / max(our_total, 1e-3):.1f}x")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
