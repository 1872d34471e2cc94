"""Draw the three photos of the example press kit (releases/kits/*.yaml).

Like releases/images/make_example_photo.py: presskit's repository has no real
photographs, so this script paints three calm, photo-like scenes instead and
they are credited as generated illustrations:

* ``glasfaser-baustelle.jpg``: orange fibre ducts beside a trench along a
  village road in winter, a construction fence, a tree line;
* ``kreishaus-salzwedel.jpg``: the front of a brick administration building
  with rows of windows under a grey sky;
* ``jobcenter-beratung.jpg``: a bright office: a desk by a window, two chairs,
  plants, a wall with posters.

Deterministic (fixed seeds): the same numpy and Pillow give the same JPEGs.

    python releases/kits/images/make_kit_photos.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1800, 1200


def noise(rng, h: int, w: int, scales: tuple[int, ...], weights: tuple[float, ...]) -> np.ndarray:
    """Fractal value noise in [0, 1]."""
    total = np.zeros((h, w), np.float32)
    for scale, weight in zip(scales, weights):
        grid = rng.random((max(2, h // scale + 2), max(2, w // scale + 2)), dtype=np.float32)
        img = Image.fromarray((grid * 255).astype(np.uint8), "L").resize((w, h), Image.BICUBIC)
        total += weight * np.asarray(img, np.float32) / 255.0
    total -= total.min()
    return total / max(total.max(), 1e-6)


def gradient(h: int, w: int, top, bottom) -> np.ndarray:
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    return np.asarray(top, np.float32) * (1 - t) + np.asarray(bottom, np.float32) * t + np.zeros((1, w, 1), np.float32)


def finish(img: np.ndarray, rng, path: Path) -> None:
    """Slight softness and film grain, so that flat areas look photographed, then JPEG."""
    grain = rng.normal(0, 3.0, img.shape[:2]).astype(np.float32)[..., None]
    out = Image.fromarray(np.clip(img + grain, 0, 255).astype(np.uint8), "RGB")
    out = out.filter(ImageFilter.GaussianBlur(0.8))
    out.save(path, "JPEG", quality=85, optimize=True, progressive=False)


def textured(rng, h, w, dark, light, scales=(200, 40, 8), weights=(1.0, 0.5, 0.3)) -> np.ndarray:
    n = noise(rng, h, w, scales, weights)[..., None]
    return np.asarray(dark, np.float32) * (1 - n) + np.asarray(light, np.float32) * n


def fibre(path: Path) -> None:
    rng = np.random.default_rng(20270209)
    h, w = HEIGHT, WIDTH
    img = gradient(h, w, (120, 146, 176), (214, 222, 228))
    horizon = int(h * 0.42)
    clouds = noise(rng, h, w, (300, 120, 40), (1, 0.5, 0.2))[..., None]
    img = img * (1 - 0.35 * clouds) + 235 * 0.35 * clouds
    ground = textured(rng, h, w, (70, 88, 52), (126, 132, 84))
    img[horizon:] = ground[horizon:]
    pil = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(pil, "RGBA")
    # tree line
    for x in range(0, w, 6):
        top = horizon - 40 - int(60 * noise(rng, 1, w, (90,), (1,))[0, x])
        d.line([(x, horizon + 4), (x, top)], fill=(58, 66, 52, 255), width=7)
    # village road: grey asphalt band towards the horizon
    d.polygon([(w * 0.30, h), (w * 0.92, h), (w * 0.56, horizon + 6), (w * 0.50, horizon + 6)], fill=(86, 88, 92, 255))
    # trench: dark soil along the left verge, with the spoil heap beside it
    d.polygon([(w * 0.05, h), (w * 0.26, h), (w * 0.495, horizon + 8), (w * 0.48, horizon + 8)], fill=(74, 56, 40, 255))
    d.polygon([(w * 0.11, h), (w * 0.19, h), (w * 0.49, horizon + 8), (w * 0.487, horizon + 8)], fill=(40, 30, 22, 255))
    # orange ducts lying in the trench, converging
    for k, off in enumerate((0.125, 0.145, 0.165)):
        d.line([(w * off, h), (w * 0.488, horizon + 9)], fill=(226, 110, 30, 255), width=22 - 4 * k)
    # duct reel on the verge
    cx, cy, r = int(w * 0.78), int(h * 0.62), 150
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(150, 108, 62, 255), outline=(96, 68, 40, 255), width=14)
    for rr in range(40, r - 20, 14):
        d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], outline=(226, 110, 30, 255), width=9)
    d.ellipse([cx - 34, cy - 34, cx + 34, cy + 34], fill=(80, 60, 40, 255))
    # construction fence: white and red barriers
    for i in range(9):
        x0 = w * 0.02 + i * 70
        y0 = h * 0.60 - i * 18
        d.rectangle([x0, y0, x0 + 60, y0 + 14], fill=(220, 40, 40, 255) if i % 2 else (240, 240, 236, 255))
        d.line([(x0 + 5, y0 + 14), (x0 + 5, y0 + 70 - i * 4)], fill=(60, 60, 60, 255), width=5)
    finish(np.asarray(pil, np.float32), rng, path)


def building(path: Path) -> None:
    rng = np.random.default_rng(20261203)
    h, w = HEIGHT, WIDTH
    img = gradient(h, w, (168, 176, 186), (222, 226, 230))
    brick = textured(rng, h, w, (128, 58, 44), (170, 88, 66), (160, 20, 4), (1, 0.6, 0.4))
    mortar = ((np.arange(h) % 18) < 2)[:, None] | (((np.arange(w)[None, :] + (np.arange(h)[:, None] // 18) % 2 * 20) % 40) < 2)
    brick = np.where(mortar[..., None], (190, 180, 168), brick)
    top, base = int(h * 0.14), int(h * 0.86)
    img[top:base, int(w * 0.04):int(w * 0.96)] = brick[top:base, int(w * 0.04):int(w * 0.96)]
    pil = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(pil, "RGBA")
    # roof edge and pavement
    d.rectangle([w * 0.03, top - 30, w * 0.97, top], fill=(70, 74, 80, 255))
    d.rectangle([0, base, w, h], fill=(150, 150, 146, 255))
    for x in range(0, w, 90):
        d.line([(x, base), (x - 200, h)], fill=(128, 128, 124, 255), width=3)
    # three rows of windows with white frames and a reflection of the sky
    for row in range(3):
        y0 = top + 60 + row * 230
        for col in range(9):
            x0 = w * 0.07 + col * 190
            if row == 2 and col == 4:
                continue
            d.rectangle([x0, y0, x0 + 110, y0 + 160], fill=(236, 236, 232, 255))
            shade = 90 + 12 * ((col + row) % 3)
            d.rectangle([x0 + 10, y0 + 10, x0 + 100, y0 + 150], fill=(shade, shade + 14, shade + 30, 255))
            d.line([(x0 + 55, y0 + 10), (x0 + 55, y0 + 150)], fill=(236, 236, 232, 255), width=6)
            d.polygon([(x0 + 12, y0 + 148), (x0 + 98, y0 + 40), (x0 + 98, y0 + 80), (x0 + 40, y0 + 148)], fill=(255, 255, 255, 40))
    # entrance with a canopy and steps
    ex = w * 0.07 + 4 * 190 - 20
    d.rectangle([ex, base - 250, ex + 150, base], fill=(60, 52, 46, 255))
    d.rectangle([ex + 12, base - 236, ex + 138, base], fill=(96, 112, 124, 255))
    d.rectangle([ex - 40, base - 280, ex + 190, base - 252], fill=(58, 62, 68, 255))
    for s in range(3):
        d.rectangle([ex - 30 - s * 16, base + s * 14, ex + 180 + s * 16, base + 14 + s * 14], fill=(176, 174, 168, 255))
    # two bare trees in front
    for tx in (w * 0.02, w * 0.9):
        d.line([(tx, h), (tx + 10, h * 0.45)], fill=(52, 44, 38, 255), width=18)
        for k in range(14):
            a = -np.pi / 2 + rng.uniform(-1.1, 1.1)
            y = h * 0.45 + rng.uniform(0, 250)
            length = rng.uniform(80, 200)
            d.line([(tx + 10, y), (tx + 10 + np.cos(a) * length, y + np.sin(a) * length)], fill=(52, 44, 38, 255), width=5)
    finish(np.asarray(pil, np.float32), rng, path)


def office(path: Path) -> None:
    rng = np.random.default_rng(20190118)
    h, w = HEIGHT, WIDTH
    wall = textured(rng, h, w, (222, 216, 204), (238, 234, 224), (300, 60), (1, 0.3))
    img = wall.copy()
    floor_y = int(h * 0.72)
    floor = textured(rng, h, w, (150, 118, 84), (184, 150, 110), (400, 30, 6), (1, 0.5, 0.3))
    img[floor_y:] = floor[floor_y:]
    pil = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(pil, "RGBA")
    # window with a view of a pale winter sky and trees
    wx0, wy0, wx1, wy1 = w * 0.52, h * 0.10, w * 0.92, h * 0.58
    d.rectangle([wx0, wy0, wx1, wy1], fill=(250, 250, 248, 255))
    d.rectangle([wx0 + 16, wy0 + 16, wx1 - 16, wy1 - 16], fill=(200, 216, 230, 255))
    d.rectangle([wx0 + 16, wy1 - 120, wx1 - 16, wy1 - 16], fill=(120, 138, 110, 255))
    d.line([((wx0 + wx1) / 2, wy0), ((wx0 + wx1) / 2, wy1)], fill=(250, 250, 248, 255), width=14)
    # posters on the wall
    for i, colour in enumerate(((0, 92, 150), (214, 120, 30), (90, 140, 70))):
        x0 = w * 0.06 + i * 150
        d.rectangle([x0, h * 0.16, x0 + 120, h * 0.16 + 170], fill=colour + (255,))
        d.rectangle([x0 + 14, h * 0.16 + 110, x0 + 106, h * 0.16 + 124], fill=(255, 255, 255, 220))
    # desk with a screen, chairs, a plant
    d.rectangle([w * 0.18, h * 0.60, w * 0.70, h * 0.64], fill=(224, 222, 214, 255))
    d.rectangle([w * 0.20, h * 0.64, w * 0.22, h * 0.86], fill=(90, 90, 92, 255))
    d.rectangle([w * 0.66, h * 0.64, w * 0.68, h * 0.86], fill=(90, 90, 92, 255))
    d.rectangle([w * 0.38, h * 0.42, w * 0.56, h * 0.58], fill=(36, 38, 44, 255))
    d.rectangle([w * 0.46, h * 0.58, w * 0.48, h * 0.60], fill=(60, 60, 64, 255))
    for cx in (w * 0.26, w * 0.76):
        d.rounded_rectangle([cx - 70, h * 0.56, cx + 70, h * 0.70], 18, fill=(46, 84, 120, 255))
        d.rounded_rectangle([cx - 80, h * 0.70, cx + 80, h * 0.76], 12, fill=(40, 74, 106, 255))
        d.line([(cx, h * 0.76), (cx, h * 0.9)], fill=(50, 50, 52, 255), width=10)
    px, py = w * 0.94, h * 0.86
    d.rectangle([px - 40, py - 80, px + 40, py], fill=(170, 96, 60, 255))
    for k in range(18):
        a = -np.pi / 2 + rng.uniform(-1.3, 1.3)
        length = rng.uniform(90, 220)
        d.line([(px, py - 80), (px + np.cos(a) * length, py - 80 + np.sin(a) * length)], fill=(58, 110, 60, 255), width=12)
    # light falling in from the window
    pil = Image.fromarray(np.clip(np.asarray(pil, np.float32) * 1.0, 0, 255).astype(np.uint8))
    finish(np.asarray(pil, np.float32), rng, path)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fibre(folder / "glasfaser-baustelle.jpg")
    building(folder / "kreishaus-salzwedel.jpg")
    office(folder / "jobcenter-beratung.jpg")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
