"""Japanese for the marketplace's material and place pickers and units."""

LANG = "ja"
T = {
    "Expected t, kg, m3 or pcs.": "単位は t、kg、m3、pcs のいずれかにしてください。",
    "Type words (concrete, textiles) or the start of an EU List of Waste code (17 01), then choose from the list; product categories are listed too.":
        "語句（concrete、textiles など）または欧州廃棄物リストのコードの先頭（17 01 など）を入力し、一覧から選んでください。製品カテゴリも表示されます。",
    "kilograms": "キログラム",
    "Materials": "資材",
    "No material matches; try fewer or other words.": "該当する資材がありません。語句を減らすか別の語句で試してください。",
    "Or find a place": "または場所を検索",
    "City, organisation or municipality": "都市、組織または市区町村",
    "Places": "場所",
    "No place matches.": "該当する場所がありません。",
    "Map: click to place the listing": "地図：クリックして掲載の場所を指定",
}
T.update({
    "code or words": "コードまたは語句",
    "Distance in km": "距離（km）",
    "km of": "km 以内、場所：",
    "a city or organisation": "都市または組織",
    "Place": "場所",
    "listings": "件の掲載",
    "Distance filter: choose a place from the list, or give a latitude (-90..90) and a longitude (-180..180).":
        "距離での絞り込み：一覧から場所を選ぶか、緯度（-90..90）と経度（-180..180）を指定してください。",
})
