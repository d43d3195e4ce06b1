"""Case-search latency over 10,000 generated cases, as a ratio to a trivial query.

    .venv/bin/python bench/bench_search.py [--cases 10000] [--queries 200]

Builds a throwaway SQLite database, loads the demo library, adds generated
bilingual cases (fixed seed) made by recombining the real cases' sentences,
then measures in one run:
  * trivial: fetching one case by primary key (the baseline);
  * substring: a naive OR of icontains over the text fields (what many portals do);
  * search (warm): our BM25 search over jieba/Snowball terms, index built;
  * an edit: the first query after editing one case re-segments that case only;
  * a new process: builds its index from the terms stored with each case;
  * first ever build: segments all 10,000 cases and stores their terms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    os.environ["CIRCULARCITIES_HOME"] = tempfile.mkdtemp(prefix="cc-bench-search-")
    os.environ.pop("DATABASE_URL", None)
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=True, log=lambda *a: None)
    from django.db.models import Q

    from circularcities.coalition.models import City, ThematicArea
    from circularcities.knowledge.models import Case
    from circularcities.knowledge.search import get_index, search_cases

    rng = random.Random(42)
    real = list(Case.objects.all())
    cities = list(City.objects.all())
    areas = list(ThematicArea.objects.all())
    en_sentences = [s.strip() + "." for c in real for s in c.summary_en.split(".") if len(s.strip()) > 20]
    zh_sentences = [s.strip() + "。" for c in real for s in c.summary_zh.split("。") if len(s.strip()) > 8]
    keywords_en = sorted({k for c in real for k in c.keywords_en})
    keywords_zh = sorted({k for c in real for k in c.keywords_zh})
    todo = args.cases - len(real)
    batch = []
    for i in range(todo):
        city = rng.choice(cities)
        batch.append(Case(
            slug=f"generated-{i}", title_en=" ".join(rng.sample(keywords_en, 3)).capitalize() + f" #{i}",
            title_zh="".join(rng.sample(keywords_zh, 3)) + f"（{i}）",
            summary_en=" ".join(rng.sample(en_sentences, 5)), summary_zh="".join(rng.sample(zh_sentences, 5)),
            city=city, country=city.country, keywords_en=rng.sample(keywords_en, 5),
            keywords_zh=rng.sample(keywords_zh, 5), source_document="generated for the benchmark"))
    Case.objects.bulk_create(batch, batch_size=1000)
    through = Case.areas.through
    through.objects.bulk_create([through(case_id=c.pk, thematicarea_id=rng.choice(areas).pk)
                                 for c in Case.objects.filter(slug__startswith="generated-")], batch_size=2000)
    n = Case.objects.count()

    queries = ["food waste", "食物垃圾", "reused bricks", "产业共生", "materials passport", "电动公交",
               "repair café", "循环采购", "sharing economy", "industrial park waste heat"]
    pks = list(Case.objects.values_list("pk", flat=True))

    def timed(fn, reps):
        samples = []
        for i in range(reps):
            t = time.perf_counter()
            fn(i)
            samples.append(time.perf_counter() - t)
        return statistics.median(samples), samples

    t = time.perf_counter()
    get_index()
    build = time.perf_counter() - t

    trivial, _ = timed(lambda i: Case.objects.filter(pk=pks[i % len(pks)]).select_related("city").first(),
                       args.queries)
    search, _ = timed(lambda i: search_cases(queries[i % len(queries)], limit=20), args.queries)

    def substring(i):
        q = queries[i % len(queries)]
        cond = Q()
        for field in ("title_en", "title_zh", "summary_en", "summary_zh"):
            cond |= Q(**{f"{field}__icontains": q})
        list(Case.objects.filter(cond).select_related("city")[:20])

    sub, _ = timed(substring, max(20, args.queries // 5))
    print(f"cases in library: {n:,}; queries: {args.queries} (English and Chinese, median latency)")
    print(f"{'trivial (case by primary key)':<36} {trivial * 1000:9.2f} ms   1.0x")
    print(f"{'substring icontains (no ranking)':<36} {sub * 1000:9.2f} ms {sub / trivial:6.1f}x")
    print(f"{'BM25 search, warm index':<36} {search * 1000:9.2f} ms {search / trivial:6.1f}x")
    one = Case.objects.get(slug="generated-7")
    one.summary_en += " An edited sentence."
    one.save()
    t = time.perf_counter()
    search_cases("food waste", limit=20)
    after_edit = time.perf_counter() - t
    print(f"{'first search after editing one case':<36} {after_edit * 1000:9.2f} ms {after_edit / trivial:6.1f}x")
    from circularcities.knowledge import search as search_module

    search_module._cache.update(key=None, index=None, tags=None, stamps={})
    t = time.perf_counter()
    get_index()
    cold = time.perf_counter() - t
    print(f"{'new process: index from stored terms':<36} {cold * 1000:9.2f} ms {cold / trivial:6.1f}x")
    print(f"{'first ever build (segment + store)':<36} {build * 1000:9.2f} ms {build / trivial:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
