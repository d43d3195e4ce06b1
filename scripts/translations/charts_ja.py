"""Japanese for chart descriptions and axes (marketplace metrics)."""

LANG = "ja"
T = {
    "tonnes, logarithmic scale (each step is ten times the last)": "トン、対数目盛（1目盛ごとに10倍）",
    "Exchanges per month; the numbers are in the table below the charts.": "月別の交換件数。数値はグラフの下の表にあります。",
    "Tonnes diverted and t CO2e avoided, cumulative; the numbers are in the table below the charts.": "累計の転換量（t）と回避した CO2e（t）。数値はグラフの下の表にあります。",
    "Value created per month, one chart per currency; the numbers are in the table below the charts.": "月別の創出価値（通貨ごとに1つのグラフ）。数値はグラフの下の表にあります。",
    "Tonnes available and wanted by material; the numbers are in the tables below.": "資材別の提供量と需要量（t）。数値は下の表にあります。",
    "The charts' numbers as a table": "グラフの数値を表で見る",
}
