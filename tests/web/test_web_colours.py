"""The brand's colours on the website: kept when readable, darkened just enough when not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.web.colours import MINIMUM, contrast, web_colours

DEFAULT = dict(primary="#1B5E7E", accent="#7A9A2E", text="#1D1D1B", muted="#5F6B73", shade="#EEF3F6")
colour = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}")


def test_the_default_brand_is_kept_as_it_is():
    assert web_colours(**DEFAULT) == DEFAULT


def test_contrast_ratio_is_wcag():
    assert round(contrast("#000000", "#FFFFFF"), 2) == 21.0
    assert round(contrast("#777777", "#FFFFFF"), 2) == 4.48


@settings(max_examples=200, deadline=None)
@given(primary=colour, accent=colour, text=colour, muted=colour, shade=colour)
def test_every_text_colour_reads_on_white_and_on_the_shade(primary, accent, text, muted, shade):
    out = web_colours(primary, accent, text, muted, shade)
    for name in ("primary", "text", "muted"):
        for background in ("#FFFFFF", out["shade"]):
            assert contrast(out[name], background) >= MINIMUM, (name, out)
    assert contrast("#FFFFFF", out["primary"]) >= MINIMUM   # the header's white text
    if contrast(primary, "#FFFFFF") >= MINIMUM and contrast(primary, out["shade"]) >= MINIMUM:
        assert out["primary"] == primary
