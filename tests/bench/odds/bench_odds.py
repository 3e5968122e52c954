#!/usr/bin/python3
"""ODDS fit+score time: backsight-cli iforest (one thread) vs scikit-learn IsolationForest, same protocol
(100 trees, psi 256, fit on all rows, score all rows), measured in this run. Usage:
    /usr/bin/python3 tests/bench/odds/bench_odds.py [--cli build/ci/app/cli/backsight-cli] [--odds ../shared/benchmarks/odds]
        [--seeds 3] [--datasets http,smtp,...]
Prints per dataset: C++ fit+score seconds (from the command's own timer, CSV loading excluded), sklearn's,
the ratio, and both AUCs."""
import argparse, gzip, os, re, subprocess, sys, time
import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ap = argparse.ArgumentParser()
ap.add_argument("--cli", default=os.path.join(root, "build/ci/app/cli/backsight-cli"))
ap.add_argument("--odds", default=os.path.join(os.path.dirname(root), "shared/benchmarks/odds"))
ap.add_argument("--seeds", type=int, default=3)
ap.add_argument("--datasets", default="http,smtp,shuttle,mammography,annthyroid,satellite,pima,breastw,arrhythmia,ionosphere")
a = ap.parse_args()

print(f"{'dataset':<12} {'rows':>8} {'C++ s':>8} {'sklearn s':>10} {'ratio':>7} {'C++ AUC':>8} {'skl AUC':>8}")
for name in a.datasets.split(","):
    path = os.path.join(a.odds, name + ".csv")
    if not os.path.exists(path):
        path += ".gz"
    cpp_t, cpp_auc, sk_t, sk_auc = [], [], [], []
    for seed in range(a.seeds):
        out = subprocess.run([a.cli, "iforest", "--csv", path, "--auc", "--seed", str(seed), "--threads", "1"],
                             capture_output=True, text=True, check=True)
        m = re.search(r"fit ([\d.]+) ms, score ([\d.]+) ms", out.stderr)
        cpp_t.append((float(m.group(1)) + float(m.group(2))) / 1000)
        cpp_auc.append(float(out.stdout.split()[1]))
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",", skiprows=1)
    X, y = data[:, :-1], data[:, -1]
    for seed in range(a.seeds):
        t0 = time.perf_counter()
        model = IsolationForest(n_estimators=100, max_samples=256, random_state=seed, n_jobs=1).fit(X)
        s = -model.score_samples(X)
        sk_t.append(time.perf_counter() - t0)
        sk_auc.append(roc_auc_score(y, s))
    c, k = np.mean(cpp_t), np.mean(sk_t)
    print(f"{name:<12} {len(y):>8} {c:>8.3f} {k:>10.3f} {k / c:>6.1f}x {np.mean(cpp_auc):>8.4f} {np.mean(sk_auc):>8.4f}", flush=True)
