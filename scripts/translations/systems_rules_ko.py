"""Korean for the systems rules (core catalogue and the systems app)."""

LANG = "ko"
T = {
    "Expected a code of letters, digits, '_' or '-' (at most 60, starting with a letter or digit); got %(value)s.": "코드는 영문자, 숫자, '_', '-'로 60자 이내이며 영문자나 숫자로 시작해야 합니다. 입력값: %(value)s.",
    "Expected a destination other than the origin (%(value)s).": "도착지는 출발지(%(value)s)와 달라야 합니다.",
    "Expected either amounts per year or a share, not both.": "연도별 양이나 비율 중 하나만 입력하십시오.",
    "Expected at most %(n)s years.": "최대 %(n)s년까지입니다.",
    "Unknown process %(code)s.": "알 수 없는 프로세스 %(code)s입니다.",
    "Unknown layer %(code)s.": "알 수 없는 레이어 %(code)s입니다.",
    "The boundary process cannot be removed.": "시스템 경계는 삭제할 수 없습니다.",
    "Expected at least three years of values.": "최소 3년치 값이 필요합니다.",
    "Expected the last year to be %(max)s at the latest.": "마지막 연도는 늦어도 %(max)s년이어야 합니다.",
}
