#!/usr/bin/env python3
"""Converts Natural Earth TopoJSON from the npm package world-atlas into resources/world/world.bin.

Run once, by hand, when the map should change (the output is committed; the build never runs this):

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python3 resources/world/convert.py /tmp/package resources/world/world.bin

Output (little-endian): b"BSWM", u16 version = 1, u16 layer count; per layer: u8 name length, name
(ASCII: "land", "countries"), u32 ring count; per ring: u32 point count, then points as int16 pairs
(longitude, latitude) in hundredths of a degree. Rings that cross the antimeridian are unwrapped
(longitudes continuous, possibly beyond +-180), so a painter draws them again shifted by 360 degrees. Consecutive points that round to the same hundredth
are dropped, so a ring costs 4 bytes per visible vertex.
"""
import json
import struct
import sys


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, ring):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])  # arcs share their end points
    return points


def rings_of(topology, object_name):
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"][object_name]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        for polygon in polygons:
            for ring in polygon:
                rings.append(ring_points(arcs, ring))
    return rings


def unwrap(ring):
    """Rings that cross the antimeridian jump from +180 to -180; shift points by 360 so every ring is
    continuous (it may then reach past +-180; the painter draws such rings a second time, shifted)."""
    out = []
    offset = 0.0
    for i, (lon, lat) in enumerate(ring):
        if i:
            previous = ring[i - 1][0]
            if lon - previous > 180:
                offset -= 360
            elif lon - previous < -180:
                offset += 360
        out.append((lon + offset, lat))
    # A ring around a pole (Antarctica) wraps the whole world: its net shift is not zero. It stays as it is.
    closing = ring[0][0] - ring[-1][0]
    if closing > 180:
        offset -= 360
    elif closing < -180:
        offset += 360
    if offset != 0:
        return list(ring)
    # Bring the ring back so its middle lies within -180..180 (it started wherever its first arc did).
    middle = (min(p[0] for p in out) + max(p[0] for p in out)) / 2
    shift = -360 * round(middle / 360)
    return [(lon + shift, lat) for lon, lat in out]


def quantize(ring):
    out = []
    for lon, lat in unwrap(ring):
        q = (round(lon * 100), round(max(-90.0, min(90.0, lat)) * 100))
        if not -32767 <= q[0] <= 32767:
            sys.exit(f"longitude {lon} does not fit the format")
        if not out or out[-1] != q:
            out.append(q)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert.py WORLD_ATLAS_PACKAGE_DIR OUTPUT.bin")
    source, output = sys.argv[1], sys.argv[2]
    layers = []
    with open(f"{source}/land-50m.json", encoding="utf-8") as f:
        layers.append(("land", rings_of(json.load(f), "land")))
    with open(f"{source}/countries-110m.json", encoding="utf-8") as f:
        layers.append(("countries", rings_of(json.load(f), "countries")))
    data = bytearray(b"BSWM" + struct.pack("<HH", 1, len(layers)))
    for name, rings in layers:
        rings = [r for r in (quantize(r) for r in rings) if len(r) >= 3]
        data += struct.pack("<B", len(name)) + name.encode("ascii") + struct.pack("<I", len(rings))
        for ring in rings:
            data += struct.pack("<I", len(ring))
            for lon, lat in ring:
                data += struct.pack("<hh", lon, lat)
        print(f"{name}: {len(rings)} rings, {sum(len(r) for r in rings)} points")
    with open(output, "wb") as f:
        f.write(data)
    print(f"wrote {output}: {len(data)} bytes")


if __name__ == "__main__":
    main()
