"""``circularcities search "QUERY" [--json]``: search the case library."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search the best-practice library (English, Chinese, Japanese or Korean)")
    p.add_argument("query")
    p.add_argument("--area", help="thematic area slug")
    p.add_argument("--r", help="R-strategy slug")
    p.add_argument("--country", help="ISO 3166 alpha-2 code")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=cmd_search)


def cmd_search(args) -> int:
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=True)
    from circularcities.knowledge.api import hit_dict
    from circularcities.knowledge.search import search_cases

    hits = search_cases(args.query, area=args.area, r=args.r, country=args.country, limit=args.limit,
                        all_languages=args.json)
    if args.json:
        print(json.dumps([hit_dict(h) for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print("No case matches.")
        return 0
    for h in hits:
        print(f"{h.rank:3d}. {h.case.slug:<45} {h.case.title_en} ({h.case.city.name_en})")
    return 0
