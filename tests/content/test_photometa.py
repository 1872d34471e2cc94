"""Photo metadata read back with exiftool; the image data untouched; the zip reproducible."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from presskit.content.archive import ZIP_TIME, credits_text, kit_files, write_zip, zip_bytes
from presskit.content.kit import load_kit
from presskit.content.photometa import PhotoMeta, with_metadata
from presskit.errors import InputError, ResourceError

from test_kit import GOOD, ROAD, PHOTO

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool (libimage-exiftool-perl) is not installed")

META = PhotoMeta(
    caption="Die ausgebaute Kreisstraße „K 1390“ – frisch markiert & <frei>",
    credit="Pressestelle Altmarkkreis Salzwedel",
    usage="Abdruck honorarfrei bei Nennung der Quelle",
    alt="Eine gerade Landstraße mit Alleebäumen unter blauem Himmel.",
)


def _exif(path: Path) -> dict:
    out = subprocess.run([EXIFTOOL, "-j", "-G1", "-a", "-charset", "iptc=UTF8", str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)[0]


def _image_data(jpeg: bytes) -> bytes:
    """Everything from the first segment that is not APPn: tables, frame, scans."""
    i = 2
    while 0xE0 <= jpeg[i + 1] <= 0xEF:
        i += 2 + int.from_bytes(jpeg[i + 2:i + 4], "big")
    return jpeg[i:]


@needs_exiftool
def test_jpeg_metadata_read_back_and_pixels_untouched(tmp_path):
    original = PHOTO.read_bytes()
    written = with_metadata(original, META, "allee.jpg")
    path = tmp_path / "allee.jpg"
    path.write_bytes(written)
    tags = _exif(path)
    assert tags["XMP-dc:Description"] == META.caption
    assert tags["XMP-dc:Rights"] == "© Pressestelle Altmarkkreis Salzwedel"
    assert tags["XMP-photoshop:Credit"] == META.credit
    assert tags["XMP-iptcCore:AltTextAccessibility"] == META.alt
    assert tags["XMP-xmpRights:UsageTerms"] == META.usage
    assert tags["IPTC:Caption-Abstract"] == META.caption
    # IIM keeps to its standard's lengths (credit: 32 bytes), cut between words; XMP has it whole
    assert tags["IPTC:Credit"] == "Pressestelle Altmarkkreis…"
    assert tags["IPTC:CopyrightNotice"] == "© Pressestelle Altmarkkreis Salzwedel"
    assert tags["IPTC:CodedCharacterSet"] == "UTF8"
    assert tags["Photoshop:IPTCDigest"] == tags["File:CurrentIPTCDigest"]   # exiftool: the record is current
    assert tags["JFIF:XResolution"] == 300                                   # the JFIF segment is kept
    # the compressed image data are the same bytes, and decode to the same pixels
    assert _image_data(written) == _image_data(original)
    assert Image.open(io.BytesIO(written)).tobytes() == Image.open(io.BytesIO(original)).tobytes()
    validate = subprocess.run([EXIFTOOL, "-validate", "-warning", "-a", "-s3", str(path)], capture_output=True, text=True)
    assert validate.stdout.strip() == "OK"


@needs_exiftool
def test_writing_twice_replaces_and_keeps_exif(tmp_path):
    source = tmp_path / "exif.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"
    Image.new("RGB", (64, 48), (10, 120, 200)).save(source, "JPEG", exif=exif.tobytes(), quality=90)
    once = with_metadata(source.read_bytes(), META)
    twice = with_metadata(once, PhotoMeta(caption="Neu", credit="Amt", usage="frei"))
    out = tmp_path / "twice.jpg"
    out.write_bytes(twice)
    tags = _exif(out)
    assert tags["IFD0:Make"] == "Kamerahersteller"
    assert tags["XMP-dc:Description"] == "Neu" and tags["IPTC:Caption-Abstract"] == "Neu"
    assert "XMP-iptcCore:AltTextAccessibility" not in tags
    assert twice.count(b"http://ns.adobe.com/xap/1.0/\x00") == 1 and twice.count(b"Photoshop 3.0\x00") == 1
    assert _image_data(twice) == _image_data(source.read_bytes())


@needs_exiftool
def test_png_gets_xmp_and_keeps_pixels(tmp_path):
    source = tmp_path / "grafik.png"
    Image.new("RGBA", (30, 20), (200, 10, 10, 128)).save(source)
    out = tmp_path / "out.png"
    out.write_bytes(with_metadata(source.read_bytes(), META))
    tags = _exif(out)
    assert tags["XMP-dc:Description"] == META.caption and tags["XMP-photoshop:Credit"] == META.credit
    assert tags["XMP-xmpRights:UsageTerms"] == META.usage
    assert Image.open(out).tobytes() == Image.open(source).tobytes()


@pytest.mark.parametrize("data", [b"GIF89a....", b"\xff\xd8\xff\xe0\x00", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_unusable_files_are_errors(data):
    with pytest.raises(ResourceError) as info:
        with_metadata(data, META, "x.jpg")
    assert "x.jpg" in str(info.value)


def test_zip_is_reproducible_sorted_and_timestamped(tmp_path):
    files = {"b.txt": b"zwei", "fotos/a.jpg": PHOTO.read_bytes(), "a.pdf": b"%PDF-1.7 " * 100}
    first = zip_bytes(files)
    assert zip_bytes(dict(reversed(list(files.items())))) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["a.pdf", "b.txt", "fotos/a.jpg"]
        assert all(i.date_time == ZIP_TIME for i in infos)
        assert infos[2].compress_type == zipfile.ZIP_STORED and infos[0].compress_type == zipfile.ZIP_DEFLATED
        assert archive.read("fotos/a.jpg") == PHOTO.read_bytes()
        assert archive.testzip() is None
    target = tmp_path / "out" / "kit.zip"
    write_zip(target, files)
    assert target.read_bytes() == first
    assert not [p for p in target.parent.iterdir() if p.name != "kit.zip"]   # no temporary file left
    for bad in ("../x", "/abs", "a\\b", ""):
        with pytest.raises(InputError):
            zip_bytes({bad: b""})
    with pytest.raises(InputError):
        zip_bytes({"A.txt": b"", "a.txt": b""})


@needs_exiftool
def test_kit_photos_and_credits(tmp_path):
    shutil.copy(ROAD, tmp_path / "road.yaml")
    (tmp_path / "images").mkdir()
    shutil.copy(PHOTO, tmp_path / "images" / "allee.jpg")
    shutil.copy(PHOTO, tmp_path / "images" / "allee2.jpg")
    (tmp_path / "kit.yaml").write_text(GOOD, encoding="utf-8")
    files = kit_files(load_kit(tmp_path / "kit.yaml"), "de")
    assert sorted(files) == ["credits.txt", "fotos/allee.jpg", "fotos/allee2.jpg"]
    credits = files["credits.txt"].decode("utf-8")
    assert "fotos/allee.jpg\n  Die ausgebaute Kreisstraße.\n  Foto: Pressestelle\n" in credits
    assert "Nutzung: Abdruck honorarfrei bei Nennung der Quelle" in credits
    assert "Nutzung: Nur für die Berichterstattung über den Kreistag" in credits
    write_zip(tmp_path / "kit.zip", files)
    with zipfile.ZipFile(tmp_path / "kit.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    tags = _exif(tmp_path / "unzipped" / "fotos" / "allee2.jpg")
    assert tags["XMP-xmpRights:UsageTerms"] == "Nur für die Berichterstattung über den Kreistag"
    assert tags["IPTC:Credit"] == "Pressestelle" and tags["XMP-photoshop:Credit"] == "Pressestelle" and tags["XMP-iptcCore:AltTextAccessibility"] == "Dieselbe Straße."
    assert kit_files(load_kit(tmp_path / "kit.yaml"), "de") == files   # deterministic
    assert credits_text([], "en").startswith("Photos and credits\n")
