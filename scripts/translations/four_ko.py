"""Korean for the strings of helper four (focal-area reasons composed per language)."""

LANG = "ko"

T = {
    ", ": ", ",
    "Behind its peers on %(indicators)s.": "다음 지표에서 비교 도시들보다 뒤처져 있습니다: %(indicators)s.",
    "%(name)s (percentile %(percentile)s)": "%(name)s(백분위 %(percentile)s)",
    "Low 7R maturity in %(strategies)s.": "7R 성숙도가 낮은 전략: %(strategies)s.",
    "%(name)s (level %(level)s)": "%(name)s(수준 %(level)s)",
}
