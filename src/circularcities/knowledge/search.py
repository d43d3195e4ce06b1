"""Case search: the core BM25 index kept in step with the database.

Consistency across processes and machines: every write that changes what
search sees bumps the one-row :class:`SearchState` version and logs the cases
it touched (:func:`record_changes`, called by the signal handlers in
:mod:`.signals`, and by code that writes cases in bulk). Before each query a
process reads that row (one primary-key read); if the version moved, it
re-indexes only the logged cases, so an edit is visible to the next query in
every process.

Start-up: the index is saved to the data directory with the version it
reflects. A new process loads that file and applies the changes logged
since; only without a file does it rebuild, from the terms stored with each
case (segmenting just the cases whose stored terms are stale).
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils.translation import get_language

from circularcities.coalition.models import City
from circularcities.core.search import (
    BM25Params,
    SearchIndex,
    document_terms,
    parse_queries,
    similar_documents,
    store,
)
from circularcities.core.search import snippet as make_snippet
from circularcities.knowledge.models import Case, CaseTerms, SearchChange, SearchState

FIELD_WEIGHTS = {"title": 3.0, "keywords": 2.0, "place": 2.0, "summary": 1.0, "figures": 0.5}
# Hits scoring under 40 % of the best one share a word or two with the
# query but are about something else (a procurement case that mentions food
# waste once): they are left out.
PARAMS = BM25Params(weights=FIELD_WEIGHTS, phrase_weight=1.0, cutoff=0.4)
# What a results list shows: the case, its city and both one's text in every language
# (three queries for any number of hits).
HIT_PREFETCH = ("translations", "city__translations")


def hit_prefetch(languages: Iterable[str] | None):
    """What a list of hits loads with its cases: the translations in ``languages`` and
    English (the fallback), or every language when ``languages`` is None. Loading four
    languages' summaries for twenty hits was most of a warm query's time."""
    from django.db.models import Prefetch

    if languages is None:
        return HIT_PREFETCH
    wanted = sorted({*languages, "en"})
    return tuple(Prefetch(path, queryset=model._parler_meta.root_model.objects.filter(language_code__in=wanted))
                 for path, model in (("translations", Case), ("city__translations", City)))
# Cases kept in memory for hits, at most (about 10 kB each with two languages' texts).
HIT_CACHE_SIZE = 5000
# Bump when document_terms changes: stored terms and saved indexes of another version are ignored.
TERMS_VERSION = 4
# More changes than this fraction of the library since the last look: rebuild instead.
REBUILD_FRACTION = 0.2
# Save the index again after this many cases were re-indexed since it was saved.
RESAVE_AFTER = 200


@dataclass(frozen=True)
class CaseHit:
    """A search result. ``rank`` is its position (1 = most relevant); scores stay internal."""

    case: Case
    rank: int
    matched: tuple[str, ...] = ()
    terms: frozenset[str] = field(default_factory=frozenset)

    @property
    def snippet(self) -> list[tuple[str, bool]]:
        """The summary in the page's language around the first matched word, as (text, marked) pieces."""
        return make_snippet(self.case.t("summary"), self.terms)


def _fields(c: Case) -> dict[str, dict[str, str]]:
    """A case's searchable text: each field as ``{language: text}`` for every language written.

    One document per case, so a query in any platform language finds it; each
    translation is tokenised in its own language (a Chinese title with jieba, a
    Japanese one with fugashi, though both may be Han characters only). Needs
    ``translations``, ``city__translations`` and ``figures__translations`` prefetched
    for a batch.
    """
    def by_language(*sources: tuple[object, str]) -> dict[str, str]:
        out: dict[str, list[str]] = {}
        for obj, name in sources:
            for row in obj.translations.all():  # type: ignore[attr-defined]
                value = getattr(row, name, "") or ""
                values = value if isinstance(value, list) else [value]
                out.setdefault(row.language_code, []).extend(v for v in values if v)
        return {lang: " ".join(texts) for lang, texts in out.items() if texts}

    city = c.city
    return {
        "title": by_language((c, "title")),
        "keywords": by_language((c, "keywords")),
        "place": by_language((city, "name"), (city, "country_name")),
        "summary": by_language((c, "summary")),
        "figures": by_language(*((f, "label") for f in c.figures.all())),
    }


CASE_TEXT_PREFETCH = ("translations", "city__translations", "figures__translations")


def _tags(case_ids: list[int]) -> dict[int, list[str]]:
    """Filter tags per case: ``area:<slug>``, ``r:<slug>``, ``country:<CODE>``."""
    tags: dict[int, list[str]] = {pk: [] for pk in case_ids}
    for start in range(0, len(case_ids), 2000):
        chunk = case_ids[start:start + 2000]
        for pk, slug in Case.areas.through.objects.filter(case_id__in=chunk).values_list(
                "case_id", "thematicarea__slug"):
            tags[pk].append(f"area:{slug}")
        for pk, slug in Case.r_strategies.through.objects.filter(case_id__in=chunk).values_list(
                "case_id", "rstrategy__slug"):
            tags[pk].append(f"r:{slug}")
        for pk, country in Case.objects.filter(pk__in=chunk).values_list("pk", "country"):
            tags[pk].append(f"country:{country.upper()}")
    return tags


def record_changes(case_ids: Iterable[int] | None) -> None:
    """Log that these cases changed (None: any case may have), bumping the search version.

    Runs in the caller's transaction, so the log commits with the edit. The
    row lock on :class:`SearchState` orders concurrent writers, so versions
    become visible in increasing order.
    """
    ids = None if case_ids is None else sorted(set(case_ids))
    if ids == []:
        return
    token = uuid.uuid4().hex
    with transaction.atomic():
        if not SearchState.objects.filter(pk=1).update(version=F("version") + 1, token=token):
            SearchState.objects.get_or_create(pk=1, defaults={"version": 0, "token": ""})
            SearchState.objects.filter(pk=1).update(version=F("version") + 1, token=token)
        version = SearchState.objects.filter(pk=1).values_list("version", flat=True).get()
        SearchChange.objects.bulk_create([SearchChange(version=version, token=token, case_id=i)
                                          for i in (ids if ids is not None else [None])])


def _current() -> tuple[int, str]:
    # Raw SQL: this runs before every query, and the ORM would cost more than the read.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version, token FROM {SearchState._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def _stored_terms(pks: list[int]) -> dict[int, dict]:
    """Stored terms still valid for each case's current text (others are missing)."""
    out = {}
    for start in range(0, len(pks), 2000):
        chunk = pks[start:start + 2000]
        updated = dict(Case.objects.filter(pk__in=chunk).values_list("pk", "updated_at"))
        for pk, at, version, terms in CaseTerms.objects.filter(case_id__in=chunk).values_list(
                "case_id", "computed_for", "version", "terms"):
            if version == TERMS_VERSION and at == updated.get(pk):
                out[pk] = terms
    return out


def _snapshot_path() -> Path:
    db = connection.settings_dict
    ident = f"{connection.vendor}:{db.get('NAME')}:{db.get('HOST')}:{db.get('PORT')}"
    return Path(settings.DATA_DIR) / "search" / f"cases-{hashlib.sha1(ident.encode()).hexdigest()[:12]}"


def _in_history(version: int, token: str) -> bool:
    """Whether the database went through this version (it was not reset since)."""
    return version == 0 or SearchChange.objects.filter(version=version, token=token).exists()


class CaseSearch:
    """One process's case index. The module keeps one; tests make two to play two processes."""

    def __init__(self, params: BM25Params = PARAMS):
        self.params = params
        self.index: SearchIndex | None = None
        self.version: tuple[int, str] = (-1, "")
        self._unsaved = 0
        # Edits change the index in place: searches and updates take turns.
        self._lock = threading.RLock()
        # Cases already fetched for hits, per reader's languages, valid for one index
        # version: every edit that can change a hit (its text, its city's name, publishing)
        # moves the version on, and the next query starts an empty cache.
        self._hit_cache: dict[tuple[tuple[str, ...] | None, int], Case] = {}
        self._hit_cache_version: tuple[int, str] = (-1, "")

    def get_index(self) -> SearchIndex:
        """The index, brought up to date with the database (one cheap read when nothing changed)."""
        now = _current()
        if self.index is not None and self.version == now:
            return self.index
        with self._lock:
            if self.index is None or not (self.version[0] <= now[0] and _in_history(*self.version)):
                self._load_or_build(now)
            if self.version != now:
                self._apply_changes(now)
            return self.index  # type: ignore[return-value]

    def _meta(self) -> dict:
        return {"terms": TERMS_VERSION, "weights": FIELD_WEIGHTS, "k1": self.params.k1, "b": self.params.b}

    def _load_or_build(self, now: tuple[int, str]) -> None:
        loaded = store.load(_snapshot_path(), params=self.params)
        if loaded is not None:
            index, meta = loaded
            version = (int(meta.get("version", -1)), str(meta.get("token", "")))
            if ({k: meta.get(k) for k in self._meta()} == self._meta() and 0 <= version[0] <= now[0]
                    and _in_history(*version)):
                self.index, self.version, self._unsaved = index, version, 0
                return
        self._build(now)

    def _build(self, now: tuple[int, str]) -> None:
        pks = list(Case.objects.filter(published=True).values_list("pk", flat=True))
        tags = _tags(pks)
        stored = _stored_terms(pks)
        docs = [(pk, stored[pk], tags[pk]) for pk in pks if pk in stored]
        stale = [pk for pk in pks if pk not in stored]
        for start in range(0, len(stale), 500):
            docs.extend(self._segment(stale[start:start + 500], tags))
        index = SearchIndex(params=self.params)
        index.load_documents(docs)
        self.index, self.version = index, now
        self._save()

    def _segment(self, pks: list[int], tags: dict[int, list[str]]) -> list[tuple[int, dict, list[str]]]:
        """Tokenise these cases afresh and store their terms for the next rebuild."""
        out, rows = [], []
        cases = (Case.objects.filter(pk__in=pks, published=True).select_related("city")
                 .prefetch_related(*CASE_TEXT_PREFETCH))
        for c in cases:
            tf = document_terms(_fields(c), self.params)
            # Valid only while updated_at is unchanged: a concurrent edit makes them stale.
            rows.append(CaseTerms(case_id=c.pk, computed_for=c.updated_at, version=TERMS_VERSION, terms=tf))
            out.append((c.pk, tf, tags.get(c.pk, [])))
        CaseTerms.objects.bulk_create(rows, update_conflicts=True, unique_fields=["case"],
                                      update_fields=["computed_for", "version", "terms"])
        return out

    def _apply_changes(self, now: tuple[int, str]) -> None:
        assert self.index is not None
        changed = set(SearchChange.objects.filter(version__gt=self.version[0], version__lte=now[0])
                      .values_list("case_id", flat=True))
        if None in changed or len(changed) > max(500, REBUILD_FRACTION * len(self.index)):
            self._build(now)
            return
        pks = sorted(pk for pk in changed if pk is not None)
        published = sorted(Case.objects.filter(pk__in=pks, published=True).values_list("pk", flat=True))
        tags = _tags(published)
        stored = _stored_terms(published)
        docs = [(pk, stored[pk], tags[pk]) for pk in published if pk in stored]
        docs += self._segment([pk for pk in published if pk not in stored], tags)
        for pk in pks:
            self.index.remove(pk)
        for pk, tf, case_tags in docs:
            self.index.add_terms(pk, tf, case_tags)
        self.version = now
        self._unsaved += len(pks)
        if self._unsaved >= RESAVE_AFTER:
            self._save()

    def _save(self) -> None:
        assert self.index is not None
        store.save(self.index, _snapshot_path(),
                   {**self._meta(), "version": self.version[0], "token": self.version[1]})
        self._unsaved = 0

    # -- queries ------------------------------------------------------------
    def search(self, query: str, area: str | None = None, r: str | None = None,
               country: str | None = None, limit: int | None = 50,
               language: str | None = None, all_languages: bool = False) -> list[CaseHit]:
        """Ranked cases for ``query`` within the filters; an empty query lists them all.

        ``language`` is the reader's (None: the active one): a query of Han characters
        only is read in it when it is Chinese or Japanese, else in both. The hits carry
        their text in that language and English, or in every language with
        ``all_languages`` (the API's hits name every language).
        """
        reader = language or get_language() or "en"
        languages = None if all_languages else (reader,)
        prefetch = hit_prefetch(languages)
        if not query or not query.strip():
            cases = (filtered_cases(area, r, country).select_related("city").prefetch_related(*prefetch)
                     .order_by("slug")[: limit or None])
            return [CaseHit(case=c, rank=i + 1) for i, c in enumerate(cases)]
        tags = [t for t in (area and f"area:{area}", r and f"r:{r}", country and f"country:{country.upper()}")
                if t]
        with self._lock:
            index = self.get_index()
            readings = parse_queries(query, index.analyzer, known=index.knows,
                                     language=reader, languages=platform_languages())
            hits = index.search(readings, limit=limit, tags=tags)
            version = self.version
        by_pk = self._hit_cases([h.key for h in hits], languages, version)
        highlight = frozenset().union(*(q.highlight for q in readings))
        ranked = [h for h in hits if h.key in by_pk]
        return [CaseHit(case=by_pk[h.key], rank=i + 1, matched=h.matched, terms=highlight)
                for i, h in enumerate(ranked)]

    def _hit_cases(self, pks: list, languages: tuple[str, ...] | None, version: tuple[int, str]) -> dict:
        """The cases of ``pks`` with their texts in ``languages``: from the cache when this
        index version already fetched them, else in three queries."""
        with self._lock:
            if self._hit_cache_version != version:
                self._hit_cache.clear()
                self._hit_cache_version = version
            found = {pk: self._hit_cache[(languages, pk)] for pk in pks if (languages, pk) in self._hit_cache}
        missing = [pk for pk in pks if pk not in found]
        if missing:
            fetched = (Case.objects.select_related("city").prefetch_related(*hit_prefetch(languages))
                       .in_bulk(missing))
            found.update(fetched)
            with self._lock:
                if self._hit_cache_version == version:
                    if len(self._hit_cache) + len(fetched) > HIT_CACHE_SIZE:
                        self._hit_cache.clear()
                    self._hit_cache.update({(languages, pk): c for pk, c in fetched.items()})
        return found

    def forget_hits(self) -> None:
        """Empty the cache of fetched hits (the benchmark measures the fetch with it)."""
        with self._lock:
            self._hit_cache.clear()

    def similar(self, case: Case, limit: int = 4) -> list[tuple[Case, float]]:
        terms = _stored_terms([case.pk]).get(case.pk)
        if not terms:
            fresh = Case.objects.select_related("city").prefetch_related(*CASE_TEXT_PREFETCH).get(pk=case.pk)
            terms = document_terms(_fields(fresh), self.params)
        with self._lock:
            index = self.get_index()
            if case.pk not in index:
                return []
            ranked = similar_documents(index, case.pk, terms, limit=limit)
        by_pk = Case.objects.select_related("city").prefetch_related(*HIT_PREFETCH).in_bulk([k for k, _ in ranked])
        return [(by_pk[k], s) for k, s in ranked if k in by_pk]


def filtered_cases(area: str | None = None, r: str | None = None, country: str | None = None,
                   city: str | None = None):
    qs = Case.objects.filter(published=True)
    if area:
        qs = qs.filter(areas__slug=area)
    if r:
        qs = qs.filter(r_strategies__slug=r)
    if country:
        qs = qs.filter(country__iexact=country)
    if city:
        qs = qs.filter(city__slug=city)
    return qs.distinct()


_default = CaseSearch()


def get_index() -> SearchIndex:
    return _default.get_index()


def search_cases(query: str, area: str | None = None, r: str | None = None,
                 country: str | None = None, limit: int | None = 50,
                 language: str | None = None, all_languages: bool = False) -> list[CaseHit]:
    return _default.search(query, area=area, r=r, country=country, limit=limit, language=language,
                           all_languages=all_languages)


def platform_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def similar_cases(case: Case, limit: int = 4) -> list[tuple[Case, float]]:
    return _default.similar(case, limit=limit)
