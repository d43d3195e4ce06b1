"""Chinese for the marketplace's material and place pickers and units."""

T = {
    "Expected t, kg, m3 or pcs.": "单位应为 t、kg、m3 或 pcs。",
    "Type words (concrete, textiles) or the start of an EU List of Waste code (17 01), then choose from the list; product categories are listed too.":
        "输入词语（如 concrete、textiles）或欧盟废物名录代码的开头（如 17 01），然后从列表中选择；列表中也有产品类别。",
    "kilograms": "千克",
    "Materials": "物料",
    "No material matches; try fewer or other words.": "没有匹配的物料；请减少或更换词语。",
    "Or find a place": "或查找地点",
    "City, organisation or municipality": "城市、组织或市町村",
    "Places": "地点",
    "No place matches.": "没有匹配的地点。",
    "Map: click to place the listing": "地图：点击以放置信息位置",
}
T.update({
    "code or words": "代码或词语",
    "Distance in km": "距离（千米）",
    "km of": "千米以内，地点：",
    "a city or organisation": "城市或组织",
    "Place": "地点",
    "listings": "条登记",
    "Distance filter: choose a place from the list, or give a latitude (-90..90) and a longitude (-180..180).":
        "距离筛选：请从列表中选择地点，或给出纬度（-90..90）和经度（-180..180）。",
})
