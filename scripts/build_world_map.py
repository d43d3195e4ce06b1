"""Build the offline base map (country outlines) from Natural Earth 1:110m.

Natural Earth is in the public domain. Its 1:110m "admin 0 – countries" layer
ships inside the geopandas 0.14 wheel on PyPI (removed from geopandas 1.0),
which is where this script reads it:

    pip download --no-deps -d /tmp/ne geopandas==0.14.4 pyshp
    unzip /tmp/ne/geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*' -d /tmp/ne/x
    unzip /tmp/ne/pyshp-*.whl -d /tmp/ne/pyshp
    PYTHONPATH=/tmp/ne/pyshp python scripts/build_world_map.py \
        /tmp/ne/x/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

It keeps the country name and ISO 3166-1 alpha-3 code and rounds coordinates
to 0.01° (about 1 km, far below what a 1:110m outline resolves), writing
src/circularcities/web/static/circularcities/world-110m.geojson.
"""

import json
import sys
from pathlib import Path

import shapefile  # pyshp, only needed to rebuild the file

OUT = Path(__file__).resolve().parent.parent / "src/circularcities/web/static/circularcities/world-110m.geojson"


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [rounded(c) for c in coords]


def main(path: str) -> None:
    reader = shapefile.Reader(path)
    features = []
    for shape_record in reader.iterShapeRecords():
        rec = shape_record.record.as_dict()
        geom = shape_record.shape.__geo_interface__
        features.append({"type": "Feature",
                         "properties": {"name": rec["name"], "iso_a3": rec["iso_a3"]},
                         "geometry": {"type": geom["type"], "coordinates": rounded(geom["coordinates"])}})
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                              separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} countries -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main(sys.argv[1])
