"""Hyphenation for ReportLab, fast to start and careful with German compounds.

``hyphenator(lang)`` returns a callable for
``ParagraphStyle(hyphenationLang=<callable>)``: given a word it yields
``(head, tail)`` pairs from the longest head to the shortest.

* Every head ends with U+00AD SOFT HYPHEN.  ReportLab then adds no hyphen of
  its own (``_hyGenPair``), the font draws U+00AD as a hyphen at the line end,
  and text copied from the PDF contains U+00AD instead of a hard ``-``, so a
  copied word stays one word.  ReportLab only keeps U+00AD on one of its code
  paths; on the others we yield plain heads (see ``_shy_unsafe_caller``).
* Not hyphenated: words shorter than ``MIN_WORD`` letters, words with digits,
  URLs and e-mail addresses, ALL-CAPS acronyms.  A word that already contains a
  hyphen (or soft hyphen) is only broken there.
* Exceptions: ``hyphenation-<lang>.txt`` next to this module lists words with
  their allowed breaks (``Alt-mark-kreis``); these override the patterns.
* Speed: parsing pyphen's German dictionary takes ~0.35 s.  The parsed
  patterns are cached with ``marshal`` in ``$XDG_CACHE_HOME/presskit`` (or
  ``~/.cache/presskit``), keyed by pyphen version and dictionary size/mtime,
  written atomically; if the folder is not writable we silently keep them in
  memory.  Results are memoised per word.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

SHY = "\u00ad"
MIN_WORD = 6
#: (left, right): minimum letters before and after a break.  German: 2/3 as
#: asked by the press office; English: 2/3 as in pyphen's hyph_en_*.dic header
#: (LEFTHYPHENMIN 2, RIGHTHYPHENMIN 3; pyphen itself defaults to 2/2).
MIN_LEFT_RIGHT = {"de": (2, 3), "en": (2, 3)}
DICTIONARIES = {"de": "de_DE", "en": "en_US"}
CACHE_FORMAT = 2

#: Patterns, bucketed by their first two characters (one-character patterns
#: by that character): ``{bucket: marshal.dumps({pattern: encoded values})}``.
#: An encoded value is ``chr(48 + offset)`` followed by the digits.  Buckets
#: are unmarshalled on first use, so start-up only reads one small dict.
Buckets = dict[str, bytes]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "presskit"


def _parse_dictionary(path: Path) -> tuple[int, Buckets]:
    """Parse with pyphen itself (slow), then bucket and encode the patterns."""
    import pyphen

    hd = pyphen.HyphDict(path)
    buckets: dict[str, dict[str, str]] = {}
    for key, (start, values) in hd.patterns.items():
        encoded = chr(48 + int(start)) + "".join(str(int(v)) for v in values)
        buckets.setdefault(key[:2], {})[key] = encoded
    return hd.maxlen, {k: marshal.dumps(v) for k, v in buckets.items()}


def _dictionary_path(lang: str) -> tuple[Path, str]:
    import pyphen

    return Path(pyphen.LANGUAGES[pyphen.language_fallback(DICTIONARIES.get(lang, lang))]), pyphen.__version__


def load_patterns(lang: str, directory: Path | None = None) -> tuple[int, Buckets]:
    """``(maxlen, buckets)`` of ``lang``, from the marshal cache when it is fresh."""
    path, version = _dictionary_path(lang)
    st = path.stat()
    directory = cache_dir() if directory is None else directory
    cache_file = directory / f"hyph-{path.stem}-{version}-{st.st_size}-{st.st_mtime_ns}-v{CACHE_FORMAT}.marshal"
    try:
        with open(cache_file, "rb") as fh:
            maxlen, buckets = marshal.load(fh)
        if isinstance(maxlen, int) and all(isinstance(v, bytes) for v in buckets.values()):
            return maxlen, buckets
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = _parse_dictionary(path)
    _write_atomically(cache_file, marshal.dumps(data))
    return data


def _write_atomically(target: Path, payload: bytes) -> None:
    """Write via a temporary file and rename; silently give up if not writable."""
    import tempfile
    
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".hyph-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def load_exceptions(lang: str) -> dict[str, tuple[int, ...]]:
    """``{lowercased word: break positions}`` from ``hyphenation-<lang>.txt``."""
    path = Path(__file__).with_name(f"hyphenation-{lang}.txt")
    if not path.exists():
        return {}
    result = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("-")
        positions, pos = [], 0
        for part in parts[:-1]:
            pos += len(part)
            positions.append(pos)
        result["".join(parts).lower()] = tuple(positions)
    return result


INFLECTIONS = ("", "s", "es", "n", "en", "e", "er", "ern", "ns")


class _Patterns:
    """Lazy pattern lookup over the marshalled buckets."""

    def __init__(self, maxlen: int, buckets: Buckets) -> None:
        self.maxlen = maxlen
        self._raw = buckets
        self._loaded: dict[str, dict[str, str]] = {}

    def bucket(self, key: str) -> dict[str, str]:
        got = self._loaded.get(key)
        if got is None:
            raw = self._raw.get(key)
            got = self._loaded[key] = marshal.loads(raw) if raw is not None else {}
        return got

    def points(self, word: str) -> list[int]:
        """Liang's algorithm, as in pyphen.HyphDict.positions."""
        pointed = f".{word.lower()}."
        n = len(pointed)
        refs = [0] * (n + 1)
        for i in range(n - 1):
            one = self.bucket(pointed[i]).get(pointed[i])
            if one:
                self._merge(refs, i, one)
            two = self.bucket(pointed[i : i + 2])
            if not two:
                continue
            for j in range(i + 2, min(i + self.maxlen, n) + 1):
                found = two.get(pointed[i:j])
                if found:
                    self._merge(refs, i, found)
        return [i - 1 for i, r in enumerate(refs) if r % 2]

    @staticmethod
    def _merge(refs: list[int], i: int, encoded: str) -> None:
        for k, digit in enumerate(encoded[1:], i + ord(encoded[0]) - 48):
            v = ord(digit) - 48
            if v > refs[k]:
                refs[k] = v


def _skip(word: str) -> bool:
    """Words never hyphenated by the patterns."""
    return (
        len(word) < MIN_WORD
        or any(c.isdigit() for c in word)
        or not word.isalpha()  # URLs, e-mail addresses, anything with punctuation
        or (word.isupper())  # acronyms: BITV, ÖPNV
    )


def _shy_unsafe_caller() -> bool:
    """True when ReportLab asks from a code path where a U+00AD head misbehaves.

    Checked against ReportLab 4.2-5.1 (platypus/paragraph.py):

    * ``_hyGenFragsPair`` (a word whose style changes mid-word, ``**Land**rat``)
      cuts at ``len(head)``, one letter too late with an added U+00AD.

    There we yield plain heads and ReportLab draws its own ``-``. Everywhere
    else U+00AD stays at the line end and copies as a soft hyphen (for
    single-style paragraphs thanks to ``presskit.flowables``, which keeps
    ReportLab's ``_SHYStr`` from deleting it).
    """
    caller = sys._getframe(2)  # _shy_unsafe_caller <- __call__ <- ReportLab
    return caller.f_code.co_name == "_hyGenFragsPair"


class Hyphenator:
    """Callable word -> (head, tail) pairs for one language."""

    def __init__(self, lang: str, patterns: tuple[int, Buckets], exceptions: dict[str, tuple[int, ...]]):
        self.lang = lang
        self.patterns = _Patterns(*patterns)
        self.exceptions = exceptions
        self.left, self.right = MIN_LEFT_RIGHT.get(lang, (2, 3))
        self.positions = lru_cache(maxsize=20000)(self._positions)

    def _positions(self, word: str) -> tuple[int, ...]:
        """Allowed break positions in ``word``, ascending."""
        if not all(c.isalpha() or c in "-\u00ad" for c in word):
            return ()  # digits, URLs, e-mail addresses, punctuation
        if SHY in word or "-" in word:
            # only at the existing (soft) hyphens, and only between letters
            return tuple(i + 1 for i, c in enumerate(word[:-1]) if c in "-\u00ad" and i > 0)
        if _skip(word):
            return ()
        lower = word.lower()
        for ending in INFLECTIONS:
            if ending and not lower.endswith(ending):
                continue
            stem = lower[: len(lower) - len(ending)] if ending else lower
            if stem in self.exceptions:
                return self.exceptions[stem]
        points = self.patterns.points(word)
        last = len(word) - self.right
        points = [p for p in points if self.left <= p <= last]
        compound = self._compound(lower, points)
        return compound if compound is not None else tuple(points)

    def _compound(self, lower: str, points: list[int]) -> tuple[int, ...] | None:
        """A compound ending in an exception word (``Land`` + ``kreis-ver-wal-tung``):
        the exception's breaks, the junction, and pattern breaks before it."""
        for cut in range(3, len(lower) - 5):
            tail = self.exceptions.get(lower[cut:])
            if tail is not None:
                head = [p for p in points if p <= cut - 2]
                return tuple(head + [cut] + [cut + p for p in tail])
        return None

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        positions = self.positions(word)
        if not positions:
            return iter(())
        plain = _shy_unsafe_caller()
        return self._pairs(word, positions, plain)

    @staticmethod
    def _pairs(word: str, positions: tuple[int, ...], plain: bool) -> Iterator[tuple[str, str]]:
        for p in reversed(positions):
            head, tail = word[:p], word[p:]
            if head[-1] in "-\u00ad" or plain:
                yield head, tail
            else:
                yield head + SHY, tail

    def hyphenate(self, word: str, mark: str = "-") -> str:
        """The word with every allowed break marked (for tests and linting)."""
        out, last = [], 0
        for p in self.positions(word):
            out.append(word[last:p])
            last = p
        out.append(word[last:])
        return mark.join(out)


def _keep_soft_hyphen_at_line_end() -> None:
    """Make ReportLab's single-style line breaker keep a hyphenation head's U+00AD.

    Our hyphenator ends every head with U+00AD, so the line-end hyphen is drawn
    (the font shows U+00AD as a hyphen) and copies as nothing: journalists copy
    whole words. ReportLab's breaker for single-style paragraphs, however, passes
    the head through ``_SHYStr``, which deletes every U+00AD, and the hyphen
    vanished from the page; where it breaks at a soft hyphen inside a word (as
    it does when a paragraph continues on the next page) it draws a hard '-'.
    This subclass leaves a head that ends in its only U+00AD alone, ends heads
    split at a soft hyphen with U+00AD too, and behaves as ``_SHYStr`` otherwise.
    Applied when the first hyphenator is made; checked against ReportLab 5.1 by the tests.
    """
    from reportlab.platypus import paragraph

    original = paragraph._SHYStr
    if getattr(original, "presskit_keeps_heads", False):
        return

    class _SHYStrKeepingHeads(original):
        presskit_keeps_heads = True

        def __new__(cls, s):
            if s.endswith(SHY) and s.count(SHY) == 1:
                return s  # a hyphenation head: its U+00AD is the visible line-end hyphen
            return original.__new__(cls, s)

        def __shysplit__(self, fontName, fontSize, baseWidth, limWidth, encoding="utf8"):
            # Breaking at a soft hyphen already in the word (a rejoined head and tail
            # after a page break, or one the user typed): end the head with U+00AD
            # like our own hyphenation does, not with ReportLab's hard '-'.
            parts = original.__shysplit__(self, fontName, fontSize, baseWidth, limWidth, encoding)
            if not parts:
                return parts
            head, tail = parts
            return [paragraph._SplitWordH(str(head)[:-1] + SHY), tail]

    paragraph._SHYStr = _SHYStrKeepingHeads


@lru_cache(maxsize=None)
def hyphenator(lang: str) -> Callable[[str], Iterable[tuple[str, str]]]:
    """The hyphenator for ``lang`` (``de`` or ``en``), built once per process."""
    _keep_soft_hyphen_at_line_end()
    key = (lang or "de").lower()[:2]
    key = key if key in DICTIONARIES else "en"
    return Hyphenator(key, load_patterns(key), load_exceptions(key))
