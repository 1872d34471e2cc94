"""Every ReportLab internal presskit uses (presskit/rl_internals.py), checked against the installed ReportLab."""

from __future__ import annotations

import io

import reportlab
from reportlab.pdfgen.canvas import Canvas

from presskit import rl_internals


def test_the_installed_reportlab_is_one_the_internals_were_checked_against():
    assert rl_internals.VERSION == reportlab.Version
    assert reportlab.Version.startswith(rl_internals.CHECKED_VERSIONS)


def test_text_code_is_one_entry_per_text_out_joined_by_spaces():
    canv = Canvas(io.BytesIO())
    tx = canv.beginText(72, 700)
    code = rl_internals.text_code(tx)
    assert isinstance(code, list) and code[0] == "BT"
    before = len(code)
    tx._textOut("head", 0)
    tx._textOut("tail", 1)
    assert len(code) == before + 2
    assert code[-2].endswith("Tj") and code[-1].endswith("Tj T*")
    code.insert(before + 1, "")  # a blank piece (a span that was taken back) changes nothing drawn
    code.insert(before + 1, "/Span <</MCID 0>> BDC")
    code.append("EMC")
    stream = tx.getCode()
    assert stream.startswith("BT") and "Tj /Span <</MCID 0>> BDC  (tail) Tj T* EMC" in stream
    assert rl_internals.text_code(tx) is tx._code
