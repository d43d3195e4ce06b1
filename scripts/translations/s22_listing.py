"""Chinese for session 22's listing titles per language (issue #12)."""

T = {
    'Give a title in English.': '请填写英文标题。',
}
