"""Finding a place by name for a listing's location: the coalition's cities, the
organisations on the platform, and Japan's municipal offices (the routing demo's
reference list), offline. Names match in every platform language the record has."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files

from django.conf import settings

from circularcities.web.translated import translated


@lru_cache(maxsize=1)
def _japan() -> tuple[tuple[str, str, float, float], ...]:
    path = files("circularcities.data").joinpath("japan_municipal_offices.csv")
    with path.open(encoding="utf-8") as fh:
        return tuple((f"{r['pref']} {r['city']}", r["city_kana"], float(r["lat"]), float(r["lon"]))
                     for r in csv.DictReader(fh) if r.get("lat") and r.get("lon"))


def _names(obj) -> list[str]:
    return [translated(obj, "name", code).text for code, _name in settings.LANGUAGES]


def search_places(query: str, language: str | None = None, limit: int = 10) -> list[dict]:
    """Places whose name contains every word of ``query``; coalition cities first."""
    from circularcities.coalition.models import City, Partner

    words = [w for w in (query or "").lower().split() if w][:5]
    if not words or len(" ".join(words)) > 100:
        return []
    limit = max(1, min(int(limit), 30))
    out: list[dict] = []

    def hit(names: list[str]) -> bool:
        hay = " ".join(names).lower()
        return all(w in hay for w in words)

    for city in City.objects.exclude(lat__isnull=True):
        names = _names(city)
        if hit(names):
            out.append({"name": translated(city, "name", language).text, "kind": "city",
                        "lat": city.lat, "lon": city.lon})
    for org in Partner.objects.exclude(lat__isnull=True):
        if hit(_names(org)):
            out.append({"name": translated(org, "name", language).text, "kind": "organisation",
                        "lat": org.lat, "lon": org.lon})
    for name, kana, lat, lon in _japan():
        if len(out) >= limit:
            break
        if hit([name, kana]):
            out.append({"name": name, "kind": "municipality", "lat": lat, "lon": lon})
    return out[:limit]
