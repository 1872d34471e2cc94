"""How often does presskit's German hyphenation break words wrongly?

Compares the hyphenator's breaks with a published list of hyphenated words
(default: the German Wiktionary sample in tests/data/hyphenation, see the
README there for source and licence) and prints:

* wrong:  breaks the hyphenator makes that the list does not allow
          (per break made, and the share of words with at least one);
* missed: breaks the list allows (within the hyphenator's minimum of letters
          before/after a break) that the hyphenator does not offer;
* misleading: not reported for this list, which does not mark unfavourable
          breaks (Wiktionary gives every allowed break the same sign).

    python benchmarks/hyphenation_eval.py                  # presskit as it is
    python benchmarks/hyphenation_eval.py --module OLD.py  # another hyphenate.py
    python benchmarks/hyphenation_eval.py --show 20        # list wrong breaks

``--module`` loads another version of ``presskit/typography/hyphenate.py``
(with its ``hyphenation-de.txt`` next to it), e.g. main's, for a before/after.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "hyphenation" / "de-wiktionary-sample.txt"
COMPOUNDS = ROOT / "tests" / "data" / "hyphenation" / "de-compounds.txt"


@dataclass
class Report:
    words: int = 0
    allowed: int = 0  # breaks the list allows within left/right minimum
    found: int = 0  # breaks the hyphenator offers
    wrong: int = 0
    missed: int = 0
    words_wrong: int = 0
    poor: int = 0  # breaks offered that the hyphenator itself rates poor (penalty >= 80)
    examples: list[str] = field(default_factory=list)

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.found if self.found else 0.0

    @property
    def missed_rate(self) -> float:
        return self.missed / self.allowed if self.allowed else 0.0

    @property
    def words_wrong_rate(self) -> float:
        return self.words_wrong / self.words if self.words else 0.0


def read_list(path: Path = SAMPLE) -> list[tuple[str, frozenset[int]]]:
    """``[(word, allowed break positions)]``; lines are ``fo-to-graf``, ``#`` comments."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("-")
        word = "".join(parts)
        positions, pos = set(), 0
        for part in parts[:-1]:
            pos += len(part)
            positions.add(pos)
        out.append((word, frozenset(positions)))
    return out


def evaluate(hyphenator, entries, left: int, right: int, min_word: int, show: int = 0) -> Report:
    report = Report()
    for word, allowed in entries:
        if len(word) < min_word or not word.isalpha():
            continue  # the hyphenator leaves these alone by design
        found = set(hyphenator.positions(word))
        window = {p for p in allowed if left <= p <= len(word) - right}
        wrong = found - allowed
        report.words += 1
        report.allowed += len(window)
        report.found += len(found)
        report.wrong += len(wrong)
        report.missed += len(window - found)
        if hasattr(hyphenator, "breaks"):
            report.poor += sum(1 for _, penalty in hyphenator.breaks(word) if penalty >= 80)
        if wrong:
            report.words_wrong += 1
            if len(report.examples) < show:
                mine = hyphenator.hyphenate(word)
                ref = "-".join(word[a:b] for a, b in zip((0, *sorted(allowed)), (*sorted(allowed), len(word))))
                report.examples.append(f"{mine}  (list: {ref})")
    return report


@dataclass
class CompoundReport:
    words: int = 0  # compounds with two or more breaks offered (a choice to rank)
    best_at_boundary: int = 0  # ... whose lowest-penalty break is the marked boundary
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.best_at_boundary / self.words if self.words else 0.0


def evaluate_compounds(hyphenator, path: Path = COMPOUNDS) -> CompoundReport:
    """Does ``breaks()`` rank a compound's main boundary (``=`` in the list) best?"""
    report = CompoundReport()
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word = line.replace("-", "").replace("=", "")
        boundaries, pos = set(), 0
        for ch in line:
            if ch == "=":
                boundaries.add(pos)
            elif ch != "-":
                pos += 1
        breaks = hyphenator.breaks(word) if hasattr(hyphenator, "breaks") else ()
        if len(breaks) < 2:
            continue
        report.words += 1
        best = min(penalty for _, penalty in breaks)
        if any(p in boundaries for p, penalty in breaks if penalty == best):
            report.best_at_boundary += 1
        else:
            report.misses.append(line)
    return report


def load_module(path: Path | None):
    if path is None:
        from presskit.typography import hyphenate

        return hyphenate
    spec = importlib.util.spec_from_file_location("hyphenate_under_test", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run(module_path: Path | None = None, sample: Path = SAMPLE, show: int = 0) -> Report:
    module = load_module(module_path)
    hyphenator = module.hyphenator("de")
    left, right = module.MIN_LEFT_RIGHT["de"]
    return evaluate(hyphenator, read_list(sample), left, right, module.MIN_WORD, show)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", type=Path, help="another hyphenate.py to evaluate (e.g. main's)")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="list of hyphenated words, one per line")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N words with a wrong break")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    report = run(args.module, args.sample, args.show)
    if args.json:
        print(json.dumps({**asdict(report), "wrong_rate": report.wrong_rate, "missed_rate": report.missed_rate,
                          "words_wrong_rate": report.words_wrong_rate}, ensure_ascii=False, indent=2))
        return 0
    print(f"list: {args.sample.name}, {report.words} words of 6+ letters, {report.allowed} allowed breaks")
    print(f"breaks offered: {report.found}")
    print(f"wrong:  {report.wrong} ({report.wrong_rate:.2%} of breaks offered); "
          f"{report.words_wrong} words ({report.words_wrong_rate:.2%}) have at least one")
    print(f"missed: {report.missed} ({report.missed_rate:.2%} of allowed breaks)")
    print("misleading: not marked in this list; "
          f"breaks the hyphenator itself rates poor (between two vowels, penalty 80): {report.poor}")
    for line in report.examples:
        print("  ", line)
    module = load_module(args.module)
    compounds = evaluate_compounds(module.hyphenator("de"))
    if compounds.words:
        print(f"compounds ({COMPOUNDS.name}, with 2+ breaks): main boundary ranked best in "
              f"{compounds.best_at_boundary} of {compounds.words} ({compounds.rate:.0%}); not: {', '.join(compounds.misses)}")
    else:
        print("compounds: this hyphenator does not rank breaks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
