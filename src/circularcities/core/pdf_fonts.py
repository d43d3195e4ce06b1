"""Fonts for PDF reports that contain Chinese, Japanese or Korean.

ReportLab embeds TrueType-outline fonts only (the Noto CJK fonts are OpenType
with PostScript outlines, which it cannot embed). We look for one that covers
the report's script (Debian's fonts-wqy-zenhei covers Han, kana and Hangul;
fonts-arphic-*, Droid Sans Fallback) and check that it has glyphs for the
language; when none is installed we use ReportLab's built-in CID font of the
language (Adobe-GB1 ``STSong-Light``, Adobe-Japan1 ``HeiseiKakuGo-W5``,
Adobe-Korea1 ``HYGothic-Medium``), which PDF viewers draw with their own font,
so the text is never lost as empty boxes.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
]


@lru_cache(maxsize=1)
def find_cjk_font() -> Path | None:
    """Path of an installed TrueType font with CJK glyphs, or None.

    ``CIRCULARCITIES_CJK_FONT`` may name one explicitly.
    """
    explicit = os.environ.get("CIRCULARCITIES_CJK_FONT")
    if explicit and Path(explicit).exists():
        return Path(explicit)
    for candidate in CANDIDATES:
        if Path(candidate).exists():
            return Path(candidate)
    return None


# ReportLab's built-in CID fonts, one per language, when no TrueType font covers it.
CID_FONTS = {"zh": "STSong-Light", "ja": "HeiseiKakuGo-W5", "ko": "HYGothic-Medium"}
# Characters a font must have to be used for a language.
SAMPLES = {"zh": "中文汉字", "ja": "日本語のかなカナ", "ko": "한국어 글자"}


def script_language(text: str) -> str:
    """'ko' if ``text`` has Hangul, 'ja' if it has kana, else 'zh' (Han or none)."""
    if any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" for ch in text):
        return "ko"
    if any("\u3040" <= ch <= "\u30ff" for ch in text):
        return "ja"
    return "zh"


@lru_cache(maxsize=1)
def _truetype():
    """The installed TrueType CJK font registered as 'CC-CJK', or None."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = find_cjk_font()
    if path is None:
        return None
    try:
        kwargs = {"subfontIndex": 0} if path.suffix == ".ttc" else {}
        font = TTFont("CC-CJK", str(path), **kwargs)
    except Exception:  # a font that ReportLab cannot read: fall back to CID fonts
        return None
    pdfmetrics.registerFont(font)
    return font


def covers(font, text: str) -> bool:
    """Whether the TrueType ``font`` has a glyph for every non-space character of ``text``."""
    glyphs = font.face.charToGlyph
    return all(ord(ch) in glyphs for ch in text if not ch.isspace())


@lru_cache(maxsize=8)
def register_fonts(language: str = "zh") -> tuple[str, str]:
    """Register fonts with ReportLab; return (regular, bold) font names for CJK text in
    ``language`` ('zh', 'ja', 'ko'; a code such as 'zh-hans' or 'ja-JP' works too)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    lang = language.lower().split("-")[0]
    lang = lang if lang in CID_FONTS else "zh"
    font = _truetype()
    if font is not None and covers(font, SAMPLES[lang]):
        return "CC-CJK", "CC-CJK"
    cid = CID_FONTS[lang]
    pdfmetrics.registerFont(UnicodeCIDFont(cid))
    return cid, cid
