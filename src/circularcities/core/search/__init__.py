"""Bilingual (English / Simplified Chinese) full-text search.

Documents are tokenised with jieba's search-mode segmentation for Chinese and
Snowball stemming for English, then ranked with Okapi BM25 over weighted
fields. The index is plain Python data, so it works the same over SQLite and
PostgreSQL and can be used in a notebook.
"""

from circularcities.core.search.index import BM25Params, Hit, SearchIndex, document_terms
from circularcities.core.search.similar import similar_documents
from circularcities.core.search.tokenize import tokenize

__all__ = ["BM25Params", "Hit", "SearchIndex", "document_terms", "similar_documents", "tokenize"]
