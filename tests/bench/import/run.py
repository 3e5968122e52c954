#!/usr/bin/python3
"""Import benchmark: backsight-cli against the original Python pipeline on the same generated file.

Prints events/s for both and their ratio, and with --large the peak-RSS ratio of 10x the records.
A benchmark, not a test: it always exits 0 when it ran, and prints TARGET MISSED lines.
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


def measured(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB of that child alone, stdout)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("command failed (%d): %s\n%s" % (code, " ".join(cmd), err.decode(errors="replace")[-2000:]))
    return seconds, usage.ru_maxrss / 1024.0, out


def find_cli(given):
    if given:
        return given
    for preset in ("release", "ci", "dev"):
        path = os.path.join(ROOT, "build", preset, "app", "cli", "backsight-cli")
        if os.access(path, os.X_OK):
            return path
    sys.exit("backsight-cli not found: build first (cmake --workflow --preset release) or pass --cli")


def backsight(cli, work, data, n):
    db = os.path.join(work, "bs-%d.sqlite" % n)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    seconds, rss, out = measured([cli, "--db", db, "import", data, "--json", "--quiet"])
    totals = json.loads(out)["totals"]
    if totals["new"] != n:
        sys.exit("backsight imported %s new records, expected %d" % (totals["new"], n))
    return seconds, rss, os.path.getsize(db)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--large", action="store_true", help="also import 10x the records to compare peak memory")
    ap.add_argument("--cli")
    ap.add_argument("--workdir")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    cli = find_cli(a.cli)
    work = a.workdir or tempfile.mkdtemp(prefix="backsight-bench-")
    os.makedirs(work, exist_ok=True)
    results = {"count": a.count, "cli": cli}
    try:
        data = os.path.join(work, "signins-%d.json" % a.count)
        subprocess.run([PY, os.path.join(HERE, "generate_signins.py"), "--count", str(a.count), "--out", data], check=True)
        size = os.path.getsize(data)
        bs_s, bs_rss, bs_db = backsight(cli, work, data, a.count)
        ref_db = os.path.join(work, "reference.sqlite")
        ref_s, ref_rss, ref_out = measured([PY, os.path.join(HERE, "reference_import.py"), "--in", data, "--db", ref_db])
        ref_inner = json.loads(ref_out)["seconds"]
        ratio = ref_s / bs_s
        results.update(file_bytes=size, backsight_seconds=bs_s, backsight_rss_mb=bs_rss, backsight_db_bytes=bs_db,
                       reference_seconds=ref_s, reference_seconds_in_process=ref_inner, reference_rss_mb=ref_rss,
                       ratio=ratio)
        print("\nImport of %d Graph sign-ins (%.0f MB, %.2f KB/record)" % (a.count, size / 1e6, size / a.count / 1024))
        print("%-34s %12s %14s %12s" % ("", "seconds", "events/s", "peak RSS MB"))
        print("%-34s %12.2f %14.0f %12.0f" % ("backsight-cli import", bs_s, a.count / bs_s, bs_rss))
        print("%-34s %12.2f %14.0f %12.0f" % ("python json+pandas+to_sql", ref_s, a.count / ref_s, ref_rss))
        print("%-34s %12.2f %14.0f" % ("  (reference, interpreter excluded)", ref_inner, a.count / ref_inner))
        print("ratio (backsight / reference): %.1fx   target >= 20x" % ratio)
        if ratio < 20:
            print("TARGET MISSED: import speed ratio %.1fx < 20x" % ratio)
        if a.large:
            big = os.path.join(work, "signins-%d.json" % (10 * a.count))
            subprocess.run([PY, os.path.join(HERE, "generate_signins.py"), "--count", str(10 * a.count), "--seed", "2",
                            "--out", big], check=True)
            big_s, big_rss, _ = backsight(cli, work, big, 10 * a.count)
            rss_ratio = big_rss / bs_rss
            results.update(large_count=10 * a.count, large_seconds=big_s, large_rss_mb=big_rss, rss_ratio=rss_ratio)
            print("backsight %d records: %.1f s, %.0f events/s, peak RSS %.0f MB" % (10 * a.count, big_s,
                                                                                    10 * a.count / big_s, big_rss))
            print("peak RSS ratio (10x records): %.2f   target <= 1.3" % rss_ratio)
            if rss_ratio > 1.3:
                print("TARGET MISSED: peak RSS ratio %.2f > 1.3" % rss_ratio)
        out = os.path.join(work, "results.json")
        with open(out, "w") as f:
            json.dump(results, f, indent=2)
        print("results: %s" % out)
    finally:
        if not a.keep and not a.workdir:
            for name in os.listdir(work):
                if name != "results.json":
                    os.remove(os.path.join(work, name))


if __name__ == "__main__":
    main()
