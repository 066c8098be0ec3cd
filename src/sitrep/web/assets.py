"""Build the web page's country outlines from the npm package world-atlas (Natural Earth, public domain).

The page draws countries as SVG paths in an equirectangular projection (x = longitude, y = -latitude), so
the TopoJSON is decoded here once, at build time, and the page needs no map library. Regenerate with::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m sitrep.web.assets package/countries-110m.json
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "static" / "countries.json"
SKIP = {"010"}  # Antarctica: no events there, and its ring around the pole would smear the projection


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (quantized TopoJSON stores deltas)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: Sequence[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]  # ~i: the arc walked backwards
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their joining point
    return points


def _path(rings: list[list[tuple[float, float]]], *, digits: int) -> str:
    parts = []
    for ring in rings:
        coords = []
        last = None
        shift = 0.0
        previous = None
        for lon, lat in ring:
            # a ring crossing the antimeridian jumps by ~360°: keep it continuous (the map clips the overhang)
            if previous is not None and abs(lon + shift - previous) > 180:
                shift += 360.0 if previous > lon + shift else -360.0
            previous = lon + shift
            point = (round(lon + shift, digits), round(-lat, digits))
            if point != last:  # rounding merges near points: skip the repeats
                coords.append(f"{point[0]:g},{point[1]:g}")
                last = point
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def countries_from_topojson(topology: dict[str, Any], *, digits: int = 1) -> list[dict[str, Any]]:
    """One ``{"id", "name", "d"}`` per country, ``d`` an SVG path in lon/-lat degrees."""
    arcs = _decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in SKIP:
            continue
        kind, shape = geometry.get("type"), geometry.get("arcs", [])
        polygons = [shape] if kind == "Polygon" else shape if kind == "MultiPolygon" else []
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        d = _path(rings, digits=digits)
        if d:
            out.append({"id": geometry.get("id"), "name": geometry.get("properties", {}).get("name"), "d": d})
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", help="countries-110m.json from the world-atlas npm package")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    topology = json.loads(Path(args.topojson).read_text(encoding="utf-8"))
    countries = countries_from_topojson(topology)
    note = "Country outlines: Natural Earth (public domain) via world-atlas 2.0.2 (ISC), built by sitrep.web.assets"
    Path(args.out).write_text(json.dumps({"note": note, "countries": countries}, separators=(",", ":")),
                              encoding="utf-8")


if __name__ == "__main__":
    main()
