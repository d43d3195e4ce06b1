"""Korean for the waste app's strings."""

LANG = "ko"

T = {
    "File (CSV or Excel .xlsx)":
        "파일 (CSV 또는 Excel .xlsx)",
    "Area":
        "분야",
    "Quality":
        "데이터 품질",
    "Stream":
        "폐기물 흐름",
    "EU List of Waste code":
        "EU 폐기물 목록 코드",
    "Year":
        "연도",
    "Month (0 = whole year)":
        "월 (0 = 연간)",
    "Generated (t)":
        "발생량 (t)",
    "Collected (t)":
        "수거량 (t)",
    "Of which to uncontrolled sites (t)":
        "그중 비관리 시설행 (t)",
    "Utilised from storage (t)":
        "과거 보관분 이용량 (t)",
    "Source":
        "출처",
    "Reading and checking every row.":
        "모든 행을 읽고 확인하는 중입니다.",
    "Recycling rate":
        "재활용률",
    "Energy-recovery rate":
        "에너지 회수율",
    "Incineration rate (without energy recovery)":
        "소각률 (에너지 회수 없음)",
    "Landfill rate":
        "매립률",
    "Other routes":
        "기타 처리",
    "Comprehensive utilisation rate":
        "종합 이용률",
    "SDG 11.6.1: collected and managed in controlled facilities":
        "SDG 11.6.1: 수거되어 관리 시설에서 처리된 비율",
    "Industrial solid waste":
        "산업 고형 폐기물",
    "Agricultural waste":
        "농업 폐기물",
    "Household (municipal solid) waste":
        "생활 폐기물 (도시 고형 폐기물)",
    "Construction and demolition waste":
        "건설·철거 폐기물",
    "Hazardous waste":
        "유해 폐기물",
    "Preparing for reuse":
        "재사용 준비",
    "Recycling":
        "재활용",
    "Composting / anaerobic digestion":
        "퇴비화 / 혐기성 소화",
    "Incineration with energy recovery":
        "에너지 회수 소각",
    "Incineration without energy recovery":
        "에너지 회수 없는 소각",
    "Landfill":
        "매립",
    "Other":
        "기타",
    "measured":
        "실측",
    "estimated":
        "추정",
    "proxy":
        "대리 값",
    "computed":
        "계산값",
    "Only the editors of %(city)s or the secretariat can change its waste streams.":
        "%(city)s의 편집자 또는 사무국만 폐기물 흐름을 변경할 수 있습니다.",
    "axis from 0":
        "축은 0부터",
    "Waste streams of %(city)s":
        "%(city)s의 폐기물 흐름",
    "Waste streams":
        "폐기물 흐름",
    "Action plan":
        "실행 계획",
    "Every rate is computed from the tonnes recorded below; its formula is shown with it. Routes never add up to more than what was generated, so no rate exceeds 100 %%.":
        "모든 비율은 아래에 기록된 톤수로 계산되며 공식이 함께 표시됩니다. 처리량 합계는 발생량을 넘지 않으므로 비율이 100 %%를 넘지 않습니다.",
    "Import streams":
        "흐름 가져오기",
    "Add a stream":
        "흐름 추가",
    "Adopt the zero-waste pilot indicators":
        "'무폐 도시' 시범 지표 채택",
    "This city has adopted the zero-waste pilot indicators: their yearly values are computed from these streams and appear in its diagnosis; targets on them are set in the action plan.":
        "이 도시는 '무폐 도시' 시범 지표를 채택했습니다. 연간 값은 이 흐름에서 계산되어 진단에 표시되며, 목표는 실행 계획에서 설정합니다.",
    "Generated per year":
        "연간 발생량",
    "No rate: no tonnes generated, or no treatment route recorded (treatment unknown).":
        "비율 없음: 발생량이 없거나 처리 경로가 기록되지 않았습니다(처리 미상).",
    "Indicator":
        "지표",
    "target":
        "목표",
    "by":
        "기한",
    "details":
        "상세",
    "no target in the action plan":
        "실행 계획에 목표 없음",
    "set a target":
        "목표 설정",
    "Stream figures (tonnes)":
        "흐름 수치 (t)",
    "EWC":
        "EWC",
    "Generated":
        "발생량",
    "Collected":
        "수거량",
    "Reuse":
        "재사용",
    "Composting / AD":
        "퇴비화 / 혐기성 소화",
    "Energy recovery":
        "에너지 회수",
    "Incineration":
        "소각",
    "edit":
        "편집",
    "No waste streams recorded for this city yet.":
        "이 도시의 폐기물 흐름이 아직 기록되지 않았습니다.",
    "Import waste streams":
        "폐기물 흐름 가져오기",
    "Import waste streams of %(city)s":
        "%(city)s의 폐기물 흐름 가져오기",
    "A CSV file or the Excel template, one row per stream and year (or month). Every row is checked first: nothing is imported unless every row is right, and each problem names its row and column. Streams are matched on area, name, year and month, so importing the same file again changes nothing.":
        "CSV 파일 또는 Excel 템플릿으로, 흐름과 연도(또는 월)마다 한 행입니다. 먼저 모든 행을 확인하며 모두 올바를 때만 가져옵니다. 문제마다 행과 열을 알려 줍니다. 흐름은 분야·이름·연도·월로 대조하므로 같은 파일을 다시 가져와도 바뀌는 것이 없습니다.",
    "Columns":
        "열",
    "optional":
        "선택",
    "Template (Excel)":
        "템플릿 (Excel)",
    "Template (CSV)":
        "템플릿 (CSV)",
    "The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.":
        "파일이 커서 백그라운드에서 확인하고 가져오는 중입니다. 잘못된 행이 있으면 아무것도 가져오지 않으며, 이 페이지에 진행 상황이 표시됩니다.",
    "Nothing was imported. Please correct these rows:":
        "아무것도 가져오지 않았습니다. 다음 행을 고쳐 주세요:",
    "Import":
        "가져오기",
    "Each city's waste from generation to treatment, in the five areas of China's zero-waste pilot cities: industrial solid waste, agricultural waste, household waste, construction and demolition waste, hazardous waste. Rates are computed from the tonnes, never typed.":
        "각 도시의 폐기물을 발생부터 처리까지, 중국 '무폐 도시' 시범의 다섯 분야(산업 고형 폐기물, 농업 폐기물, 생활 폐기물, 건설·철거 폐기물, 유해 폐기물)로 보여 줍니다. 비율은 톤수로 계산하며 직접 입력하지 않습니다.",
    "City":
        "도시",
    "Stream figures":
        "흐름 수치",
    "Years":
        "연도",
    "Zero-waste indicators":
        "'무폐 도시' 지표",
    "adopted":
        "채택됨",
    "No city has recorded waste streams yet.":
        "아직 폐기물 흐름을 기록한 도시가 없습니다.",
    "Any city's waste page:":
        "각 도시의 폐기물 페이지:",
    "all cities":
        "모든 도시",
    "Import template (Excel)":
        "가져오기 템플릿 (Excel)",
    "Zero-waste city pilot indicators":
        "'무폐 도시' 시범 지표",
    "Code":
        "코드",
    "Formula":
        "공식",
    "Waste stream":
        "폐기물 흐름",
    "Change a stream":
        "흐름 변경",
    "All figures in tonnes. The routes together may not exceed what was generated.":
        "모든 수치는 톤 단위입니다. 처리량 합계는 발생량을 넘을 수 없습니다.",
    "Save":
        "저장",
    "Delete this stream":
        "이 흐름 삭제",
    "Stream saved.":
        "흐름을 저장했습니다.",
    "Stream deleted.":
        "흐름을 삭제했습니다.",
    "Zero-waste indicators adopted: their values are computed from the streams, and targets can be set on them in the action plan.":
        "'무폐 도시' 지표를 채택했습니다. 값은 흐름에서 계산되며 실행 계획에서 목표를 설정할 수 있습니다.",
    "Importing waste streams for %(city)s":
        "%(city)s의 폐기물 흐름을 가져오는 중",
    "%(rows)d rows read, %(changed)d created or changed.":
        "%(rows)d행을 읽고 %(changed)d행을 만들거나 변경했습니다.",
    "No treatment route is recorded for this area: its rates are unknown, not zero.":
        "이 분야에는 처리 경로가 기록되지 않았습니다. 비율은 0이 아니라 미상입니다.",
    "Report (Excel)":
        "보고서 (Excel)",
    "Report (PDF)":
        "보고서 (PDF)",
    "Treated (t)":
        "처리량 (t)",
    "Untreated (t)":
        "미처리량 (t)",
    "Month":
        "월",
    "rates":
        "비율",
    "streams":
        "흐름",
    "Rates computed from the tonnes recorded; a year with no treatment route recorded has no rate.":
        "비율은 기록된 톤수로 계산하며, 처리 경로가 기록되지 않은 연도에는 비율이 없습니다.",
    "Six digits, spaces and the hazardous asterisk allowed: 20 01 02":
        "여섯 자리 숫자, 공백과 유해 표시 별표 허용: 20 01 02",
    "upper bound":
        "상한값",
    "Some streams do not record the tonnes collected: their treated tonnes are counted as collected, so this share may be too high.":
        "일부 흐름에는 수거량이 기록되지 않았습니다. 처리량을 수거된 것으로 계산하므로 이 비율이 실제보다 높을 수 있습니다.",
    "Household waste recycling rate (latest year)":
        "생활 폐기물 재활용률 (최근 연도)",
}
