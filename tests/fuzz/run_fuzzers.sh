#!/usr/bin/env bash
# Runs libFuzzer harnesses one after another (never two at once: CI and the dev machine have 2 cores).
#   run_fuzzers.sh [--bin-dir build/fuzz/tests/fuzz] [--seconds 25] [--runs N] [--max-len 4096] [HARNESS...]
# Each harness starts from its seed files in tests/data (and tests/fuzz/seeds) copied into a scratch corpus
# (build/fuzz/corpus/NAME, kept between runs so long runs build on short ones), with its dictionary.
# Exit status: non-zero when any harness found a crash, leak, timeout or out-of-memory; its reproducer is
# left as crash-*/leak-*/timeout-*/oom-* in the artifact folder printed below.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin_dir="$root/build/fuzz/tests/fuzz"
seconds=25
max_len=4096
runs=""
harnesses=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bin-dir) bin_dir="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --max-len) max_len="$2"; shift 2 ;;
    *) harnesses+=("$1"); shift ;;
  esac
done
if [ ${#harnesses[@]} -eq 0 ]; then
  harnesses=(fuzz_reader_graph fuzz_reader_diagnostic fuzz_reader_loganalytics fuzz_reader_portal
             fuzz_reader_veeam fuzz_json_stream fuzz_csv_stream fuzz_timestamp fuzz_zip_walk)
fi

data="$root/tests/data"
seeds_of() {
  case "$1" in
    fuzz_reader_graph) echo "$data/graph $data/bad" ;;
    fuzz_reader_diagnostic) echo "$data/diagnostic" ;;
    fuzz_reader_loganalytics) echo "$data/loganalytics" ;;
    fuzz_reader_portal) echo "$data/portal" ;;
    fuzz_reader_veeam) echo "$data/veeam" ;;
    fuzz_json_stream) echo "$data/graph $data/diagnostic $data/veeam" ;;
    fuzz_csv_stream) echo "$data/loganalytics $data/portal $data/veeam" ;;
    fuzz_timestamp) echo "$here/seeds/timestamp" ;;
    fuzz_zip_walk) echo "$here/seeds/zip $data/bad/fuzz" ;;
  esac
}
dict_of() {
  case "$1" in
    fuzz_reader_*) echo "$here/dict/${1#fuzz_reader_}.dict" ;;
    fuzz_json_stream) echo "$here/dict/json.dict" ;;
    fuzz_csv_stream) echo "$here/dict/csv.dict" ;;
    fuzz_timestamp) echo "$here/dict/timestamp.dict" ;;
    fuzz_zip_walk) echo "$here/dict/zip.dict" ;;
  esac
}

# ASan's defaults cost the readers 4x in executions per second (measured: 470 -> 2,050 exec/s for
# fuzz_reader_graph): a 256 MB quarantine makes every allocation touch fresh pages, and each allocation's
# first 4 KiB is filled with 0xbe. A 16 MB quarantine still holds far more than one input allocates (a
# use-after-free is still caught); the fill only matters to uninitialised-read hunting (MSan's job).
# Set ASAN_OPTIONS yourself to override.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16:max_malloc_fill_size=0}"

failed=0
for h in "${harnesses[@]}"; do
  exe="$bin_dir/$h"
  [ -x "$exe" ] || { echo "run_fuzzers: $exe not built (cmake --workflow --preset fuzz)"; exit 2; }
  corpus="$bin_dir/../../corpus/$h"
  artifacts="$bin_dir/../../artifacts/$h"
  mkdir -p "$corpus" "$artifacts"
  for s in $(seeds_of "$h"); do
    # Reader seeds get a leading chunk-size byte ('@' = 64*37+1 bytes per chunk) like the harness expects.
    find "$s" -type f ! -name '*.md' | while read -r f; do
      out="$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
      [ -e "$out" ] && continue
      case "$h" in
        fuzz_reader_*|fuzz_json_stream|fuzz_csv_stream) { printf '@'; cat "$f"; } > "$out" ;;
        *) cp "$f" "$out" ;;
      esac
    done
  done
  limit=(-max_total_time="$seconds")
  [ -n "$runs" ] && limit=(-runs="$runs")
  echo "== $h: ${runs:-${seconds}s} from $(ls "$corpus" | wc -l) corpus files"
  # -rss_limit_mb bounds each run; -timeout flags any single input slower than 10 s as a hang. One process,
  # one worker: never more than one core.
  log="$artifacts/last-run.log"
  set +e
  "$exe" "${limit[@]}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -dict="$(dict_of "$h")" \
      -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" > "$log" 2>&1
  rc=$?
  set -e
  grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::(number_of_executed_units|peak_rss_mb|new_units_added)|==[0-9]+==ERROR|SUMMARY|Done [0-9]+ runs|.*Test unit written)' "$log" || true
  if [ "$rc" != "0" ]; then
    tail -n 60 "$log"
    echo "run_fuzzers: $h FAILED (exit $rc); reproducers in $artifacts"
    failed=1
  fi
done
exit $failed
