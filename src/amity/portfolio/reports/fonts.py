"""A font for Korean text in PDFs.

reportlab embeds TrueType outlines only (not the CFF outlines of Noto Sans CJK .otf),
so candidates are tried in turn: $AMITY_PDF_FONT, the Nanum Gothic that ships with Amity
(fonts_data/), then well-known paths and fonts fontconfig lists for Korean. When none
works (a broken install) the PDF says so instead of failing.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FALLBACK = "Helvetica"
SHIPPED = str(Path(__file__).with_name("fonts_data") / "NanumGothic.ttf")
KNOWN_PATHS = [
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/usr/share/fonts/truetype/baekmuk/gulim.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansKR-Regular.ttf",
]


def _fontconfig_korean() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=ko", "file"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = [line.split(":")[0].strip() for line in out.splitlines() if line.strip()]
    # TrueType first; reportlab cannot embed CFF (.otf) outlines.
    return sorted(paths, key=lambda p: (not p.lower().endswith((".ttf", ".ttc")), p))


def _candidates() -> list[str]:
    env = os.environ.get("AMITY_PDF_FONT")
    return [*([env] if env else []), SHIPPED, *KNOWN_PATHS, *_fontconfig_korean()]


@functools.lru_cache(maxsize=1)
def korean_font() -> str | None:
    """Register and return the name of a font that has Hangul glyphs, or None."""
    for path in _candidates():
        if not Path(path).is_file():
            continue
        try:
            font = TTFont("AmityKorean", path, subfontIndex=0) if path.lower().endswith(".ttc") \
                else TTFont("AmityKorean", path)
        except Exception:  # not embeddable by reportlab (e.g. CFF outlines): try the next one
            continue
        if 0xAC00 not in font.face.charToGlyph:  # "가": the font must really cover Hangul
            continue
        pdfmetrics.registerFont(font)
        return "AmityKorean"
    return None


def body_font() -> tuple[str, str | None]:
    """(font name, a note for the reader when Korean cannot be shown)."""
    name = korean_font()
    if name:
        return name, None
    return FALLBACK, ("No Korean-capable TrueType font was found on this machine, so Korean text may not "
                      "display in this PDF. Install one (e.g. Debian's fonts-nanum) or set AMITY_PDF_FONT.")


def has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f" for ch in text)
