"""Korean for conversions between layers (systems app and core)."""

LANG = "ko"

T = {
    'Uses up': '소비',
    'Yields': '산출',
    'Share used up of what the process receives': '공정이 받는 양 중 소비되는 비율',
    'Yield per unit used up': '소비 1단위당 산출',
    "e.g. 0.5 MWh per t; a number or a parameter's name": '예: t당 0.5 MWh. 숫자 또는 매개변수 이름',
    'Conversions between layers': '레이어 간 변환',
    'Where one layer becomes another: the share of what the process receives in one layer that is used up, and what each unit used up yields in another layer. Both sides count in the balance.': '한 레이어가 다른 레이어로 바뀌는 곳입니다. 공정이 한 레이어에서 받는 양 중 소비되는 비율과, 소비 1단위가 다른 레이어에서 만들어 내는 양입니다. 양쪽 모두 수지에 포함됩니다.',
    'Share used up': '소비 비율',
    'Yield per unit': '단위당 산출',
    'In %(year)s': '%(year)s년',
    'Actions': '작업',
    'No conversion.': '변환이 없습니다.',
    'Add or change a conversion': '변환 추가 또는 변경',
    'Save the conversion': '변환 저장',
    'Conversion at %(process)s saved.': '%(process)s의 변환을 저장했습니다.',
    'Conversion removed.': '변환을 삭제했습니다.',
    'Converted from %(layer)s': '%(layer)s에서 변환',
    'Converted into %(layer)s': '%(layer)s(으)로 변환',
    'Expected a layer other than the one converted from (%(value)s).': '변환 전 레이어(%(value)s)와 다른 레이어를 지정하십시오.',
}
