"""Japanese for the one import summary in reuse, logistics and systems (issue #13, helper s22_imp)."""

LANG = "ja"

T = {
    "%(new)d new, %(upd)d updated": "新規 %(new)d 件、更新 %(upd)d 件",
    "Scenario “%(name)s”": "シナリオ「%(name)s」",
    "Correct these rows, or import the file again with the box ticked to import only the valid rows.":
        "これらの行を修正するか、チェックボックスをオンにしてファイルを再度取り込み、有効な行だけを取り込んでください。",
    "Rows left out": "取り込まなかった行",
    "Row": "行",
    "Column": "列",
    "Back to the system": "システムに戻る",
}
