"""presskit.pdf.images.prepare: print resolution at the placed size, transparency, orientation, CMYK."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from presskit.errors import ResourceError
from presskit.pdf.images import prepare

FRAME = 467.72   # points: the default brand's text width (A4, 25 mm + 20 mm margins)


def _open(prepared) -> Image.Image:
    image = Image.open(io.BytesIO(prepared.data))
    image.load()
    return image


def _save(image: Image.Image, path, fmt: str, **options):
    image.save(path, fmt, **options)
    return path


def test_large_photo_downsampled_to_300ppi(tmp_path):
    path = _save(Image.new("RGB", (6000, 4000), (40, 90, 160)), tmp_path / "big.jpg", "JPEG", quality=90)
    prepared = prepare(path, FRAME, None)
    target = round(FRAME / 72 * 300)
    assert prepared.format == "JPEG"
    assert abs(prepared.width - target) <= 1
    assert abs(prepared.height - round(4000 * prepared.width / 6000)) <= 1  # aspect kept
    image = _open(prepared)
    assert image.format == "JPEG" and image.size == (prepared.width, prepared.height)
    assert len(prepared.data) < path.stat().st_size


@pytest.mark.parametrize("placed", [100.0, 250.0])
def test_resolution_follows_the_placed_width(tmp_path, placed):
    path = _save(Image.new("RGB", (3000, 2000), (200, 200, 200)), tmp_path / "p.jpg", "JPEG")
    prepared = prepare(path, placed, None)
    assert prepared.width == round(placed / 72 * 300)


def test_small_image_is_not_upscaled(tmp_path):
    path = _save(Image.new("RGB", (640, 480), (10, 200, 10)), tmp_path / "small.jpg", "JPEG")
    prepared = prepare(path, FRAME, None)
    assert (prepared.width, prepared.height) == (640, 480)


def test_png_with_transparency_is_flattened_onto_white(tmp_path):
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))           # fully transparent ...
    image.paste((200, 0, 0, 255), (100, 0, 200, 100))              # ... except an opaque red right half
    path = _save(image, tmp_path / "logo.png", "PNG")
    prepared = prepare(path, FRAME, None)
    out = _open(prepared).convert("RGB")
    assert out.mode == "RGB" and "A" not in _open(prepared).getbands()
    assert out.getpixel((20, 50)) == (255, 255, 255)              # transparent → white, not black
    assert out.getpixel((180, 50)) == pytest.approx((200, 0, 0), abs=3)


def test_palette_png_with_transparent_index_is_flattened(tmp_path):
    image = Image.new("P", (50, 50), 0)
    image.putpalette([0, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(1, (25, 0, 50, 50))
    path = tmp_path / "pal.png"
    image.save(path, "PNG", transparency=0)
    out = _open(prepare(path, FRAME, None)).convert("RGB")
    assert out.getpixel((5, 5)) == (255, 255, 255)
    assert out.getpixel((45, 5)) == pytest.approx((0, 0, 255), abs=3)


def test_exif_orientation_is_applied(tmp_path):
    image = Image.new("RGB", (600, 400), (220, 0, 0))
    image.paste((0, 0, 220), (300, 0, 600, 400))                   # stored: red left, blue right
    exif = Image.Exif()
    exif[0x0112] = 6                                               # display rotated 90° clockwise
    path = _save(image, tmp_path / "turned.jpg", "JPEG", exif=exif.tobytes(), quality=95)
    prepared = prepare(path, FRAME, None)
    assert (prepared.width, prepared.height) == (400, 600)
    out = _open(prepared).convert("RGB")
    top, bottom = out.getpixel((200, 100)), out.getpixel((200, 500))
    assert top[0] > 150 and top[2] < 80, top                       # the left edge is now on top
    assert bottom[2] > 150 and bottom[0] < 80, bottom
    # and the orientation tag is not applied twice by a viewer
    assert out.getexif().get(0x0112, 1) == 1


def test_cmyk_jpeg_is_converted_to_rgb(tmp_path):
    image = Image.new("CMYK", (300, 200), (0, 0, 0, 0))            # paper white
    image.paste((0, 255, 255, 0), (150, 0, 300, 200))              # magenta + yellow = red
    path = _save(image, tmp_path / "cmyk.jpg", "JPEG", quality=95)
    prepared = prepare(path, FRAME, None)
    assert prepared.format == "JPEG"
    out = _open(prepared)
    assert out.mode == "RGB"
    white, red = out.getpixel((50, 100)), out.getpixel((250, 100))
    assert min(white) > 235, white
    assert red[0] > 200 and red[1] < 60 and red[2] < 60, red


def test_grayscale_jpeg_works(tmp_path):
    path = _save(Image.new("L", (400, 300), 128), tmp_path / "grey.jpg", "JPEG")
    out = _open(prepare(path, FRAME, None))
    assert out.size == (400, 300)
    assert abs(out.convert("L").getpixel((10, 10)) - 128) <= 3


def test_not_an_image_is_a_resource_error(tmp_path):
    path = tmp_path / "fake.jpg"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(ResourceError) as caught:
        prepare(path, FRAME, None)
    assert "fake.jpg" in caught.value.diagnostics[0].message
