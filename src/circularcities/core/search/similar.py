"""Similar documents: shared themes plus shared vocabulary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from circularcities.core.search.index import SearchIndex


def similar_documents(index: SearchIndex, key: object, tags: Mapping[object, set[str]],
                      limit: int = 4, tag_weight: float = 2.0) -> list[tuple[object, float]]:
    """Rank other documents by similarity to ``key``.

    The score is ``tag_weight`` x Jaccard overlap of tags (thematic areas and
    R-strategies) plus the BM25 score of the document's own most distinctive
    terms, normalised to the best hit, so both kinds of evidence count.
    """
    terms = index.terms_of(key)
    top = sorted(terms.items(), key=lambda kv: -kv[1] * index.idf(kv[0]))[:25]
    hits = index.score_terms(dict(top), limit=None, exclude=key)
    best = hits[0].score if hits else 1.0
    text_score = {h.key: h.score / best for h in hits}
    mine = tags.get(key, set())
    scored: list[tuple[object, float]] = []
    candidates: Sequence[object] = [k for k in tags if k != key]
    for other in candidates:
        theirs = tags.get(other, set())
        union = mine | theirs
        jaccard = len(mine & theirs) / len(union) if union else 0.0
        score = tag_weight * jaccard + text_score.get(other, 0.0)
        if score > 0:
            scored.append((other, round(score, 6)))
    scored.sort(key=lambda kv: (-kv[1], str(kv[0])))
    return scored[:limit]
