"""Case-search latency at 10,000 and 100,000 cases, against trivial baselines and the previous engine.

    .venv/bin/python bench/bench_search.py [--cases 10000 100000] [--queries 200]

For each size, in a fresh process with a throwaway SQLite database: loads the
demo library and adds generated bilingual cases (fixed seed 42) made by
recombining the real cases' sentences and keywords, then measures in one run
(median and 95th percentile per query, English and Chinese queries):
  * trivial: fetching one case by primary key (the baseline of every ratio);
  * substring: a naive OR of icontains over the text fields (unranked);
  * previous engine: the pure-Python BM25 index of commit 2cae40f
    (``search_previous.py``), with its per-query freshness aggregate;
  * new engine, warm: ``search_cases`` (version check, numpy BM25, fetch);
  * the first query after editing one case;
  * a new process: Django set up, then its first query, from the saved index
    (and, for comparison, with the saved index deleted: rebuilt from the
    terms stored with each case);
  * the first ever build (segment every case, store terms, save the index).

``--languages N`` measures the engine alone (no database) in the four platform
languages: N generated documents, a quarter in each of English, Chinese,
Japanese and Korean, made by recombining sentences (English and Chinese from
the demo case summaries; Japanese and Korean from the short sentences below,
written for this benchmark, since the library holds none yet). It reports per
language the segmentation cost per document and the warm query cost, with the
ratio to English.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ["food waste", "食物垃圾", "reused bricks", "产业共生", "materials passport", "电动公交",
           "repair café", "循环采购", "sharing economy", "industrial park waste heat",
           "食品廃棄物", "修理カフェ", "産業共生", "공유 경제", "음식물 쓰레기", "재사용"]


def ensure_database(**kwargs) -> None:
    from circularcities.site.bootstrap import ensure_database as ensure

    ensure(**kwargs)


def _med_p95(samples: list[float]) -> tuple[float, float]:
    ms = [s * 1000 for s in samples]
    return statistics.median(ms), (statistics.quantiles(ms, n=20)[18] if len(ms) >= 2 else ms[0])


def timed(fn, reps: int) -> tuple[float, float, float, float]:
    """Wall-clock median and p95, then CPU-time median and p95, in ms.

    CPU time is reported too because the machine is shared: under load the
    scheduler stretches a query's wall time by a factor that has nothing to do
    with the query (a 2 ms computation waits behind other processes' slices).
    """
    fn(0)  # warm-up
    wall, cpu = [], []
    for i in range(reps):
        t, c = time.perf_counter(), time.process_time()
        fn(i)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return (*_med_p95(wall), *_med_p95(cpu))


LIBRARY_LANGUAGES = {"en": ".", "zh-hans": "。", "ja": "。", "ko": "."}
"""The library's languages and the full stop its sentences end with."""


def generate(n_cases: int) -> None:
    """Generated cases, each written in the four platform languages: its title and summary in
    each language recombined from the demo library's own sentences and keywords in that
    language (English and Chinese from the demo cases; Japanese and Korean from the
    library's translations)."""
    from circularcities.coalition.models import City, ThematicArea
    from circularcities.knowledge.models import Case
    from circularcities.knowledge.search import record_changes

    rng = random.Random(42)
    cities = list(City.objects.all())
    areas = list(ThematicArea.objects.all())
    Translation = Case._parler_meta.root_model
    sentences: dict[str, list[str]] = {}
    keywords: dict[str, list[str]] = {}
    for lang, stop in LIBRARY_LANGUAGES.items():
        rows = list(Translation.objects.filter(language_code=lang).values_list("summary", "keywords"))
        short = 20 if stop == "." else 8
        sentences[lang] = [x.strip() + stop for summary, _k in rows for x in summary.split(stop)
                           if len(x.strip()) > short]
        keywords[lang] = sorted({k for _s, kws in rows for k in kws})
        if not sentences[lang] or len(keywords[lang]) < 5:
            raise SystemExit(f"The demo library has no {lang} text to recombine.")
    todo = n_cases - Case.objects.count()
    for start in range(0, todo, 5000):
        stop_at = min(todo, start + 5000)
        batch = []
        for i in range(start, stop_at):
            city = rng.choice(cities)
            batch.append(Case(slug=f"generated-{i}", city=city, country=city.country,
                              source_document="generated for the benchmark"))
        Case.objects.bulk_create(batch, batch_size=1000)
        made = dict(Case.objects.filter(slug__in=[c.slug for c in batch]).values_list("slug", "pk"))
        texts = []
        for i in range(start, stop_at):
            for lang, stop in LIBRARY_LANGUAGES.items():
                glue = "" if stop == "。" else " "
                title = (" " if lang in ("en", "ko") else "").join(rng.sample(keywords[lang], 3))
                texts.append(Translation(master_id=made[f"generated-{i}"], language_code=lang,
                                         title=f"{title} #{i}"[:200],
                                         summary=glue.join(rng.sample(sentences[lang], 5)),
                                         keywords=rng.sample(keywords[lang], 5)))
        Translation.objects.bulk_create(texts, batch_size=2000)
    through = Case.areas.through
    ids = list(Case.objects.filter(slug__startswith="generated-").values_list("pk", flat=True))
    through.objects.bulk_create([through(case_id=pk, thematicarea_id=rng.choice(areas).pk) for pk in ids],
                                batch_size=5000)
    # bulk_create sends no signals: tell search, as any bulk writer must.
    record_changes(None)


def previous_engine():
    """The old index over the same cases, and its query function (freshness check + search + fetch)."""
    sys.path.insert(0, str(Path(__file__).parent))
    import search_previous as old
    from django.db.models import Count, Max

    from circularcities.knowledge.models import Case
    from circularcities.knowledge.search import CASE_TEXT_PREFETCH, FIELD_WEIGHTS, _fields

    params = old.BM25Params(weights=FIELD_WEIGHTS)
    t = time.perf_counter()
    index = old.SearchIndex(params=params)
    published = Case.objects.filter(published=True)
    for c in published.select_related("city").prefetch_related(*CASE_TEXT_PREFETCH).iterator(chunk_size=2000):
        # The previous engine took one text per field: every language's text, joined.
        index.add(c.pk, {f: " ".join(by_lang.values()) for f, by_lang in _fields(c).items()})
    build = time.perf_counter() - t

    def query(i):
        published.aggregate(n=Count("id"), t=Max("updated_at"))
        hits = index.search(QUERIES[i % len(QUERIES)], limit=20)
        Case.objects.select_related("city").in_bulk([h.key for h in hits])

    return build, query


def new_process(home: str, delete_saved: bool) -> dict:
    code = f"""
import json, time
t0 = time.perf_counter()
from circularcities.site.bootstrap import ensure_database
ensure_database(load_demo_if_new=False, log=lambda *a: None)
from circularcities.knowledge import search
{'(search._snapshot_path() / "current").unlink()' if delete_saved else ''}
t1 = time.perf_counter()
c1 = time.process_time()
hits = search.search_cases("food waste", limit=20)
t2 = time.perf_counter()
print(json.dumps({{"setup": t1 - t0, "first": t2 - t1, "first_cpu": time.process_time() - c1, "hits": len(hits)}}))
"""
    env = {**os.environ, "CIRCULARCITIES_HOME": home}
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_one(n_cases: int, reps: int) -> dict:
    home = tempfile.mkdtemp(prefix="cc-bench-search-")
    os.environ["CIRCULARCITIES_HOME"] = home
    os.environ.pop("DATABASE_URL", None)
    ensure_database(load_demo_if_new=True, log=lambda *a: None)
    from django.db.models import Q

    from circularcities.knowledge.models import Case
    from circularcities.knowledge.search import _default, _snapshot_path, get_index, search_cases

    generate(n_cases)
    n = Case.objects.count()
    pks = list(Case.objects.values_list("pk", flat=True))
    rows: dict = {"cases": n}

    t = time.perf_counter()
    get_index()
    rows["first_build_s"] = time.perf_counter() - t
    rows["index_file_mb"] = sum(f.stat().st_size for f in _snapshot_path().rglob("*.npy")) / 1e6

    rows["trivial"] = (timed(lambda i: Case.objects.filter(pk=pks[i % len(pks)]).select_related("city")
                                  .first(), reps))

    def substring(i):
        q = QUERIES[i % len(QUERIES)]
        cond = Q(translations__title__icontains=q) | Q(translations__summary__icontains=q)
        list(Case.objects.filter(cond).distinct().select_related("city")[:20])

    rows["substring"] = timed(substring, max(10, reps // 10))
    rows["new_warm"] = timed(lambda i: search_cases(QUERIES[i % len(QUERIES)], limit=20), reps)

    def fetched(i):
        _default.forget_hits()
        search_cases(QUERIES[i % len(QUERIES)], limit=20)

    rows["new_warm_fetched"] = timed(fetched, reps)
    rows["new_by_language"] = {
        lang: timed(lambda i, qs=qs, code=code: search_cases(qs[i % len(qs)], limit=20, language=code), reps)
        for (lang, qs), code in zip(QUERIES_BY_LANGUAGE.items(), ("en", "zh-hans", "ja", "ko"), strict=True)}
    index = get_index()
    rows["new_engine_only"] = timed(lambda i: index.search(QUERIES[i % len(QUERIES)], limit=20), reps)
    rows["new_per_query_median"] = {
        q: timed(lambda i, q=q: search_cases(q, limit=20), max(10, reps // 10))[2] for q in QUERIES}

    one = Case.objects.get(slug="generated-7")
    one.set_current_language("en")
    one.summary += " An edited sentence."
    one.save()
    t = time.perf_counter()
    search_cases("food waste", limit=20)
    rows["after_edit_ms"] = (time.perf_counter() - t) * 1000
    # The file now lags one edit behind: a new process loads it and applies that edit.

    rows["new_process"] = new_process(home, delete_saved=False)
    rows["new_process_no_file"] = new_process(home, delete_saved=True)

    build, old_query = previous_engine()
    rows["previous_build_s"] = build
    rows["previous_warm"] = timed(old_query, max(20, reps // 4))
    return rows


def report(r: dict) -> None:
    base = r["trivial"][2]
    print(f"\ncases in library: {r['cases']:,}  (per query, ms; ratio = CPU median / trivial CPU median)")
    print(f"{'':46} {'wall med':>9} {'wall p95':>9} {'CPU med':>8} {'CPU p95':>8} {'ratio':>7}")
    for label, key in [("trivial (case by primary key)", "trivial"),
                       ("substring icontains (no ranking)", "substring"),
                       ("previous engine, warm (commit 2cae40f)", "previous_warm"),
                       ("new engine, warm (search_cases, 20 hits)", "new_warm"),
                       ("  the same, hits fetched again (cache emptied)", "new_warm_fetched"),
                       ("  of which ranking only (index.search)", "new_engine_only")]:
        w, w95, c, c95 = r[key]
        print(f"{label:46} {w:9.2f} {w95:9.2f} {c:8.2f} {c95:8.2f} {c / base:7.1f}")
    for lang, (w, w95, c, c95) in r["new_by_language"].items():
        print(f"{'  warm, reader and queries in ' + lang:46} {w:9.2f} {w95:9.2f} {c:8.2f} {c95:8.2f} {c / base:7.1f}")
    print(f"{'new engine: first query after an edit':46} {r['after_edit_ms']:9.2f}")
    np_ = r["new_process"]
    nf = r["new_process_no_file"]
    print(f"{'new process: first query, saved index':46} {np_['first'] * 1000:9.2f}"
          f" {'':9} {np_['first_cpu'] * 1000:8.2f}"
          f"   (Django set-up before it: {np_['setup'] * 1000:.0f} ms)")
    print(f"{'new process: first query, no saved index':46} {nf['first'] * 1000:9.2f}"
          f" {'':9} {nf['first_cpu'] * 1000:8.2f}")
    print(f"previous engine: index build {r['previous_build_s']:.1f} s; "
          f"new engine: first ever build {r['first_build_s']:.1f} s; saved index {r['index_file_mb']:.0f} MB")
    print("new engine, CPU median per query (ms): "
          + ", ".join(f"{q} {ms:.2f}" for q, ms in r["new_per_query_median"].items()))
    print(f"warm query, previous / new engine: {r['previous_warm'][2] / r['new_warm'][2]:.0f}x (CPU), "
          f"{r['previous_warm'][0] / r['new_warm'][0]:.0f}x (wall)")


CORE_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from circularcities.core.search import parse_query, store
from circularcities.core.search.index import BM25Params
t1 = time.perf_counter()
c1 = time.process_time()
index, meta = store.load(__import__("pathlib").Path(sys.argv[1]), params=BM25Params(**json.loads(sys.argv[2])))
hits = index.search(parse_query("food waste", index.analyzer, known=index.knows), limit=20)
print(json.dumps({"imports": t1 - t0, "first": time.perf_counter() - t1, "first_cpu": time.process_time() - c1,
                  "hits": len(hits)}))
"""


_CORE_HOME: list[str] = []


def run_core(n_docs: int, reps: int, home: str | None) -> None:
    """The engine alone at ``n_docs``: documents resampled from the stored terms of a generated library.

    Segmenting 100,000 cases takes half an hour on the shared machine, so at
    that size the ranking and the saved index are measured without Django:
    each document mixes the stored terms of two library cases (about half of
    each), so term frequencies and document frequencies stay realistic.
    """
    if home is None and _CORE_HOME:
        home = _CORE_HOME[0]  # a second size: Django is set up on the first size's library
    if home is None:
        home = tempfile.mkdtemp(prefix="cc-bench-search-")
        os.environ["CIRCULARCITIES_HOME"] = home
        ensure_database(load_demo_if_new=True, log=lambda *a: None)
        generate(10_000)
        _CORE_HOME.append(home)
    os.environ["CIRCULARCITIES_HOME"] = home
    os.environ.pop("DATABASE_URL", None)
    ensure_database(load_demo_if_new=False, log=lambda *a: None)
    from circularcities.core.search import SearchIndex, parse_query, store
    from circularcities.knowledge.models import CaseTerms
    from circularcities.knowledge.search import PARAMS, get_index

    get_index()  # makes sure every case has stored terms
    library = list(CaseTerms.objects.values_list("terms", flat=True))
    rng = random.Random(42)

    def mixed(i):
        a, b = rng.choice(library), rng.choice(library)
        tf = {t: v for t, v in a.items() if rng.random() < 0.5}
        for t, v in b.items():
            if rng.random() < 0.5:
                tf[t] = tf.get(t, 0.0) + v
        return tf

    t = time.perf_counter()
    index = SearchIndex(params=PARAMS)
    index.load_documents((i, mixed(i), [f"area:a{i % 7}"]) for i in range(n_docs))
    build = time.perf_counter() - t
    warm = timed(lambda i: index.search(parse_query(QUERIES[i % len(QUERIES)], index.analyzer,
                                                    known=index.knows), limit=20), reps)
    per_query = {q: timed(lambda i, q=q: index.search(q, limit=20), max(10, reps // 10))[2] for q in QUERIES}
    path = Path(home) / "search" / f"core-{n_docs}"
    store.save(index, path, {})
    size = sum(f.stat().st_size for f in path.rglob("*.npy")) / 1e6
    params = json.dumps({"k1": PARAMS.k1, "b": PARAMS.b, "cutoff": PARAMS.cutoff,
                         "phrase_weight": PARAMS.phrase_weight, "weights": dict(PARAMS.weights)})
    out = subprocess.run([sys.executable, "-c", CORE_CHILD, str(path), params], stdout=subprocess.PIPE,
                         text=True, check=True)
    child = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"\nengine alone, {n_docs:,} documents (terms resampled from {len(library):,} stored cases)")
    print(f"{'':46} {'wall med':>9} {'wall p95':>9} {'CPU med':>8} {'CPU p95':>8}")
    print(f"{'ranking, warm (parse + index.search, 20 hits)':46} {warm[0]:9.2f} {warm[1]:9.2f} {warm[2]:8.2f} "
          f"{warm[3]:8.2f}")
    print(f"{'new process: open saved index + first query':46} {child['first'] * 1000:9.2f} {'':9} "
          f"{child['first_cpu'] * 1000:8.2f}   (imports before it: {child['imports'] * 1000:.0f} ms)")
    print(f"build from stored terms {build:.1f} s; saved index {size:.0f} MB")
    print("CPU median per query (ms): " + ", ".join(f"{q} {ms:.2f}" for q, ms in per_query.items()))


# Sentences about the demo cases' topics, written for the benchmark (generated documents only).
SENTENCES_JA = [
    "山口県では食品廃棄物を回収し、養鶏用の飼料にリサイクルしている。",
    "宇部市は単独で、防府市と山口市は共同で収集計画を立てる。",
    "北九州エコタウンには家電や自動車のリサイクル工場が集まっている。",
    "建設現場で再利用したレンガは新しいレンガより温室効果ガスの排出が少ない。",
    "市はシェアリングエコノミーの行動計画を住民と企業とともに作った。",
    "修理カフェでは住民がボランティアと一緒に家電を修理する。",
    "産業団地では工場の廃熱を近くの温室で利用している。",
    "循環型の公共調達で、市は製品ではなくサービスを購入する。",
    "電気バスの導入で市内の大気汚染と騒音が減った。",
    "材料パスポートは建物に使われた資材の種類と量を記録する。",
    "生ごみの分別収集は二〇一八年に始まり、堆肥化施設に運ばれる。",
    "指標は毎年更新され、基準年と目標年の値を比べる。",
]
SENTENCES_KO = [
    "암스테르담은 시민과 기업을 위한 공유 경제 실행 계획을 만들었다.",
    "피터버러 주민들은 온라인 플랫폼에서 도구를 빌려주고 공유한다.",
    "서울은 배출량에 따라 요금을 내는 음식물 쓰레기 종량제를 시행한다.",
    "재사용 벽돌은 새 벽돌보다 온실가스 배출이 적다.",
    "수리 카페에서 주민들은 자원봉사자와 함께 가전제품을 고친다.",
    "산업단지의 공장 폐열은 인근 온실에서 사용된다.",
    "순환 공공조달로 시는 제품 대신 서비스를 구매한다.",
    "전기 버스 도입으로 도시의 대기 오염과 소음이 줄었다.",
    "자재 여권은 건물에 쓰인 자재의 종류와 양을 기록한다.",
    "공유 자전거와 차량 공유 서비스가 도심 교통을 바꾸고 있다.",
    "음식물 쓰레기는 분리 수거되어 퇴비화 시설로 운반된다.",
    "지표는 매년 갱신되며 기준 연도와 목표 연도의 값을 비교한다.",
]
QUERIES_BY_LANGUAGE = {
    "en": ["food waste", "reused bricks", "sharing economy", "repair café"],
    "zh": ["食物垃圾", "产业共生", "电动公交", "循环采购"],
    "ja": ["食品廃棄物", "レンガの再利用", "修理カフェ", "電気バス"],
    "ko": ["공유 경제", "음식물 쓰레기", "재사용 벽돌", "전기 버스"],
}


def run_languages(n_docs: int, reps: int) -> None:
    """The engine alone in four languages on ``n_docs`` generated documents (no database)."""
    from circularcities.core.search import SearchIndex, document_terms
    from circularcities.core.search.index import BM25Params
    from circularcities.core.search.tokenize import (
        _fugashi,
        _japanese_words,
        _jieba_cut,
        _kiwi,
        _korean_words,
        _stem,
    )

    t = time.perf_counter()
    _fugashi()
    load_ja = time.perf_counter() - t
    t = time.perf_counter()
    _kiwi()
    load_ko = time.perf_counter() - t
    cases = json.loads((Path(__file__).resolve().parent.parent / "src" / "circularcities" / "data"
                        / "cases.json").read_text())["cases"]
    data = Path(__file__).resolve().parent.parent / "src" / "circularcities" / "data"

    def library(lang: str, stop: str, fallback: list[str]) -> list[str]:
        # The case library's own Japanese and Korean summaries (content_<lang>.json), with the
        # benchmark's sentences as a fallback for a library without them.
        path = data / f"content_{lang}.json"
        if not path.is_file():
            return fallback
        texts = [c.get("summary", "") for c in json.loads(path.read_text("utf-8")).get("cases", {}).values()]
        found = [x.strip() + stop for t in texts for x in t.split(stop) if len(x.strip()) > 8]
        return found or fallback

    sentences = {
        "en": [s.strip() + "." for c in cases for s in c["summary_en"].split(".") if len(s.strip()) > 20],
        "zh": [s.strip() + "。" for c in cases for s in c["summary_zh"].split("。") if len(s.strip()) > 8],
        "ja": library("ja", "。", SENTENCES_JA), "ko": library("ko", ".", SENTENCES_KO)}
    codes = {"en": "en", "zh": "zh-hans", "ja": "ja", "ko": "ko"}
    rng = random.Random(42)
    params = BM25Params(weights={"title": 3.0, "summary": 1.0})
    index = SearchIndex(params=params)
    segment: dict[str, list[float]] = {lang: [] for lang in sentences}
    for i in range(n_docs):
        lang = list(sentences)[i % 4]
        summary = ("" if lang in ("zh", "ja") else " ").join(rng.sample(sentences[lang], 5))
        # A real library's sentences are all different: empty the tokenisers' memos so
        # every document is segmented afresh (the few benchmark sentences repeat).
        for memo in (_japanese_words, _korean_words, _jieba_cut, _stem):
            memo.cache_clear()
        # Each text in its own language, as the case library indexes its translations.
        fields = {"title": {codes[lang]: rng.choice(sentences[lang])[:30] + f" {i}"},
                  "summary": {codes[lang]: summary + f" {i}"}}
        c = time.process_time()
        tf = document_terms(fields, params)
        segment[lang].append(time.process_time() - c)
        index.add_terms(i, tf)
    print(f"\nengine alone, four languages: {n_docs:,} generated documents, {n_docs // 4:,} per language; "
          f"sentences per language: " + ", ".join(f"{k} {len(v)}" for k, v in sentences.items()))
    print(f"analyser start-up: fugashi + UniDic-lite {load_ja * 1000:.0f} ms, kiwipiepy {load_ko * 1000:.0f} ms "
          "(once per process, on the first Japanese or Korean text)")
    print(f"{'':10} {'segment ms/doc':>15} {'ratio':>6} {'query CPU med':>14} {'p95':>7} {'ratio':>6}  hits")
    base_seg = statistics.median(segment["en"]) * 1000
    rows = {}
    for lang, queries in QUERIES_BY_LANGUAGE.items():
        # The query as a reader without a Chinese or Japanese interface sends it: a query of
        # Han characters only may be read in both languages (parse_queries).
        w, w95, c, c95 = timed(lambda i, qs=queries: index.search(qs[i % len(qs)], limit=20, language="en"), reps)
        hits = [len(index.search(q, limit=20)) for q in queries]
        rows[lang] = (statistics.median(segment[lang]) * 1000, c, c95, hits)
    base_q = rows["en"][1]
    for lang, (seg, c, c95, hits) in rows.items():
        print(f"{lang:10} {seg:15.2f} {seg / base_seg:6.1f} {c:14.2f} {c95:7.2f} {c / base_q:6.1f}  {hits}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, nargs="*", default=None)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--core", type=int, nargs="+", default=[],
                        help="also measure the engine alone at these sizes (no database)")
    parser.add_argument("--home", help="reuse the data directory of an earlier 10,000-case run for --core")
    parser.add_argument("--languages", type=int, default=0,
                        help="measure the engine alone in four languages on this many generated documents")
    args = parser.parse_args()
    if args.languages:
        run_languages(args.languages, args.queries)
    if args.cases is None:
        args.cases = [] if args.languages else [10_000]
    if args.one:
        print(json.dumps(run_one(args.one, args.queries)))
        return 0
    for n in args.cases:
        # One process per size: settings (the data directory) are fixed at start-up.
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--queries", str(args.queries)],
                             stdout=subprocess.PIPE, text=True, check=True)
        report(json.loads(out.stdout.strip().splitlines()[-1]))
    for n in args.core:
        run_core(n, args.queries, args.home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
