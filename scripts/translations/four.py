"""Chinese for the strings of helper four (focal-area reasons composed per language)."""

T = {
    ", ": "、",
    "Behind its peers on %(indicators)s.": "以下指标落后于同类城市：%(indicators)s。",
    "%(name)s (percentile %(percentile)s)": "%(name)s（百分位 %(percentile)s）",
    "Low 7R maturity in %(strategies)s.": "7R成熟度较低：%(strategies)s。",
    "%(name)s (level %(level)s)": "%(name)s（等级 %(level)s）",
}
T["Cases from coalition cities and beyond, in the platform's languages. Search in any of them."] = \
    "来自联盟城市及其他地区的案例，以平台的各种语言提供。可用其中任何一种语言搜索。"
