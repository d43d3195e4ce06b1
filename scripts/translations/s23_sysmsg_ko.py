"""Korean for the messages that refuse an urban-metabolism system definition (issues #12, #13)."""

LANG = "ko"

T = {
    # lifetimes
    "Expected a lifetime dict with a 'distribution' key, got %(value)s.":
        "수명은 'distribution' 키가 있는 딕셔너리여야 합니다. 입력값: %(value)s.",
    "Expected distribution one of %(kinds)s, got %(value)s.":
        "분포는 %(kinds)s 중 하나여야 합니다. 입력값: %(value)s.",
    "; missing %(keys)s": "(누락: %(keys)s)",
    "; unexpected %(keys)s": "(불필요: %(keys)s)",
    "Expected keys %(keys)s for a %(kind)s lifetime%(missing)s%(extra)s.":
        "%(kind)s 수명에는 키 %(keys)s가 필요합니다%(missing)s%(extra)s.",
    "Expected %(name)s to be a finite number, got %(value)s.":
        "%(name)s은(는) 유한한 숫자여야 합니다. 입력값: %(value)s.",
    "Expected %(name)s >= 0, got %(value)s.": "%(name)s은(는) 0 이상이어야 합니다. 입력값: %(value)s.",
    "Expected %(name)s > 0, got %(value)s.": "%(name)s은(는) 0보다 커야 합니다. 입력값: %(value)s.",
    # definition parts
    "Expected a dimension letter (one letter), got %(value)s.":
        "차원 기호는 영문자 한 글자여야 합니다. 입력값: %(value)s.",
    "Expected dimension %(name)s to have at least one item.": "차원 %(name)s에는 항목이 하나 이상 있어야 합니다.",
    "Expected the items of dimension %(name)s to differ from each other.": "차원 %(name)s의 항목이 중복됩니다.",
    "Expected parameter %(name)s to have a value for %(year)s.":
        "매개변수 %(name)s에 %(year)s년 값이 없습니다.",
    "Unknown layer %(code)s.": "알 수 없는 레이어 %(code)s입니다.",
    "Unknown process %(code)s.": "알 수 없는 프로세스 %(code)s입니다.",
    "Expected conversions between layers without a loop; these layers convert into each other: %(layers)s.":
        "레이어 간 변환이 순환을 이룹니다. 서로 변환되는 레이어: %(layers)s.",
    "Expected at least one year.": "연도가 하나 이상 있어야 합니다.",
    "Expected at most %(n)d years.": "연도는 최대 %(n)d개까지입니다.",
    "Expected consecutive years without gaps.": "연도는 빠짐없이 연속되어야 합니다.",
    "Expected every process code once.": "프로세스 코드가 중복됩니다. 각 코드는 한 번만 쓰세요.",
    "Expected the boundary process %(code)s.": "시스템 경계 프로세스 %(code)s가 있어야 합니다.",
    "Expected at most %(processes)d processes and %(flows)d flows.":
        "프로세스는 최대 %(processes)d개, 흐름은 최대 %(flows)d개까지입니다.",
    "Expected at least one layer, each code once.":
        "레이어가 하나 이상 있어야 하며, 각 레이어 코드는 한 번만 쓰세요.",
    "Expected every parameter name once.": "매개변수 이름이 중복됩니다. 각 이름은 한 번만 쓰세요.",
    "flow %(origin)s → %(destination)s (%(layer)s)": "흐름 %(origin)s → %(destination)s (%(layer)s)",
    "%(where)s: unknown process %(code)s.": "%(where)s: 알 수 없는 프로세스 %(code)s입니다.",
    "%(where)s: unknown layer %(code)s.": "%(where)s: 알 수 없는 레이어 %(code)s입니다.",
    "%(where)s: given twice; one flow per origin, destination and layer.":
        "%(where)s: 중복됩니다. 출발지, 도착지, 레이어 조합마다 흐름은 하나입니다.",
    "%(where)s: year %(year)s is not one of the system's years.":
        "%(where)s: %(year)s년은 시스템의 대상 연도가 아닙니다.",
    "%(where)s: %(item)s is not an item of the second dimension.":
        "%(where)s: %(item)s은(는) 두 번째 차원의 항목이 아닙니다.",
    "%(where)s: a flow from the boundary needs amounts, not a share.":
        "%(where)s: 시스템 경계에서 오는 흐름에는 배분율이 아니라 양을 입력하세요.",
    "%(where)s: what leaves an inflow-driven stock is computed by its lifetime; give no share.":
        "%(where)s: 유입 주도 저량에서 나가는 양은 수명으로 계산됩니다. 배분율을 입력하지 마세요.",
    "%(where)s: unknown parameter %(name)s.": "%(where)s: 알 수 없는 매개변수 %(name)s입니다.",
    "stock at %(process)s (%(layer)s)": "%(process)s의 저량 (%(layer)s)",
    "%(where)s: expected a process of the system other than the boundary.":
        "%(where)s: 시스템 경계가 아닌 시스템 내 프로세스여야 합니다.",
    "%(where)s: given twice.": "%(where)s: 중복됩니다.",
    "%(where)s: expected the outflow to go to another process of the system.":
        "%(where)s: 유출은 시스템 내 다른 프로세스로 가야 합니다.",
    "%(where)s: a dynamic stock model needs at least three years.":
        "%(where)s: 동적 저량 모델에는 3년 이상이 필요합니다.",
    "conversion at %(process)s (%(from_layer)s → %(to_layer)s)":
        "%(process)s의 변환 (%(from_layer)s → %(to_layer)s)",
    "indicator %(code)s: unknown layer %(layer)s.": "지표 %(code)s: 알 수 없는 레이어 %(layer)s입니다.",
    "indicator %(code)s: unknown process in %(origin)s → %(destination)s.":
        "지표 %(code)s: %(origin)s → %(destination)s에 알 수 없는 프로세스가 있습니다.",
    "Expected one of the system's years, got %(year)s.": "시스템의 대상 연도여야 합니다. 입력값: %(year)s.",
    "Expected parameter %(name)s, used as %(what)s, to lie in 0..1 every year.":
        "%(what)s(으)로 쓰이는 매개변수 %(name)s은(는) 매년 0~1 사이여야 합니다.",
    "Expected parameter %(name)s, used as %(what)s, not to be negative.":
        "%(what)s(으)로 쓰이는 매개변수 %(name)s은(는) 음수일 수 없습니다.",
    "a share of %(origin)s → %(destination)s": "%(origin)s → %(destination)s의 배분율",
    "Expected the shares in layer %(layer)s to leave every loop; a closed loop of shares adding to 1 cannot be solved.":
        "레이어 %(layer)s의 배분율은 모든 순환에서 유출이 있어야 합니다. 배분율 합이 1인 닫힌 순환은 풀 수 없습니다.",
    "Expected the shares to leave every loop; a closed loop of shares adding to 1 cannot be solved.":
        "배분율은 모든 순환에서 유출이 있어야 합니다. 배분율 합이 1인 닫힌 순환은 풀 수 없습니다.",
    "Expected the shares leaving %(process)s (%(layer)s, %(year)s) to add up to at most 1, got %(total)s.":
        "%(process)s에서 나가는 배분율(%(layer)s, %(year)s년)의 합은 1 이하여야 합니다. 합계: %(total)s.",
    "used up at %(process)s": "%(process)s의 소비율",
    "the conversion factor at %(process)s": "%(process)s의 변환 계수",
    "Unknown parameter %(name)s.": "알 수 없는 매개변수 %(name)s입니다.",
    "No flow %(origin)s → %(destination)s in layer %(layer)s to remove.":
        "레이어 %(layer)s에 삭제할 흐름 %(origin)s → %(destination)s이(가) 없습니다.",
    "Expected the two systems to share at least one year.": "두 시스템에 공통 연도가 하나 이상 있어야 합니다.",
    # reading a workbook or JSON
    "Expected an origin listed on the sheet 'processes', got %(value)s.":
        "출발지는 'processes' 시트에 있는 프로세스여야 합니다. 입력값: %(value)s.",
    "Expected a destination listed on the sheet 'processes', got %(value)s.":
        "도착지는 'processes' 시트에 있는 프로세스여야 합니다. 입력값: %(value)s.",
    "Expected a layer listed on the sheet 'layers', got %(value)s.":
        "레이어는 'layers' 시트에 있는 레이어여야 합니다. 입력값: %(value)s.",
    "%(where)s: expected an object of year: value.": "%(where)s: '연도: 값' 형식의 객체여야 합니다.",
    "%(where)s: expected a year as key, got %(key)s.": "%(where)s: 키는 연도여야 합니다. 입력값: %(key)s.",
    "Expected key %(key)s in the definition.": "정의에 키 %(key)s가 없습니다.",
    "Expected the shape of a system definition: %(error)s.": "시스템 정의 형식이 아닙니다: %(error)s.",
    "Expected a JSON object with dimensions, processes, layers and flows.":
        "dimensions, processes, layers, flows가 있는 JSON 객체여야 합니다.",
    "Expected a time dimension with letter 't' and its years as items.":
        "기호가 't'이고 항목이 연도인 시간 차원이 있어야 합니다.",
    "Expected at most one dimension besides time.": "시간 외의 차원은 하나까지입니다.",
    "Expected origin>destination, got %(value)s.": "'출발지>도착지' 형식이어야 합니다. 입력값: %(value)s.",
    # dynamic stock models (core/mfa/stock.py)
    "inflow": "유입량",
    "stock": "저량",
    "Expected %(name)s to be a list of numbers.": "%(name)s은(는) 숫자 목록이어야 합니다.",
    "Expected %(name)s to have one value per year (%(n)s), got %(got)s.":
        "%(name)s은(는) 연도마다 값이 하나씩(%(n)s개) 있어야 합니다. 입력: %(got)s개.",
    "Expected every %(name)s value to be a finite number.": "%(name)s의 모든 값은 유한한 숫자여야 합니다.",
    "Expected %(name)s >= 0 in every year.": "%(name)s은(는) 매년 0 이상이어야 합니다.",
    "Expected at least three years.": "연도가 3개 이상 있어야 합니다.",
    "Expected whole years, got %(value)s.": "연도는 정수여야 합니다. 입력값: %(value)s.",
    "Expected years strictly increasing and consecutive (step 1).": "연도는 1년 간격으로 연속해서 증가해야 합니다.",
    "Expected exactly one of inflow and stock.": "유입량과 저량 중 하나만 입력하세요.",
    "Expected a lifetime.": "수명을 입력하세요.",
    "Expected a lifetime under which products survive their first year; a stock-driven model cannot be solved otherwise.":
        "제품이 첫해를 넘겨 남는 수명이어야 합니다. 그렇지 않으면 저량 주도 모델을 풀 수 없습니다.",
    # systems/services.py (Django catalogue of the systems app)
    "This change leaves an imbalance that is not accepted, and balance is blocking for this system: accept the imbalance with a reason, or unpublish first.":
        "이 변경은 승인되지 않은 불균형을 남기며, 이 시스템에서는 수지 불균형이 게시를 막습니다. 사유와 함께 불균형을 승인하거나 먼저 게시를 취소하세요.",
    "Unknown fields: %(fields)s.": "알 수 없는 항목: %(fields)s.",
    "No flow %(origin)s → %(destination)s in layer %(layer)s.":
        "레이어 %(layer)s에 흐름 %(origin)s → %(destination)s이(가) 없습니다.",
    "No conversion of %(from_layer)s into %(to_layer)s at %(process)s.":
        "%(process)s에 %(from_layer)s에서 %(to_layer)s(으)로의 변환이 없습니다.",
}
P: dict = {}
