"""Japanese for session 23's last two-language marketplace content moved to per-language text (issue #12)."""

LANG = "ja"

T = {
    'What flows': '流れるもの',
}
