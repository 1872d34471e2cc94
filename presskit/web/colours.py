"""The brand's colours made readable on screen: WCAG 2.1 contrast of at least 4.5:1.

The website sets text in the brand's primary, text and muted colours on white and
on the shade colour, and white text on the primary colour (the header). A brand
colour too light for that is darkened just enough (mixed with black in small
steps), a shade too dark to be a light background is lightened; colours that
already pass are kept as they are.
"""

from __future__ import annotations

__all__ = ["contrast", "web_colours", "MINIMUM"]

MINIMUM = 4.5
WHITE = "#FFFFFF"
STEPS = 50
LIGHT = 12.0   # the shade is a light background: at least this against black


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in rgb)


def _luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(colour: str, target: str, amount: float) -> str:
    c, t = _rgb(colour), _rgb(target)
    return _hex(tuple(ci + (ti - ci) * amount for ci, ti in zip(c, t)))  # type: ignore[arg-type]


def _until(colour: str, target: str, backgrounds: tuple[str, ...], minimum: float = MINIMUM) -> str:
    """``colour`` moved towards ``target`` (in steps of 2 %) until it reads on every background."""
    for step in range(STEPS + 1):
        out = _mix(colour, target, step / STEPS) if step else colour
        if min(contrast(out, bg) for bg in backgrounds) >= minimum:
            return out
    return target


def web_colours(primary: str, accent: str, text: str, muted: str, shade: str) -> dict[str, str]:
    """The CSS colours: the brand's, adjusted only where text would not be readable."""
    shade = _until(shade, WHITE, ("#000000",), LIGHT)
    backgrounds = (WHITE, shade)
    return {
        "primary": _until(primary, "#000000", backgrounds),
        "accent": accent,                      # borders and rules only, never text
        "text": _until(text, "#000000", backgrounds),
        "muted": _until(muted, "#000000", backgrounds),
        "shade": shade,
    }
