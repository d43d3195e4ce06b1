"""Korean for session 22's listing titles per language (issue #12)."""

LANG = "ko"

T = {
    'Give a title in English.': '영어 제목을 입력하십시오.',
}
