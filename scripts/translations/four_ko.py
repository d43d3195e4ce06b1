"""Korean for the strings of helper four (focal-area reasons composed per language)."""

LANG = "ko"

T = {
    ", ": ", ",
    "Behind its peers on %(indicators)s.": "다음 지표에서 비교 도시들보다 뒤처져 있습니다: %(indicators)s.",
    "%(name)s (percentile %(percentile)s)": "%(name)s(백분위 %(percentile)s)",
    "Low 7R maturity in %(strategies)s.": "7R 성숙도가 낮은 전략: %(strategies)s.",
    "%(name)s (level %(level)s)": "%(name)s(수준 %(level)s)",
}
T["Cases from coalition cities and beyond, in the platform's languages. Search in any of them."] = \
    "연합 도시와 그 밖의 지역 사례를 플랫폼의 여러 언어로 제공합니다. 어느 언어로든 검색할 수 있습니다."
