"""Hyphenation for ReportLab and presskit's line breaker, fast to start.

``hyphenator(lang)`` returns a :class:`Hyphenator`.  Two ways to ask it:

* ``hyphenator.breaks(word)`` -> ``((index, penalty), ...)`` in ascending
  index order: a hyphen may go before ``word[index]``; ``penalty`` is 0..100,
  lower is better (see ``PENALTY``): an existing hyphen 0, a boundary between
  the parts of a compound (``Kreis|straße``) 10, after a prefix or before a
  short part (``Landkreisver|waltung``) 30, a break from the exception list
  40, a break the patterns allow 50, a poor one (between two vowels,
  ``Muse|um``) 80.  For a line breaker that weighs breaks (Knuth-Plass).
  ``hyphenator.positions(word)`` is the same indexes without penalties.
* ``hyphenator(word)`` yields ``(head, tail)`` pairs ordered by the length of
  the head, longest first; every head ends with U+00AD SOFT HYPHEN (or the
  word's own hyphen), the character the line setter draws at a line end, so
  that text copied from the PDF keeps whole words.  presskit's own line setter
  (``presskit.pdf.linesetting``) uses :meth:`Hyphenator.breaks`; ReportLab's
  first-fit breaker is never used for presskit's paragraphs.

Sources:

* German: the Trennmuster project's patterns ``dehyphn-x`` (reformed
  orthography; ``dehyph-exptl`` as shipped in TeX Live / Debian's
  ``texlive-lang-german``), copied to ``patterns/`` with their MIT licence.
  Compound boundaries come from the first (compound) level of LibreOffice's
  ``hyph_de_DE.dic`` as installed with pyphen (Karl Zeiler's list of about
  69,000 analysed compounds, LGPL, read at run time, not copied): its
  patterns, and its 28,000 compound parts (a break with a known part of 4+
  letters on each side, ``Rück|fragen``), plus noun suffixes with a linking s
  (``Gesundheits|amt``).  A break is called a compound boundary only where
  one of these marks it AND the Trennmuster patterns allow a break there, so
  they rank breaks but never add one; breaks before suffixes (``-rinnen``,
  ``-ung``) and after prefixes (``Ein|wohner``, ``Landkreisver|waltung``) are
  not compound boundaries.
* English: pyphen's ``hyph_en_US.dic`` (TeX's US patterns), parsed with pyphen.

Rules:

* Minimum letters before/after a break: ``MIN_LEFT_RIGHT`` (the Trennmuster
  header asks 2/2; presskit uses 2/3 so that no line starts with a two-letter
  fragment such as ``-en``).
* Not hyphenated: words shorter than ``MIN_WORD`` letters, words with digits,
  URLs and e-mail addresses, ALL-CAPS acronyms, and protected words
  (person names, see :meth:`Hyphenator.protecting`).  A word that already
  contains a hyphen (or soft hyphen) is only broken there.
* Exceptions: ``hyphenation-<lang>.txt`` next to this module lists words with
  their allowed breaks (``Land-rat``); these override the patterns.

Speed: parsing the pattern files takes 0.2-0.4 s (German main patterns)
and 0.4-1 s (compound level) on a laptop-class CPU, so the parsed patterns are cached with
``marshal`` in the platform's cache folder (platformdirs), one file per
language, pattern set and presskit version (``cache_file_name``); writing one
deletes the stale presskit hyphenation caches of that language there
(``is_stale_cache``).  If the folder is not writable the patterns simply stay
in memory.  Loading the cached main patterns takes about 3 ms; the compound
level (1.3 MB) is only loaded by the first :meth:`Hyphenator.breaks` call, so
ReportLab's line filling never pays for it; buckets of patterns are
unmarshalled on first use; results are memoised per word.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

SHY = "\u00ad"
MIN_WORD = 6
#: (left, right): minimum letters before and after a break.  German: 2/3 as
#: asked by the press office (the Trennmuster header says 2/2); English: 2/3
#: as in pyphen's hyph_en_*.dic header (LEFTHYPHENMIN 2, RIGHTHYPHENMIN 3).
MIN_LEFT_RIGHT = {"de": (2, 3), "en": (2, 3)}
LANGUAGES = ("de", "en")
CACHE_FORMAT = 4  # bump when the cached data changes shape
PATTERN_DIR = Path(__file__).with_name("patterns")
#: The Trennmuster pattern file shipped with presskit (reformed orthography).
GERMAN_PATTERNS = PATTERN_DIR / "dehyphn-x-2022-03-16.pat"

#: Penalties of :meth:`Hyphenator.breaks` (0..100, lower = better).
PENALTY = {
    "hyphen": 0,  # the word already has a hyphen or soft hyphen there
    "compound": 10,  # between the parts of a compound: Kreis|straße
    "prefix": 30,  # after a prefix or before a short part: Ver|waltung, Glasfaseraus|bau
    "exception": 40,  # a break from presskit's exception list
    "pattern": 50,  # an ordinary break the patterns allow
    "poor": 80,  # allowed, but between two vowels (Muse|um, Situa|tion): avoid
}
VOWELS = set("aeiouyäöü")
#: Unstressed prefixes the compound level also marks (Landkreisver|waltung): a
#: boundary right after one of them is a prefix boundary, not a compound's.
PREFIXES = ("ver", "ent", "zer", "emp", "miss")
#: A noun suffix with the linking s (Fugen-s) ends the first part of a
#: compound: Gesundheits|amt, Verkehrs|freigabe, Wirtschafts|förderung.
LINKING_SUFFIXES = ("heits", "keits", "ungs", "schafts", "tions", "ions", "täts", "lings", "tums", "ehrs", "beits")

#: Patterns, bucketed by their first two characters (one-character patterns
#: by that character): ``{bucket: marshal.dumps({pattern: encoded values})}``.
#: An encoded value is ``chr(48 + offset)`` followed by the digits.  Buckets
#: are unmarshalled on first use, so start-up only reads one small dict.
Buckets = dict[str, bytes]
#: (longest pattern, buckets) or, for the compound level, (longest pattern,
#: buckets, words): ``words`` maps two first letters to ``"\nword\nword\n"``.
PatternSet = tuple


# -- cache ----------------------------------------------------------------------
def cache_dir() -> Path:
    """The platform's cache folder for presskit (``~/.cache/presskit`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("presskit", appauthor=False))


def _pyphen_dictionary(name: str) -> Path:
    """Path of one of pyphen's dictionaries, without importing pyphen (start-up)."""
    import importlib.util

    spec = importlib.util.find_spec("pyphen")
    return Path(spec.origin).parent / "dictionaries" / f"hyph_{name}.dic"


def _sources(lang: str, part: str) -> list[Path]:
    if part == "compound":
        return [_pyphen_dictionary("de_DE")]
    return [GERMAN_PATTERNS] if lang == "de" else [_pyphen_dictionary("en_US")]


#: The pattern sets of a language: "main" (where a word may break) and, for
#: German, "compound" (which of those breaks are compound boundaries).  Each has
#: its own cache file, so that ReportLab's line filling, which only asks
#: where a word may break, never loads the larger compound level.
PARTS = {"de": ("main", "compound"), "en": ("main",)}


def cache_file_name(lang: str, part: str = "main") -> str:
    """``hyph-<lang>-<part>-<presskit version>-<pattern set digest>.marshal``."""
    from presskit import __version__

    import zlib  # not hashlib: its OpenSSL import alone costs ~10 ms of start-up

    key = f"v{CACHE_FORMAT}"
    for path in _sources(lang, part):
        st = path.stat()
        key += f";{path.name}:{st.st_size}:{st.st_mtime_ns}"
    return f"hyph-{lang}-{part}-{__version__}-{zlib.crc32(key.encode()):08x}.marshal"


def is_stale_cache(name: str, lang: str, current: Iterable[str]) -> bool:
    """Whether ``name`` in the cache folder is an outdated presskit hyphenation cache:
    another version or pattern set for ``lang``, or the per-pyphen-dictionary files
    of presskit 0.1 (``hyph-hyph_de_DE-….marshal``) that were never removed."""
    if name in current or not name.endswith(".marshal"):
        return False
    return name.startswith(f"hyph-{lang}-") or name.startswith("hyph-hyph_")


def load_patterns(lang: str, directory: Path | None = None, part: str = "main") -> PatternSet | None:
    """The ``part`` pattern set of ``lang`` (see ``PARTS``; None if it has none),
    from the marshal cache in ``directory`` (default :func:`cache_dir`) when there."""
    lang = lang if lang in LANGUAGES else "en"
    if part not in PARTS[lang]:
        return None
    directory = cache_dir() if directory is None else directory
    name = cache_file_name(lang, part)
    try:
        with open(directory / name, "rb") as fh:
            data = marshal.load(fh)
        if isinstance(data, tuple) and len(data) in (2, 3) and isinstance(data[1], dict):
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = _parse(lang, part)
    if _write_atomically(directory / name, marshal.dumps(data)):
        remove_stale_caches(directory, lang, {cache_file_name(lang, p) for p in PARTS[lang]})
    return data


def remove_stale_caches(directory: Path, lang: str, current: Iterable[str]) -> list[str]:
    """Delete outdated presskit hyphenation caches for ``lang``; returns their names."""
    removed = []
    current = set(current)
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    import time

    for name in names:
        if name.startswith(".hyph-") and name.endswith(".tmp"):
            # left by a process killed while writing; a live writer renames its
            # file within milliseconds, so anything older than 10 minutes is debris
            try:
                if time.time() - os.stat(directory / name).st_mtime > 600:
                    os.unlink(directory / name)
                    removed.append(name)
            except OSError:
                pass
        elif is_stale_cache(name, lang, current):
            try:
                os.unlink(directory / name)
                removed.append(name)
            except OSError:
                pass
    return removed


def _write_atomically(target: Path, payload: bytes) -> bool:
    """Write via a temporary file and rename; False (and nothing else) if not writable."""
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
        return False
    return True


# -- parsing ----------------------------------------------------------------------
def _parse(lang: str, part: str) -> PatternSet:
    if part == "compound":
        patterns, words = _compound_level()
        buckets: dict[str, list[str]] = {}
        for word in sorted(words):
            buckets.setdefault(word[:2], []).append(word)
        return (*_bucket(patterns), {k: "\n" + "\n".join(v) + "\n" for k, v in buckets.items()})
    return _bucket(parse_tex_patterns(GERMAN_PATTERNS) if lang == "de" else _pyphen_patterns("en_US"))


def _encode(pattern: str) -> tuple[str, str] | None:
    """``'.ab5er4r'`` -> ``('.aberr', encoded values)``; None for an empty pattern."""
    letters, values, pending = [], [], 0
    for ch in pattern:
        if ch.isdigit():
            pending = int(ch)
        else:
            values.append(pending)
            letters.append(ch)
            pending = 0
    values.append(pending)
    if not letters:
        return None
    start = next((i for i, v in enumerate(values) if v), None)
    if start is None:
        return "".join(letters), chr(48)  # a pattern without digits changes nothing
    end = max(i for i, v in enumerate(values) if v) + 1
    return "".join(letters).lower(), chr(48 + start) + "".join(str(v) for v in values[start:end])


def parse_tex_patterns(path: Path) -> dict[str, str]:
    """The ``\\patterns{...}`` of a TeX pattern file (UTF-8, ``%`` comments)."""
    text = path.read_text("utf-8")
    body = text[text.index("\\patterns{") + len("\\patterns{") :]
    body = body[: body.index("}")]
    out = {}
    for line in body.splitlines():
        for token in line.split("%", 1)[0].split():
            encoded = _encode(token)
            if encoded is not None:
                out[encoded[0]] = encoded[1]
    return out


def _compound_level() -> tuple[dict[str, str], set[str]]:
    """Level 1 of LibreOffice's ``hyph_de_DE.dic`` (pyphen): about 69,000 words and
    compounds analysed into their parts (``reise1er1zählung``).  Returns the
    patterns and the set of parts of 3+ letters (``reise``, ``zählung``)."""
    out, words = {}, set()
    with open(_pyphen_dictionary("de_DE"), encoding="latin-1") as fh:
        next(fh)  # the charset line
        for line in fh:
            line = line.strip()
            if line == "NEXTLEVEL":
                break
            if not line or line.startswith(("#", "%")) or line[0].isupper():
                continue  # comments, keywords (COMPOUNDLEFTHYPHENMIN, NOHYPHEN)
            if not all(c.isalpha() or c.isdigit() or c == "." for c in line):
                continue  # NOHYPHEN rules such as 1-1
            parts = "".join(c if c.isalpha() else " " for c in line).split()
            words.update(w for w in parts if len(w) >= 3)
            if not any(c.isdigit() for c in line):
                continue  # a plain word: a part, but no pattern
            encoded = _encode(line)
            if encoded is not None:
                out[encoded[0]] = encoded[1]
    return out, words


def _pyphen_patterns(name: str) -> dict[str, str]:
    import pyphen

    hd = pyphen.HyphDict(_pyphen_dictionary(name))
    return {key: chr(48 + int(start)) + "".join(str(int(v)) for v in values) for key, (start, values) in hd.patterns.items()}


def _bucket(patterns: dict[str, str]) -> PatternSet:
    buckets: dict[str, dict[str, str]] = {}
    for key, encoded in patterns.items():
        if len(encoded) > 1:
            buckets.setdefault(key[:2], {})[key] = encoded
    maxlen = max((len(k) for k in patterns), default=0)
    return maxlen, {k: marshal.dumps(v) for k, v in buckets.items()}


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
    """Lazy pattern lookup over the marshalled buckets, and Liang's algorithm."""

    def __init__(self, maxlen: int, buckets: Buckets, words: dict[str, str] | None = None) -> None:
        self.maxlen = maxlen
        self._raw = buckets
        self._loaded: dict[str, dict[str, str]] = {}
        self._words = words or {}

    def is_part(self, text: str) -> bool:
        """Whether ``text`` (lower case) is a word or compound part of the compound level."""
        return f"\n{text}\n" in self._words.get(text[:2], "")

    def bucket(self, key: str) -> dict[str, str]:
        got = self._loaded.get(key)
        if got is None:
            raw = self._raw.get(key)
            got = self._loaded[key] = marshal.loads(raw) if raw is not None else {}
        return got

    def points(self, word: str) -> list[int]:
        """Positions p where the highest value of every pattern matching around the
        gap before ``word[p]`` is odd (Liang 1983; the word is framed by dots)."""
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


class Hyphenator:
    """Hyphenation of one language: ``breaks(word)`` for a line breaker that weighs
    breaks, and callable word -> (head, tail) pairs, longest head first, for ReportLab."""

    def __init__(self, lang: str, patterns: PatternSet, exceptions: dict[str, tuple[int, ...]],
                 compound: Callable[[], PatternSet | None] | PatternSet | None = None):
        """``patterns``: where words may break; ``compound``: the compound level, or a
        function that loads it when :meth:`breaks` first needs it."""
        self.lang = lang
        self.patterns = _Patterns(*patterns)
        self._compound = compound
        self.exceptions = exceptions
        self.left, self.right = MIN_LEFT_RIGHT.get(lang, (2, 3))
        self.protected: frozenset[str] = frozenset()
        self._weighted = lru_cache(maxsize=20000)(self._compute)
        self._points = lru_cache(maxsize=20000)(self._compute_positions)

    @property
    def compound_patterns(self) -> _Patterns | None:
        if callable(self._compound):
            loaded = self._compound()
            self._compound = _Patterns(*loaded) if loaded else None
        elif isinstance(self._compound, tuple):
            self._compound = _Patterns(*self._compound)
        return self._compound

    # -- protected words (person names) ------------------------------------------
    def protecting(self, words: Iterable[str] = ()) -> Hyphenator:
        """A hyphenator for one document that never breaks ``words`` (and adds more
        with :meth:`protect`); it shares patterns and memoised results with this one."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.protected = frozenset()
        clone.protect(words)
        return clone

    def protect(self, words: Iterable[str]) -> None:
        """Never break these words (case-insensitive; possessive -s included).  Each
        item may be a whole name: ``"Dr. Anna-Lena Müller"`` protects every word of it."""
        found = set(self.protected)
        for text in words:
            for token in text.replace("\u00a0", " ").split():
                core = _strip_punctuation(token).lower()
                if len(core) < 2:
                    continue
                found.update((core, core + "s"))
                for part in core.replace(SHY, "").split("-"):
                    if len(part) >= 2:
                        found.update((part, part + "s"))
        self.protected = frozenset(found)

    def is_protected(self, word: str) -> bool:
        return bool(self.protected) and _strip_punctuation(word).replace(SHY, "").lower() in self.protected

    # -- the breaks ---------------------------------------------------------------
    def breaks(self, word: str) -> tuple[tuple[int, int], ...]:
        """``((index, penalty), ...)``, ascending index: a hyphen may go before
        ``word[index]`` at ``penalty`` (0..100, lower = better, see ``PENALTY``)."""
        if self.is_protected(word):
            return ()
        return self._weighted(word)

    def positions(self, word: str) -> tuple[int, ...]:
        """Allowed break positions in ``word``, ascending (the positions of
        :meth:`breaks`, without loading the compound level)."""
        if self.is_protected(word):
            return ()
        return self._points(word)[0]

    def _compute_positions(self, word: str) -> tuple[tuple[int, ...], str, frozenset[int]]:
        """(positions, kind, junctions): kind is "hyphen", "exception" or "pattern";
        junctions are compound boundaries already known (an exception word's start)."""
        if not all(c.isalpha() or c in "-\u00ad" for c in word):
            return (), "pattern", frozenset()  # digits, URLs, e-mail addresses, punctuation
        if SHY in word or "-" in word:
            # only at the existing (soft) hyphens, and only between letters
            return tuple(i + 1 for i, c in enumerate(word[:-1]) if c in "-\u00ad" and i > 0), "hyphen", frozenset()
        if _skip(word):
            return (), "pattern", frozenset()
        lower = word.lower()
        for ending in INFLECTIONS:
            if ending and not lower.endswith(ending):
                continue
            stem = lower[: len(lower) - len(ending)] if ending else lower
            if stem in self.exceptions:
                return self.exceptions[stem], "exception", frozenset()
        last = len(word) - self.right
        points = [p for p in self.patterns.points(word) if self.left <= p <= last]
        compound = self._exception_compound(lower, points)
        if compound is not None:
            return tuple(compound[0]), "pattern", frozenset((compound[1],))
        return tuple(points), "pattern", frozenset()

    def _compute(self, word: str) -> tuple[tuple[int, int], ...]:
        points, kind, known = self._points(word)
        if kind != "pattern" or not points:
            return tuple((p, PENALTY[kind]) for p in points)
        lower = word.lower()
        joints = set(known)
        compound = self.compound_patterns
        if compound is not None:
            joints.update(compound.points(word))
            joints.update(_split_by_parts(lower, points, compound))
        if self.lang == "de":
            joints.update(p for p in points if lower[:p].endswith(LINKING_SUFFIXES))
        joints = {p for p in joints if not lower[p:].startswith(SUFFIX_STARTS)}
        joints &= set(points)  # the compound level ranks breaks, it never adds one
        return tuple((p, self._penalty(lower, p, joints, points)) for p in points)

    @staticmethod
    def _penalty(lower: str, p: int, joints: set[int], points: tuple[int, ...]) -> int:
        if p in joints:
            # a real compound boundary has a word of 3+ letters on both sides
            # (Kreis|straße, Gesundheits|amt); a shorter part (Do|nau) or a
            # prefix (Landkreisver|waltung, Glasfaseraus|bau) is good, not best
            before = max((j for j in joints if j < p), default=0)
            after = min((j for j in joints if j > p), default=len(lower))
            short = (p - before < 3 or after - p < 3 or lower[before:p] in NOT_PARTS
                     or _after_prefix(lower, p, points))
            return PENALTY["prefix"] if short else PENALTY["compound"]
        if lower[p - 1] in VOWELS and lower[p] in VOWELS:
            return PENALTY["poor"]
        return PENALTY["pattern"]

    def _exception_compound(self, lower: str, points: list[int]) -> tuple[list[int], int] | None:
        """A compound ending in an exception word (``Land`` + ``kreis-ver-wal-tung``):
        pattern breaks before the junction, the junction, and the exception's breaks."""
        for cut in range(3, len(lower) - 5):
            tail = self.exceptions.get(lower[cut:])
            if tail is not None:
                head = [p for p in points if p <= cut - 2]
                return head + [cut] + [cut + p for p in tail], cut
        return None

    # -- ReportLab ------------------------------------------------------------------
    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        """``(head, tail)`` pairs, longest head first (ReportLab fills a line with
        the first pair that fits)."""
        positions = self.positions(word)
        if not positions:
            return iter(())
        return self._pairs(word, positions)

    @staticmethod
    def _pairs(word: str, positions: tuple[int, ...]) -> Iterator[tuple[str, str]]:
        for p in reversed(positions):
            head, tail = word[:p], word[p:]
            if head[-1] in "-\u00ad":
                yield head, tail
            else:
                yield head + SHY, tail

    def hyphenate(self, word: str, mark: str = "-", compound_mark: str | None = None) -> str:
        """The word with every allowed break marked (for tests and linting); with
        ``compound_mark``, compound boundaries get that mark instead."""
        out, last = [], 0
        for p, penalty in self.breaks(word):
            out.append(word[last:p])
            out.append(compound_mark if compound_mark and penalty <= PENALTY["compound"] and word[p - 1] not in "-\u00ad" else mark)
            last = p
        out.append(word[last:])
        return "".join(out)


def _after_prefix(lower: str, p: int, points: Iterable[int]) -> bool:
    """Whether the break at ``p`` follows a prefix: one at the start of the word
    (Ein|wohner, Über|gang), or an unstressed one of 3+ letters after another
    break (Landkreisver|waltung)."""
    head = lower[:p]
    if head in NOT_PARTS:
        return True
    return any(head.endswith(x) and p - len(x) in points for x in PREFIXES)


#: Prefixes and particles that the compound level lists as parts but that do
#: not make a compound of their own (ver|waltung, aus|bau).
NOT_PARTS = frozenset("ver ent zer emp miss ge be er un ab an auf aus ein bei mit nach vor zu um über unter".split())


#: A break before these letters is at a suffix, never between compound parts,
#: even where the rest happens to be a word (Bürge|rinnen, Erzeu|gnis).
SUFFIX_STARTS = ("rin", "innen", "ung", "lung", "rung", "tung", "nung", "heit", "keit", "schaft", "nis", "lich", "ig")

#: Parts of 3 letters (amt, tag, rat) are too often also suffixes and syllables
#: (tung, rin, nen) to be trusted as parts; 4+ letters only.
MIN_PART = 4


def _split_by_parts(lower: str, points: Iterable[int], level: _Patterns) -> set[int]:
    """Pattern breaks with a known compound part (``MIN_PART``+ letters) on both sides: a part
    of the compound level ends at the break (``kreis``, or ``arbeit`` + linking s)
    and another starts there (``straße``), each reaching to the word's edge or to
    another pattern break.  This finds boundaries of compounds the level does not
    list itself (Rück|fragen, Glasfaser|ausbau)."""
    points = tuple(points)
    starts, ends = (0, *points), (*points, len(lower))
    found = set()
    for p in points:
        head = any(
            p - a >= MIN_PART
            and (
                (lower[a:p] not in NOT_PARTS and level.is_part(lower[a:p]))
                or (lower[p - 1] == "s" and p - 1 - a >= MIN_PART and level.is_part(lower[a : p - 1]))
            )
            for a in starts
            if a < p
        )
        if lower[p:].startswith(SUFFIX_STARTS):
            continue  # Bürge|rinnen is Bürgerin|nen
        if head and any(
            b - p >= MIN_PART and lower[p:b] not in NOT_PARTS and level.is_part(lower[p:b]) for b in ends if b > p
        ):
            found.add(p)
    return found


def _strip_punctuation(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


@lru_cache(maxsize=None)
def hyphenator(lang: str) -> Hyphenator:
    """The hyphenator for ``lang`` (``de`` or ``en``), built once per process.  For one
    document's person names use ``hyphenator(lang).protecting(names)``."""
    key = (lang or "de").lower()[:2]
    key = key if key in LANGUAGES else "en"
    compound = (lambda: load_patterns(key, part="compound")) if "compound" in PARTS[key] else None
    return Hyphenator(key, load_patterns(key), load_exceptions(key), compound)
