"""Korean for the waste-stream rules in core (core catalogue)."""

LANG = "ko"
T = {
    'The treatment routes add up to %(routes)s t, more than the %(generated)s t generated.': '처리 경로 합계 %(routes)s t가 발생량 %(generated)s t보다 많습니다.',
    'Collected (%(collected)s t) is more than generated (%(generated)s t).': '수거량(%(collected)s t)이 발생량(%(generated)s t)보다 많습니다.',
    'Uncontrolled disposal (%(value)s t) is more than landfill, incineration and other together (%(limit)s t).': '비관리 처분량(%(value)s t)이 매립·소각·기타의 합(%(limit)s t)보다 많습니다.',
    'Waste utilised from storage is recorded for industrial solid waste only.': '저장분 활용량은 산업 고형 폐기물에 대해서만 기록합니다.',
    'Expected a month from 1 to 12; got %(value)s.': '월은 1에서 12 사이여야 합니다. 입력값: %(value)s.',
    "'%(value)s' is not a code of the EU List of Waste (six digits such as 20 01 08).": "'%(value)s'은(는) EU 폐기물 목록 코드가 아닙니다(20 01 08과 같은 6자리).",
}
