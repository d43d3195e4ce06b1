"""Japanese for the lead's strings of session 23 (the List of Waste in four languages)."""

LANG = "ja"

T = {
    'Official text (English)': '公式の文面（英語）',
}
