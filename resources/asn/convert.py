#!/usr/bin/env python3
"""Converts the npm package @ip-location-db/asn (range CSVs) into resources/asn/asn.bin.

Run once, by hand, when the table should change (the output is committed; the build never runs this):

    cd /tmp && npm pack @ip-location-db/asn && tar xzf ip-location-db-asn-*.tgz
    python3 resources/asn/convert.py /tmp/package resources/asn/asn.bin

Input: asn-ipv4-num.csv (first,last,asn,organisation with addresses as integers) and asn-ipv6.csv (first,last
as text). Adjacent ranges of the same AS are merged; IPv6 ranges are kept at /64 granularity (the upper 64 bits
of first and last: no allocation is finer than a /64 for end users).

Output: qCompress format (u32 big-endian length of the raw bytes, then a zlib stream) of, little-endian:
b"BSAS", u16 version = 1, u32 v4 count, u32 v6 count, u32 name count;
v4 ranges: u32 first, u32 last, u32 name index; v6 ranges: u64 first, u64 last (upper 64 bits), u32 name index;
names: u32 asn, u16 byte length, UTF-8 organisation. Ranges are sorted by first and do not overlap.
"""
import csv
import ipaddress
import struct
import sys
import zlib


def read(path, parse):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for first, last, asn, org in csv.reader(f):
            rows.append((parse(first), parse(last), int(asn), org))
    rows.sort()
    merged = []
    for r in rows:
        if merged and merged[-1][2] == r[2] and merged[-1][3] == r[3] and merged[-1][1] + 1 >= r[0]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], r[1]), r[2], r[3])
        elif merged and r[0] <= merged[-1][1]:
            continue  # overlapping: the first listed wins
        else:
            merged.append(r)
    return merged


def main(package, out):
    v4 = read(f"{package}/asn-ipv4-num.csv", int)
    v6 = read(f"{package}/asn-ipv6.csv", lambda s: int(ipaddress.IPv6Address(s)) >> 64)
    names, index = [], {}
    def name_of(asn, org):
        key = (asn, org)
        if key not in index:
            index[key] = len(names)
            names.append(key)
        return index[key]
    body = bytearray()
    for a, b, asn, org in v4:
        body += struct.pack("<III", a, b, name_of(asn, org))
    for a, b, asn, org in v6:
        body += struct.pack("<QQI", a, b, name_of(asn, org))
    for asn, org in names:
        text = org.encode("utf-8")[:65535]
        body += struct.pack("<IH", asn, len(text)) + text
    raw = b"BSAS" + struct.pack("<HIII", 1, len(v4), len(v6), len(names)) + bytes(body)
    with open(out, "wb") as f:
        f.write(struct.pack(">I", len(raw)) + zlib.compress(raw, 9))
    print(f"{len(v4)} IPv4 and {len(v6)} IPv6 ranges, {len(names)} networks, {len(raw)} bytes raw")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
