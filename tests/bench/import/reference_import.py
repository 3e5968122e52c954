#!/usr/bin/python3
"""The original pipeline, as the reference: json.load, pandas.json_normalize, DataFrame.to_sql into SQLite."""
import argparse
import json
import sqlite3
import time

import pandas as pd


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--in", dest="path", required=True)
    ap.add_argument("--db", required=True)
    a = ap.parse_args()
    start = time.perf_counter()
    with open(a.path, encoding="utf-8") as f:
        data = json.load(f)
    records = data["value"] if isinstance(data, dict) else data
    df = pd.json_normalize(records)
    # SQLite cannot store lists and dicts: the original kept them as JSON text.
    for column in df.columns:
        if df[column].dtype == object:
            df[column] = df[column].map(lambda v: json.dumps(v) if isinstance(v, (list, dict)) else v)
    con = sqlite3.connect(a.db)
    df.to_sql("signins", con, if_exists="append", index=False)
    con.commit()
    con.close()
    print(json.dumps({"events": len(df), "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
