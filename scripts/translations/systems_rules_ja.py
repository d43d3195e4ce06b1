"""Japanese for the systems rules (core catalogue and the systems app)."""

LANG = "ja"
T = {
    "Expected a code of letters, digits, '_' or '-' (at most 60, starting with a letter or digit); got %(value)s.": "コードは英字・数字・「_」・「-」で、英字か数字で始まる60文字以内にしてください。入力値：%(value)s。",
    "Expected a destination other than the origin (%(value)s).": "行き先を出発元（%(value)s）と別にしてください。",
    "Expected either amounts per year or a share, not both.": "年ごとの量か割合のどちらか一方を入力してください。",
    "Expected at most %(n)s years.": "最長 %(n)s 年までです。",
    "Unknown process %(code)s.": "プロセス %(code)s は存在しません。",
    "Unknown layer %(code)s.": "レイヤー %(code)s は存在しません。",
    "The boundary process cannot be removed.": "システム境界は削除できません。",
    "Expected at least three years of values.": "3年分以上の値が必要です。",
    "Expected the last year to be %(max)s at the latest.": "最終年は %(max)s 年までにしてください。",
}
