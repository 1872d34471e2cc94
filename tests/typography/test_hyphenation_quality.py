"""German hyphenation against a published list (German Wiktionary, see tests/data/hyphenation).

Thresholds: presskit's hyphenator measured 0.84 % wrong breaks and 2.08 % missed
breaks on this sample of 2,119 words (pyphen's hyph_de_DE, the previous hyphenator:
6.61 % wrong, 1.76 % missed).  The limits leave room for a future update of the Trennmuster
patterns and for the few foreign words and names in the list, and fail long before
a relapse to the old quality: wrong < 1.5 %, missed < 3.5 %.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import hyphenation_eval  # noqa: E402


def test_sample_is_large_enough():
    assert len(hyphenation_eval.read_list()) >= 1000


def test_wrong_and_missed_breaks_stay_low():
    report = hyphenation_eval.run()
    assert report.words >= 1000
    assert report.wrong_rate < 0.015, report
    assert report.missed_rate < 0.035, report


def test_compound_boundary_is_ranked_best():
    from presskit.typography.hyphenate import hyphenator

    report = hyphenation_eval.evaluate_compounds(hyphenator("de"))
    assert report.words >= 15
    assert report.rate >= 0.8, report.misses
