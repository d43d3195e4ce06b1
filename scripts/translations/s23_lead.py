"""Chinese for the lead's strings of session 23 (the List of Waste in four languages)."""

T = {
    'Duplicate id \'%(id)s\': already on line %(line)s of this file.': '重复的编号“%(id)s”：已在本文件第 %(line)s 行出现。',
    'Official text (English)': '官方文本（英文）',
}
