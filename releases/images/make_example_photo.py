"""Draw the example photo of releases/2026-12-03-kreisstrasse-freigegeben.yaml.

presskit's repository has no real photographs (no rights to clear, nothing to
download), so this script paints a calm, photo-like scene instead: a freshly
surfaced two-lane country road running straight through winter fields towards
a tree line under a cloudy sky, with an avenue of bare trees along the
right-hand verge. It is a generated illustration and is credited as such.

Deterministic (fixed seed): the same numpy and Pillow give the same JPEG.

    python releases/images/make_example_photo.py [OUTPUT.jpg]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 2400, 1600
SEED = 20261203
HORIZON = 0.47  # fraction of the height
VANISH_X = 0.56  # fraction of the width
FOCAL = 2200.0  # pixels: a normal lens, about 57 degrees across
CAMERA_HEIGHT = 2.4  # metres above the road
CAMERA_OFFSET = 1.2  # metres right of the centre line
DEFAULT_OUTPUT = Path(__file__).with_name("kreisstrasse-allee.jpg")

rng = np.random.default_rng(SEED)


def smooth_noise(h: int, w: int, scales: tuple[int, ...], weights: tuple[float, ...]) -> np.ndarray:
    """Fractal value noise in [0, 1]: random grids upsampled smoothly and summed."""
    total = np.zeros((h, w), np.float32)
    for scale, weight in zip(scales, weights):
        gh, gw = max(2, h // scale + 2), max(2, w // scale + 2)
        grid = rng.random((gh, gw), dtype=np.float32)
        img = Image.fromarray((grid * 255).astype(np.uint8), "L").resize((w, h), Image.BICUBIC)
        total += weight * (np.asarray(img, np.float32) / 255.0)
    total -= total.min()
    return total / max(total.max(), 1e-6)


def lerp(a, b, t):
    a = np.asarray(a, np.float32)
    b = np.asarray(b, np.float32)
    t = np.asarray(t, np.float32)[..., None]
    return a + (b - a) * t


def _branch(draw, x, y, angle, length, width, levels, colour) -> None:
    """A bare tree, drawn recursively: each limb forks into two or three thinner ones."""
    x2 = x + np.cos(angle) * length
    y2 = y + np.sin(angle) * length
    alpha = 255 if width >= 1.0 else int(255 * max(width, 0.25))  # sub-pixel twigs: fainter
    rgba = tuple(int(c) for c in colour) + (alpha,)
    draw.line([(x, y), (x2, y2)], fill=rgba, width=max(1, int(round(width))))
    if levels <= 0 or length < 1.5:
        return
    forks = 2 if rng.random() < 0.6 else 3
    for i in range(forks):
        spread = (i - (forks - 1) / 2) * rng.uniform(0.35, 0.6)
        _branch(
            draw, x2, y2,
            angle + spread + rng.normal(0, 0.12),
            length * rng.uniform(0.62, 0.78),
            width * 0.62,
            levels - 1,
            colour,
        )


def main(output: Path) -> None:
    h, w = HEIGHT, WIDTH
    y0 = int(HORIZON * h)
    vx = VANISH_X * w
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 3), np.float32)

    # --- sky: a deep-to-pale gradient with soft, stretched clouds ---------------------------
    t = np.clip(ys / y0, 0, 1) ** 0.8
    sky = lerp((92, 128, 170), (206, 218, 226), t)
    clouds = smooth_noise(h, w, (420, 180, 70, 25), (1.0, 0.55, 0.25, 0.08))
    # flatten the clouds towards the horizon (perspective) and keep gaps of blue sky
    stretch = np.asarray(
        Image.fromarray((clouds * 255).astype(np.uint8)).resize((w, h // 2)).resize((w, h), Image.BICUBIC),
        np.float32,
    ) / 255.0
    cover = np.clip((stretch - 0.45) * 2.6, 0, 1) ** 1.4
    shade = 0.82 + 0.18 * smooth_noise(h, w, (90, 30), (1.0, 0.4))
    cloud_colour = lerp((178, 184, 192), (240, 240, 238), shade)
    sky = sky * (1 - cover[..., None] * 0.85) + cloud_colour * (cover[..., None] * 0.85)
    img[:y0] = sky[:y0]

    # --- ground geometry: a pinhole camera 2.4 m above the road, 1.2 m right of its centre ----
    below = ys > y0
    dy = np.maximum(ys - y0, 0.5)
    depth = FOCAL * CAMERA_HEIGHT / dy  # metres ahead
    lateral = (xs - vx) * CAMERA_HEIGHT / dy + CAMERA_OFFSET  # metres from the centre line
    haze = np.clip(np.exp(-dy / 120.0), 0, 1)  # atmospheric haze towards the horizon

    # fields: green winter cereal on the left, a ploughed field on the right
    rows_left = 0.5 + 0.5 * np.sin(lateral * 2 * np.pi / 0.6)
    rows_right = 0.5 + 0.5 * np.sin(lateral * 2 * np.pi / 1.1)
    detail = np.clip(1.0 - depth / 60.0, 0, 1)  # rows fade out with distance (no moire)
    field_tex = smooth_noise(h, w, (300, 60, 12), (1.0, 0.5, 0.35))
    left = lerp((66, 96, 50), (104, 128, 70), 0.75 * field_tex + 0.25 * rows_left * detail)
    right = lerp((92, 74, 56), (140, 114, 88), 0.7 * field_tex + 0.3 * rows_right * detail)
    field = np.where((lateral < 0)[..., None], left, right)

    # verges: a gravel shoulder, then a strip of winter grass
    road_half = 3.25  # metres: two lanes of 3.0 m plus the edge marking
    verge = lerp((104, 116, 72), (146, 148, 98), field_tex)
    gravel = lerp((120, 112, 98), (164, 156, 140), smooth_noise(h, w, (5, 2), (1.0, 0.7)))
    off = np.abs(lateral)
    ground = np.where(((off > road_half) & (off < road_half + 2.6))[..., None], verge, field)
    ground = np.where(((off > road_half) & (off < road_half + 0.5))[..., None], gravel, ground)

    # new asphalt: dark, fine-grained, slightly lighter in the wheel tracks
    grain = smooth_noise(h, w, (6, 2), (1.0, 0.6))
    tracks = np.exp(-((off - 1.6) ** 2) / 0.18)
    asphalt = lerp((44, 46, 50), (70, 72, 76), 0.55 * grain + 0.2 * tracks)
    road_mask = off <= road_half
    ground = np.where(road_mask[..., None], asphalt, ground)

    # road markings: solid edge lines, a dashed centre line (6 m dash, 12 m gap)
    paint = np.array((226, 226, 220), np.float32)
    edge = (np.abs(off - (road_half - 0.25)) < 0.075) & road_mask
    dash = (off < 0.06) & (np.mod(depth, 18.0) < 6.0)
    marks = (edge | dash) & below
    ground = np.where(marks[..., None], paint * (0.9 + 0.1 * grain[..., None]), ground)

    haze_colour = np.array((184, 194, 202), np.float32)
    ground = ground * (1 - haze[..., None] * 0.6) + haze_colour * haze[..., None] * 0.6
    img[below] = ground[below]

    # --- tree line on the horizon ------------------------------------------
    crest = smooth_noise(1, w, (260, 36, 9), (1.0, 0.6, 0.35))[0]
    tree_top = y0 - (5 + 26 * crest ** 1.2)
    band = (ys >= tree_top[None, :]) & (ys <= y0 + 2)
    foliage = smooth_noise(h, w, (10, 3), (1.0, 0.5))
    trees = lerp((52, 62, 58), (90, 100, 96), foliage)
    trees = trees * 0.62 + haze_colour * 0.38  # distance haze
    img[band] = trees[band]

    # --- an avenue of bare trees along the right-hand verge (December) ---------------------------
    canvas = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(canvas, "RGBA")
    sky_tone = np.array((196, 206, 214), np.float32)
    for k in range(26, -1, -1):  # far to near, so near trees cover far ones
        z = 24.0 + k * 15.0 + rng.uniform(-1.5, 1.5)  # metres ahead
        scale = FOCAL / z  # pixels per metre at that distance
        base_x = vx + (road_half + 1.7 - CAMERA_OFFSET) * scale
        base_y = y0 + CAMERA_HEIGHT * scale
        fade = float(np.clip(z / 420.0, 0.0, 0.75))
        bark = np.array((54, 48, 44), np.float32) * (1 - fade) + sky_tone * fade
        levels = int(np.clip(3 + np.log2(scale), 4, 9))
        _branch(draw, base_x, base_y, -np.pi / 2 + rng.normal(0, 0.03), 2.8 * scale, 0.2 * scale, levels, bark)

    # --- camera: a touch of softness, vignetting and film grain ---------------------------------
    canvas = canvas.filter(ImageFilter.GaussianBlur(0.9))
    arr = np.asarray(canvas, np.float32)
    r = np.hypot((xs - w / 2) / (w / 2), (ys - h / 2) / (h / 2))
    arr *= (1 - 0.18 * np.clip(r - 0.45, 0, None) ** 1.5)[..., None]
    arr += rng.normal(0, 2.2, (h, w, 1)).astype(np.float32)  # luminance grain
    canvas = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")

    output.parent.mkdir(parents=True, exist_ok=True)
    canvas.save(output, "JPEG", quality=85, optimize=True, progressive=True, subsampling="4:2:0", dpi=(300, 300))
    print(f"{output}: {output.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
