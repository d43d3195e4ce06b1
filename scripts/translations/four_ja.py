"""Japanese for the strings of helper four (focal-area reasons composed per language)."""

LANG = "ja"

T = {
    ", ": "、",
    "Behind its peers on %(indicators)s.": "次の指標で比較対象の都市に遅れています：%(indicators)s。",
    "%(name)s (percentile %(percentile)s)": "%(name)s（パーセンタイル %(percentile)s）",
    "Low 7R maturity in %(strategies)s.": "7R成熟度が低い分野：%(strategies)s。",
    "%(name)s (level %(level)s)": "%(name)s（レベル %(level)s）",
}
T["Cases from coalition cities and beyond, in the platform's languages. Search in any of them."] = \
    "連合都市とその他の地域の事例を、プラットフォームの各言語で掲載しています。どの言語でも検索できます。"
