#!/usr/bin/python3
"""Import benchmark: backsight-cli against the original Python pipeline on the same generated file.

Prints events/s for both and their ratio, and with --large the peak-RSS ratio of 10x the records.
A benchmark, not a test: it exits 0 when it ran, targets met or not, and prints TARGET MISSED lines.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PY = "/usr/bin/python3"  # Debian's interpreter: python3-pandas is installed for it
SPEED_TARGET = 20.0  # backsight events/s over the reference's, at least
RSS_TARGET = 1.3  # backsight peak RSS at 10x the records over that at N, at most


def measured(cmd):
    """Runs cmd; returns (wall seconds, peak RSS in MB of that child alone, from wait4, stdout)."""
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty stderr cannot block the child
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
        out = p.stdout.read()
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.perf_counter() - start
        p.stdout.close()
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        if p.returncode != 0:
            err.seek(0)
            sys.exit("command failed (exit %d): %s\n%s" % (p.returncode, " ".join(cmd),
                                                             err.read().decode(errors="replace")[-4000:]))
    return seconds, usage.ru_maxrss / 1024.0, out


def find_cli(given):
    if given:
        if not os.access(given, os.X_OK):
            sys.exit("--cli %s: no such executable" % given)
        return os.path.abspath(given)
    for preset in ("release", "ci", "dev"):  # optimised builds first
        path = os.path.join(ROOT, "build", preset, "app", "cli", "backsight-cli")
        if os.access(path, os.X_OK):
            return path
    sys.exit("backsight-cli not found under %s/build/{release,ci,dev}/app/cli/: build it first "
             "(cmake --workflow --preset release) or pass --cli PATH" % ROOT)


def fresh(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return path


def generate(work, count, seed):
    path = os.path.join(work, "signins-%d.json" % count)
    subprocess.run([PY, os.path.join(HERE, "generate_signins.py"), "--count", str(count), "--seed", str(seed),
                    "--out", path], check=True)
    return path


def backsight(cli, work, data, n):
    db = fresh(os.path.join(work, "bs-%d.sqlite" % n))
    seconds, rss, out = measured([cli, "--db", db, "import", data, "--json", "--quiet"])
    totals = json.loads(out)["totals"]
    if totals["new"] != n or totals["rejected"] != 0:
        sys.exit("FAILED: backsight read %s, stored %s new, rejected %s of %d records in %s"
                 % (totals["read"], totals["new"], totals["rejected"], n, data))
    return seconds, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=100000, help="records to import (default 100000)")
    ap.add_argument("--large", action="store_true", help="also import 10x the records to compare peak memory")
    ap.add_argument("--cli", help="backsight-cli to run (default: build/release, build/ci, then build/dev)")
    ap.add_argument("--workdir", help="folder for the data and databases (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files and databases")
    a = ap.parse_args()
    cli = find_cli(a.cli)
    work = a.workdir or tempfile.mkdtemp(prefix="backsight-bench-")
    os.makedirs(work, exist_ok=True)
    n = a.count
    results = {"count": n, "cli": cli}
    missed = []
    try:
        data = generate(work, n, 1)
        size = os.path.getsize(data)
        bs_s, bs_rss = backsight(cli, work, data, n)
        ref_db = fresh(os.path.join(work, "reference.sqlite"))
        ref_s, ref_rss, ref_out = measured([PY, os.path.join(HERE, "reference_import.py"), "--in", data, "--db", ref_db])
        ref_inner = json.loads(ref_out)["seconds"]
        ratio = ref_s / bs_s
        results.update(file_bytes=size, backsight_seconds=bs_s, backsight_events_per_s=n / bs_s,
                       backsight_rss_mb=bs_rss, reference_seconds=ref_s, reference_events_per_s=n / ref_s,
                       reference_seconds_in_process=ref_inner, reference_rss_mb=ref_rss, ratio=ratio,
                       ratio_target=SPEED_TARGET)
        print("\nImport of %d Graph sign-ins: %.1f MB, %.2f KB a record" % (n, size / 1e6, size / n / 1024))
        print("%-38s %10s %12s %12s" % ("", "seconds", "events/s", "peak RSS MB"))
        print("%-38s %10.2f %12.0f %12.0f" % ("backsight-cli import", bs_s, n / bs_s, bs_rss))
        print("%-38s %10.2f %12.0f %12.0f" % ("reference: json + pandas + to_sql", ref_s, n / ref_s, ref_rss))
        print("%-38s %10.2f %12.0f" % ("  reference, interpreter start excluded", ref_inner, n / ref_inner))
        print("speed ratio (backsight / reference): %.1fx   target >= %gx" % (ratio, SPEED_TARGET))
        if ratio < SPEED_TARGET:
            missed.append("speed ratio %.1fx < %gx" % (ratio, SPEED_TARGET))
        if a.large:
            big_n = 10 * n
            big = generate(work, big_n, 2)
            if not a.keep:
                os.remove(data)  # disk: the 10x file is large enough on its own
            big_s, big_rss = backsight(cli, work, big, big_n)
            rss_ratio = big_rss / bs_rss
            results.update(large_count=big_n, large_file_bytes=os.path.getsize(big), large_seconds=big_s,
                           large_events_per_s=big_n / big_s, large_rss_mb=big_rss, rss_ratio=rss_ratio,
                           rss_ratio_target=RSS_TARGET)
            print("backsight-cli import of %d records: %.2f s, %.0f events/s, peak RSS %.0f MB"
                  % (big_n, big_s, big_n / big_s, big_rss))
            print("peak RSS ratio (%d / %d records): %.2f   target <= %g" % (big_n, n, rss_ratio, RSS_TARGET))
            if rss_ratio > RSS_TARGET:
                missed.append("peak RSS ratio %.2f > %g" % (rss_ratio, RSS_TARGET))
        for line in missed:
            print("TARGET MISSED: " + line)
        results["targets_missed"] = missed
        out = os.path.join(work, "results.json")
        with open(out, "w") as f:
            json.dump(results, f, indent=2)
        print("results: %s" % out)
    finally:
        if not a.keep and not a.workdir:  # a temporary folder: keep only results.json
            for name in os.listdir(work):
                if name != "results.json":
                    os.remove(os.path.join(work, name))
            if not os.listdir(work):
                shutil.rmtree(work)


if __name__ == "__main__":
    main()
