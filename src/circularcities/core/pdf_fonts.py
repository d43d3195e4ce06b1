"""Fonts for PDF reports that contain Chinese.

ReportLab embeds TrueType-outline fonts only. We look for one that covers
CJK (Debian's fonts-wqy-zenhei, fonts-arphic-*, Droid Sans Fallback); when
none is installed we use ReportLab's built-in Adobe-GB1 CID font
``STSong-Light``, which PDF viewers draw with their own Chinese font, so the
text is never lost as empty boxes.
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


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register fonts with ReportLab; return (regular, bold) font names usable for CJK text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    path = find_cjk_font()
    if path is not None:
        try:
            kwargs = {"subfontIndex": 0} if path.suffix == ".ttc" else {}
            pdfmetrics.registerFont(TTFont("CC-CJK", str(path), **kwargs))
            return "CC-CJK", "CC-CJK"
        except Exception:  # a font that ReportLab cannot read: fall back below
            pass
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light", "STSong-Light"
