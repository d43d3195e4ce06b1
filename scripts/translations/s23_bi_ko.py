"""Korean for session 23's last two-language marketplace content moved to per-language text (issue #12)."""

LANG = "ko"

T = {
    'What flows': '흐르는 것',
}
