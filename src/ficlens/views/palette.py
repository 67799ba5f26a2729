"""Per-character colours for the reading view: a light tint to read dark text on, and a strong shade
for lines, underlines and chart marks.

Hues are spread by the golden angle so neighbours in the cast list never look alike, however many
characters there are; lightness is fixed so every tint keeps WCAG AA contrast with near-black text.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

GOLDEN_ANGLE = 137.508
UNKNOWN_TINT = "#e4e4e4"      # quotes without a speaker
UNKNOWN_STRONG = "#6b6b6b"


@dataclass(frozen=True, slots=True)
class Swatch:
    tint: str     # background behind text (lightness ~88%: contrast > 12:1 with #1a1a1a)
    strong: str   # borders, underlines, chart lines (contrast >= 3:1 on white)


def _hex(h: float, lightness: float, saturation: float) -> str:
    r, g, b = colorsys.hls_to_rgb(h / 360.0, lightness, saturation)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def swatch(index: int) -> Swatch:
    """The colours of the ``index``-th character (0 = the one who speaks most)."""
    hue = (25.0 + index * GOLDEN_ANGLE) % 360.0
    # Alternate two tint lightnesses after the first cycle so hues that come round again differ.
    lightness = 0.87 if (index // 8) % 2 == 0 else 0.91
    return Swatch(tint=_hex(hue, lightness, 0.75), strong=_hex(hue, 0.34, 0.65))


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1..21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
