#!/usr/bin/python3
"""Per-user training: Backsight's detect::trainSignInModels vs the original approach (a Python loop of OneHotEncoder +
IsolationForest per user), measured in the same run. Usage:
    /usr/bin/python3 tests/bench/user_models/bench_user_models.py --db case.sqlite
        [--bench build/ci/tests/core/bench_user_models] [--sample 50]
The C++ side trains every user with >= 50 sign-ins in the 60-day window (plus the tenant model) on one thread and
on all threads; whole-run time, reading the database included. The Python side reads the same window and, for a
random sample of those users, one-hot encodes app, OS, browser, client app, country, city, IP and error code and
fits + scores IsolationForest(100 trees); its time per user is extrapolated to all users. Ratio = Python time for
all users / C++ time."""
import argparse, json, os, random, sqlite3, subprocess, time
import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.preprocessing import OneHotEncoder

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ap = argparse.ArgumentParser()
ap.add_argument("--db", required=True)
ap.add_argument("--bench", default=os.path.join(root, "build/ci/tests/core/bench_user_models"))
ap.add_argument("--sample", type=int, default=50)
a = ap.parse_args()

runs = {}
for threads in (1, 0):
    out = subprocess.run([a.bench, a.db, str(threads)], capture_output=True, text=True, check=True)
    runs[threads] = json.loads(out.stdout)
users = runs[1]["user_models"]

t0 = time.perf_counter()
con = sqlite3.connect(a.db)
end = con.execute("SELECT MAX(created_ms) FROM signins").fetchone()[0] + 1
df = pd.read_sql_query("SELECT lower(upn) AS upn, created_ms, app_name, os, browser, client_app, country, city, ip, "
                       "error_code FROM signins WHERE created_ms >= ? AND created_ms < ? AND upn <> ''",
                       con, params=(end - 60 * 86400000, end))
read_s = time.perf_counter() - t0
counts = df.groupby("upn").size()
eligible = sorted(counts[counts >= 50].index)
random.seed(1)
sample = random.sample(eligible, min(a.sample, len(eligible)))
cols = ["app_name", "os", "browser", "client_app", "country", "city", "ip", "error_code"]
t0 = time.perf_counter()
for upn in sample:
    u = df[df.upn == upn]
    hours = pd.to_datetime(u.created_ms, unit="ms").dt.hour.to_numpy().reshape(-1, 1)
    X = OneHotEncoder(handle_unknown="ignore").fit_transform(u[cols].astype(str)).toarray()
    X = np.hstack([X, hours])
    model = IsolationForest(n_estimators=100, max_samples=256, random_state=0, n_jobs=1).fit(X)
    model.score_samples(X)
per_user = (time.perf_counter() - t0) / len(sample)
py_total = read_s + per_user * len(eligible)
print(f"users with a model: {len(eligible)} (C++ {users}); Python per user {per_user * 1000:.1f} ms on a sample of "
      f"{len(sample)}, read {read_s:.2f} s -> {py_total:.1f} s for all")
for threads, r in runs.items():
    label = "1 thread" if threads == 1 else "all threads"
    print(f"C++ {label}: {r['seconds']:.2f} s for {r['user_models']} user models + {r['tenant_models']} tenant "
          f"({r['events']} events) -> ratio {py_total / max(r['seconds'], 1e-3):.0f}x")
