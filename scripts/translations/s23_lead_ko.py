"""Korean for the lead's strings of session 23 (the List of Waste in four languages)."""

LANG = "ko"

T = {
    'Official text (English)': '공식 원문(영어)',
}
