"""Chinese for session 23's item, alternative and waste-stream names per language (issue #12)."""

T = {
    'name': '名称',
    'This item has an alternative with this name already.': '此项目中已有同名备选方案。',
    'A CSV file or the Excel template, one row per stream and year (or month). Every row is checked first: nothing is imported unless every row is right, and each problem names its row and column. Streams are matched on area, English name, year and month, so importing the same file again changes nothing.': 'CSV 文件或 Excel 模板，每个废物流每年（或每月）一行。先检查每一行：只有全部正确才会导入，每个问题都会指明行和列。废物流按领域、英文名称、年份和月份匹配，因此再次导入同一文件不会有任何改动。',
}
