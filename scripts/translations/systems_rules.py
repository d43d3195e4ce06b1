"""Chinese for the systems rules (core catalogue and the systems app)."""

T = {
    "Expected a code of letters, digits, '_' or '-' (at most 60, starting with a letter or digit); got %(value)s.": '代码只能由字母、数字、“_”或“-”组成（最多 60 个，以字母或数字开头），收到 %(value)s。',
    'Expected a destination other than the origin (%(value)s).': '去向不能与来源相同（%(value)s）。',
    'Expected either amounts per year or a share, not both.': '请填写逐年数量或比例，不能同时填写。',
    'Expected at most %(n)s years.': '最多 %(n)s 年。',
    'Unknown process %(code)s.': '未知的过程 %(code)s。',
    'Unknown layer %(code)s.': '未知的层 %(code)s。',
    'The boundary process cannot be removed.': '系统边界不能删除。',
    'Expected at least three years of values.': '至少需要三年的数值。',
    'Expected the last year to be %(max)s at the latest.': '最后一年不能晚于 %(max)s。',
}
