"""Full-text search in English, Simplified Chinese, Japanese and Korean.

Documents are tokenised per language (jieba for Chinese, Snowball stemming
for English, fugashi with UniDic-lite for Japanese, kiwipiepy for Korean;
see :mod:`.tokenize` to add a language) and ranked with Okapi
BM25 over weighted fields, with a minimum number of query words to match and
a bonus for adjacent words. The index is numpy arrays in memory, saved to and
loaded from one file, so it works the same over SQLite and PostgreSQL and can
be used in a notebook.
"""

from circularcities.core.search.index import BM25Params, Hit, SearchIndex, document_terms
from circularcities.core.search.query import Query, parse_queries, parse_query, query_languages
from circularcities.core.search.similar import similar_documents
from circularcities.core.search.snippet import snippet
from circularcities.core.search.tokenize import (
    BILINGUAL_ANALYZER,
    DEFAULT_ANALYZER,
    Analyzer,
    ChineseTokenizer,
    EnglishTokenizer,
    JapaneseTokenizer,
    KoreanTokenizer,
    Token,
    Tokenizer,
    detect_language,
    tokenize,
)

__all__ = ["BILINGUAL_ANALYZER", "DEFAULT_ANALYZER", "Analyzer", "BM25Params", "ChineseTokenizer",
           "EnglishTokenizer", "JapaneseTokenizer", "KoreanTokenizer", "detect_language", "Hit",
           "Query", "SearchIndex", "Token", "Tokenizer", "document_terms", "parse_queries", "parse_query",
           "query_languages",
           "similar_documents", "snippet", "tokenize"]
