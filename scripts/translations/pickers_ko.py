"""Korean for the marketplace's material and place pickers and units."""

LANG = "ko"
T = {
    "Expected t, kg, m3 or pcs.": "단위는 t, kg, m3, pcs 중 하나여야 합니다.",
    "Type words (concrete, textiles) or the start of an EU List of Waste code (17 01), then choose from the list; product categories are listed too.":
        "단어(concrete, textiles 등)나 EU 폐기물 목록 코드의 앞부분(17 01 등)을 입력한 뒤 목록에서 고르십시오. 제품 범주도 함께 표시됩니다.",
    "kilograms": "킬로그램",
    "Materials": "자재",
    "No material matches; try fewer or other words.": "일치하는 자재가 없습니다. 단어를 줄이거나 다른 단어로 시도하십시오.",
    "Or find a place": "또는 장소 찾기",
    "City, organisation or municipality": "도시, 조직 또는 기초자치단체",
    "Places": "장소",
    "No place matches.": "일치하는 장소가 없습니다.",
    "Map: click to place the listing": "지도: 클릭하여 등록 위치 지정",
}
T.update({
    "code or words": "코드 또는 단어",
    "Distance in km": "거리(km)",
    "km of": "km 이내, 장소:",
    "a city or organisation": "도시 또는 조직",
    "Place": "장소",
    "listings": "건의 등록",
    "Distance filter: choose a place from the list, or give a latitude (-90..90) and a longitude (-180..180).":
        "거리 필터: 목록에서 장소를 고르거나 위도(-90..90)와 경도(-180..180)를 입력하십시오.",
})
