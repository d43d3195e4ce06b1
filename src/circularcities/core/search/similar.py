"""Similar documents: shared themes plus shared vocabulary."""

from __future__ import annotations

from collections.abc import Mapping

from circularcities.core.search.index import SearchIndex


def similar_documents(index: SearchIndex, key: object, terms: Mapping[str, float],
                      limit: int = 4, tag_weight: float = 2.0) -> list[tuple[object, float]]:
    """Rank other documents by similarity to ``key``.

    The score is ``tag_weight`` x Jaccard overlap of tags (thematic areas and
    R-strategies: the index tags starting ``area:`` and ``r:``) plus the BM25
    score of the document's own most distinctive terms (``terms``, its
    weighted terms), normalised to the best hit, so both kinds of evidence count.
    """
    words = {t: v for t, v in terms.items() if " " not in t}
    top = sorted(words.items(), key=lambda kv: (-kv[1] * index.idf(kv[0]), kv[0]))[:25]
    hits = index.score_terms(dict(top), limit=None, exclude=key)
    best = hits[0].score if hits else 1.0
    score: dict[object, float] = {h.key: h.score / best for h in hits}
    for other, jaccard in index.tag_jaccard(key, prefixes=("area:", "r:")).items():
        score[other] = score.get(other, 0.0) + tag_weight * jaccard
    ranked = sorted(((k, round(s, 6)) for k, s in score.items() if s > 0 and k != key),
                    key=lambda kv: (-kv[1], str(kv[0])))
    return ranked[:limit]
