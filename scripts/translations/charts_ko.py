"""Korean for chart descriptions and axes (marketplace metrics)."""

LANG = "ko"
T = {
    "tonnes, logarithmic scale (each step is ten times the last)": "톤, 로그 눈금(한 칸마다 10배)",
    "Exchanges per month; the numbers are in the table below the charts.": "월별 교환 건수. 수치는 차트 아래 표에 있습니다.",
    "Tonnes diverted and t CO2e avoided, cumulative; the numbers are in the table below the charts.": "누적 전환량(t)과 누적 CO2e 감축량(t). 수치는 차트 아래 표에 있습니다.",
    "Value created per month, one chart per currency; the numbers are in the table below the charts.": "월별 창출 가치(통화별 차트). 수치는 차트 아래 표에 있습니다.",
    "Tonnes available and wanted by material; the numbers are in the tables below.": "자재별 공급량과 수요량(t). 수치는 아래 표에 있습니다.",
    "The charts' numbers as a table": "차트 수치를 표로 보기",
}
