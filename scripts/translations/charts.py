"""Chinese for chart descriptions and axes (marketplace metrics)."""

T = {
    "tonnes, logarithmic scale (each step is ten times the last)": "吨，对数刻度（每一格是前一格的十倍）",
    "Exchanges per month; the numbers are in the table below the charts.": "每月交换次数；数值见图表下方的表格。",
    "Tonnes diverted and t CO2e avoided, cumulative; the numbers are in the table below the charts.": "累计转移吨数和累计避免的二氧化碳当量吨数；数值见图表下方的表格。",
    "Value created per month, one chart per currency; the numbers are in the table below the charts.": "每月创造的价值，每种货币一张图；数值见图表下方的表格。",
    "Tonnes available and wanted by material; the numbers are in the tables below.": "按物料分列的可供吨数和需求吨数；数值见下方表格。",
    "The charts' numbers as a table": "以表格查看图表数值",
}
