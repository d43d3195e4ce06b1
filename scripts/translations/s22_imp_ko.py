"""Korean for the one import summary in reuse, logistics and systems (issue #13, helper s22_imp)."""

LANG = "ko"

T = {
    "%(new)d new, %(upd)d updated": "신규 %(new)d건, 업데이트 %(upd)d건",
    "Scenario “%(name)s”": "시나리오 “%(name)s”",
    "Correct these rows, or import the file again with the box ticked to import only the valid rows.":
        "이 행들을 고치거나, 확인란을 선택한 뒤 파일을 다시 가져와 유효한 행만 가져오세요.",
    "Rows left out": "가져오지 않은 행",
    "Row": "행",
    "Column": "열",
    "Back to the system": "시스템으로 돌아가기",
}
