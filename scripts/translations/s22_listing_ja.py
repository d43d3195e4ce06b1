"""Japanese for session 22's listing titles per language (issue #12)."""

LANG = "ja"

T = {
    'Give a title in English.': '英語のタイトルを入力してください。',
}
