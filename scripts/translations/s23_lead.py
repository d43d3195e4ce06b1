"""Chinese for the lead's strings of session 23 (the List of Waste in four languages)."""

T = {
    'Official text (English)': '官方文本（英文）',
}
