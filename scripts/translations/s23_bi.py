"""Chinese for session 23's last two-language marketplace content moved to per-language text (issue #12)."""

T = {
    'What flows': '流动内容',
}
