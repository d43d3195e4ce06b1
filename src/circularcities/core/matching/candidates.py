"""Candidate arcs (every allowed offer/want pair within ``max_km``) and the
memory guard that refuses only problems whose arcs would not fit in memory."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from circularcities.core.errors import ValidationError
from circularcities.core.geo import (
    EARTH_RADIUS_KM,
    HALF_CIRCUMFERENCE_KM,
    chord_for_km,
    unit_vectors,
)
from circularcities.core.matching.compatibility import Compatibility, material_key
from circularcities.core.matching.distance import DistanceProvider, GreatCircle
from circularcities.core.matching.model import QUANTITY_TOLERANCE_T, Listing

BYTES_PER_ARC = 64
"""Peak memory of the matcher per candidate arc, bytes: measured 4.5 GiB peak for
the ~80 million arcs of 1,000,000 listings (arcs in int32/float64, their order
into components, the component graph, the flows, the listings and the plan;
see bench/README.md), rounded up."""

MEMORY_SHARE = 0.9
"""Share of the memory available when the matcher starts that its arcs may use."""


def available_memory_bytes() -> int | None:
    """Memory the system can give this process now (``MemAvailable``), or ``None``."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_AVPHYS_PAGES"))
    except (AttributeError, OSError, ValueError):
        return None


def check_fits(n_arcs: int) -> None:
    """Raise :class:`ValidationError` if ``n_arcs`` candidate arcs would not fit in memory,
    saying how much memory they would need and how much there is."""
    avail = available_memory_bytes()
    need = n_arcs * BYTES_PER_ARC
    if avail is not None and need > MEMORY_SHARE * avail:
        raise ValidationError(
            f"Expected a problem that fits in memory: {n_arcs:,} candidate pairs need about "
            f"{need / 2**30:,.1f} GiB, and {avail / 2**30:,.1f} GiB is available. Use a "
            "smaller max_km, fewer listings or a machine with more memory.")


def _groups(offers: Sequence[Listing], wants: Sequence[Listing], q_o: NDArray, q_w: NDArray,
            compatibility: Compatibility) -> list[tuple[NDArray[np.intp], NDArray[np.intp]]]:
    by_o: dict[str, list[int]] = {}
    by_w: dict[str, list[int]] = {}
    keys: dict[str, str] = {}  # material codes repeat: normalise each once
    for side, q, by in ((offers, q_o, by_o), (wants, q_w, by_w)):
        for i, x in enumerate(side):
            if q[i] > QUANTITY_TOLERANCE_T:
                key = keys.get(x.material)
                if key is None:
                    key = keys[x.material] = material_key(x.material)
                by.setdefault(key, []).append(i)
    return [(np.asarray(io, dtype=np.intp), np.asarray(by_w[mw], dtype=np.intp))
            for mo, io in by_o.items() for mw in compatibility.want_materials_for(mo, by_w)]


def km_from_chord(chord: NDArray[np.float64]) -> NDArray[np.float64]:
    """Great-circle km from unit-sphere chords; ``atan2`` keeps it exact near the antipode."""
    half = np.clip(chord / 2.0, 0.0, 1.0)
    return 2.0 * EARTH_RADIUS_KM * np.arctan2(half, np.sqrt(np.maximum(1.0 - half * half, 0.0)))


def candidate_arcs(offers: Sequence[Listing], wants: Sequence[Listing], max_km: float | None,
                   compatibility: Compatibility, distance: DistanceProvider
                   ) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.float64]]:
    """Offer index, want index and distance (km) of every allowed pair.

    A pair is allowed when the compatibility table lets the offer's material
    serve the want's material, the provider's distance is ``<= max_km`` and
    the two listings do not have the same ``owner``. Listings with zero
    quantity get no arcs. Per pair of materials, a k-d
    tree on 3-D unit vectors finds the pairs within ``max_km /
    provider.min_ratio_to_great_circle`` great-circle km. With the default
    :class:`GreatCircle` the distance comes from the same chord (no second
    trigonometric pass); other providers compute theirs.

    Raises
    ------
    ValidationError
        When the pairs would not fit in memory (see :func:`check_fits`).
    """
    from scipy.spatial import cKDTree

    q_o = np.fromiter((x.quantity_t for x in offers), float, len(offers))
    q_w = np.fromiter((x.quantity_t for x in wants), float, len(wants))
    groups = _groups(offers, wants, q_o, q_w, compatibility)
    lat_o = np.fromiter((x.lat for x in offers), float, len(offers))
    lon_o = np.fromiter((x.lon for x in offers), float, len(offers))
    lat_w = np.fromiter((x.lat for x in wants), float, len(wants))
    lon_w = np.fromiter((x.lon for x in wants), float, len(wants))
    xyz_o, xyz_w = unit_vectors(lat_o, lon_o), unit_vectors(lat_w, lon_w)
    great = type(distance) is GreatCircle
    search_km = None if max_km is None else max_km / float(distance.min_ratio_to_great_circle)
    if search_km is not None and search_km >= HALF_CIRCUMFERENCE_KM:
        search_km = None
    radius = 0.0 if search_km is None else chord_for_km(search_km) * (1.0 + 1e-9) + 1e-12
    bound = sum(io.size * iw.size for io, iw in groups)
    trees: list[tuple[Any, Any] | None] = [None] * len(groups)
    if bound * BYTES_PER_ARC > MEMORY_SHARE * (available_memory_bytes() or float("inf")):
        # The all-pairs bound does not fit: count the pairs really within range.
        total = 0
        for k, (io, iw) in enumerate(groups):
            if search_km is None:
                total += io.size * iw.size
                continue
            pair = (cKDTree(xyz_o[io]), cKDTree(xyz_w[iw]))
            trees[k] = pair
            total += int(pair[0].count_neighbors(pair[1], radius))
        check_fits(total)
    parts_o, parts_w, parts_d = [], [], []
    for k, (io, iw) in enumerate(groups):
        if search_km is None:
            a = np.repeat(np.arange(io.size), iw.size)
            b = np.tile(np.arange(iw.size), io.size)
            chord = np.linalg.norm(xyz_o[io][a] - xyz_w[iw][b], axis=1) if great else np.empty(0)
        else:
            ta, tb = trees[k] or (cKDTree(xyz_o[io]), cKDTree(xyz_w[iw]))
            trees[k] = None
            found = ta.sparse_distance_matrix(tb, radius, output_type="ndarray")
            a, b, chord = found["i"], found["j"], found["v"]
            del found
        oi, wj = io[a], iw[b]
        del a, b
        if great:
            d = km_from_chord(chord)
        else:
            d = np.asarray(distance.distances_km(lat_o[oi], lon_o[oi], lat_w[wj], lon_w[wj]),
                           dtype=float)
        if max_km is not None:
            keep = d <= max_km
            oi, wj, d = oi[keep], wj[keep], d[keep]
        parts_o.append(oi.astype(np.int32))
        parts_w.append(wj.astype(np.int32))
        parts_d.append(d)
        del oi, wj, d, chord
    if not parts_o:
        return np.empty(0, np.int32), np.empty(0, np.int32), np.empty(0)
    oi_all, wj_all, d_all = np.concatenate(parts_o), np.concatenate(parts_w), np.concatenate(parts_d)
    if any(x.owner for x in offers) and any(x.owner for x in wants):
        code_o, code_w = _owner_codes(offers, wants)
        keep = (code_o[oi_all] < 0) | (code_o[oi_all] != code_w[wj_all])
        oi_all, wj_all, d_all = oi_all[keep], wj_all[keep], d_all[keep]
    return oi_all, wj_all, d_all


def _owner_codes(offers: Sequence[Listing], wants: Sequence[Listing]
                 ) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Owners as integers shared by both sides; -1 (offers) and -2 (wants) for none."""
    codes: dict[str, int] = {}
    o = np.fromiter((codes.setdefault(x.owner, len(codes)) if x.owner else -1 for x in offers),
                    np.intp, len(offers))
    w = np.fromiter((codes.setdefault(x.owner, len(codes)) if x.owner else -2 for x in wants),
                    np.intp, len(wants))
    return o, w
