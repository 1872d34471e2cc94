"""Draw the small illustration of tests/corpus/2027-05-11-kreismusikschule-jubilaeum.yaml.

A flat, poster-like picture (no photograph, nothing to license): a stage with
music stands, a cello, a trumpet and the number 50 in the brand's colours.
Deterministic: the same Pillow gives the same PNG.

    python tests/corpus/images/make_corpus_image.py [OUTPUT.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 900, 500
DEFAULT_OUTPUT = Path(__file__).with_name("kreismusikschule-buehne.png")
PRIMARY, ACCENT, SHADE, DARK = (27, 94, 126), (122, 154, 46), (238, 243, 246), (29, 29, 27)


def draw() -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), SHADE)
    d = ImageDraw.Draw(image)
    d.rectangle([0, 360, WIDTH, HEIGHT], fill=(150, 105, 60))           # stage floor
    d.rectangle([0, 350, WIDTH, 362], fill=(110, 75, 40))
    for x in (90, 780):                                                  # curtains
        d.rectangle([x - 90, 0, x + 30, 350], fill=(150, 30, 40))
    d.ellipse([330, 60, 570, 300], fill=PRIMARY)                         # the "50" disc
    d.text((390, 120), "50", fill=SHADE, font_size=110)
    for x in (210, 640):                                                 # music stands
        d.line([x, 250, x, 360], fill=DARK, width=6)
        d.polygon([(x - 45, 200), (x + 45, 200), (x + 35, 255), (x - 35, 255)], fill=DARK)
    d.ellipse([260, 250, 330, 340], fill=(160, 80, 30))                  # cello body
    d.ellipse([270, 210, 320, 270], fill=(160, 80, 30))
    d.line([295, 120, 295, 350], fill=DARK, width=5)
    d.line([560, 300, 700, 300], fill=(200, 160, 40), width=10)          # trumpet
    d.polygon([(700, 280), (740, 265), (740, 335), (700, 320)], fill=(200, 160, 40))
    d.rectangle([600, 285, 640, 300], fill=(200, 160, 40))
    for i in range(7):                                                   # notes
        x, y = 120 + i * 110, 40 + (i % 3) * 25
        d.ellipse([x, y + 30, x + 22, y + 46], fill=ACCENT)
        d.line([x + 21, y, x + 21, y + 38], fill=ACCENT, width=4)
    return image


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    draw().save(output, optimize=True)
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
