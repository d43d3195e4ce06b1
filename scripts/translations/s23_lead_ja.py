"""Japanese for the lead's strings of session 23 (the List of Waste in four languages)."""

LANG = "ja"

T = {
    'Duplicate id \'%(id)s\': already on line %(line)s of this file.': 'ID「%(id)s」が重複しています。このファイルの %(line)s 行目にすでにあります。',
    'Official text (English)': '公式の文面（英語）',
}
