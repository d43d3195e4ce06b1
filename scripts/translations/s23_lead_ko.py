"""Korean for the lead's strings of session 23 (the List of Waste in four languages)."""

LANG = "ko"

T = {
    'Duplicate id \'%(id)s\': already on line %(line)s of this file.': '중복된 ID \'%(id)s\': 이 파일의 %(line)s행에 이미 있습니다.',
    'Official text (English)': '공식 원문(영어)',
}
