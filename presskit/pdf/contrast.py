"""Colour contrast as WCAG 2 defines it, and a readable band colour from a brand colour."""

from __future__ import annotations

from reportlab.lib.colors import Color

#: WCAG 2.x level AA for normal text.
AA_NORMAL = 4.5


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: Color) -> float:
    r, g, b = colour.red, colour.green, colour.blue
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: Color, b: Color) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darkened_for(background: Color, text: Color, minimum: float = AA_NORMAL) -> Color:
    """``background`` mixed with black in small steps until ``text`` on it reaches
    ``minimum`` (same hue, a deeper shade); unchanged if it already does."""
    colour = background
    for step in range(1, 101):
        if contrast_ratio(colour, text) >= minimum:
            return colour
        keep = 1 - step / 100
        colour = Color(background.red * keep, background.green * keep, background.blue * keep)
    return colour
