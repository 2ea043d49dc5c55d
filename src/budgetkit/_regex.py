"""Long alternations of phrases searched fast (internal).

Python's regular expressions try every alternative of ``a|b|c…`` at every position of the text; for the
grammar's list of subjects (about a hundred phrases) that was most of the time it took to read a 情况说明.
Two things make it cheap, each keeping exactly the matches of the plain alternation:

- the alternation is compiled behind a lookahead of the characters its matches can start with, computed from
  the parsed patterns (:func:`_first_characters`): a position whose character starts no match is passed over
  with one set test. When those characters cannot be listed (a match may start with any character, or be
  empty, or a pattern uses flags or constructs this walk does not know, or ``re``'s parser is not there) the
  plain alternation is compiled;
- the alternatives are searched without a named group around each (a group in front of an alternative keeps
  ``re`` from skipping it on its first character), and which one matched is told afterwards, trying only those
  that can start with the match's first character.

>>> phrases = Phrases([r"收入总计", r"(?<!、)支出总计", r"[“”]?三公经费"])
>>> phrases._any.pattern[:14]
'(?=[“”三支收])(?:'
>>> sorted(_first_characters(r"(?<!、)支出|[“”]?三公"))
['“', '”', '三', '支']
>>> _first_characters(r"\\d+|元") is None  # a digit of any script may start it: not listed
True
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = ["Lazy", "Phrases"]

_MAX_CHARACTERS = 512  # a longer list of first characters saves little over trying the pattern


class Phrases:
    """Alternatives searched as one pattern, each match told by the number of the alternative it is.

    A match is the one ``(?P<a0>…)|(?P<a1>…)|…`` gives, and its number that of the group it would be in: the
    first alternative, in order, that matches where the match starts (nothing follows the alternation, so
    that alternative matches exactly the text the alternation matched).

    >>> phrases = Phrases([r"收入总计", r"(?<!、)支出总计", r"[“”]?三公经费", r"总计"])
    >>> [(k, m.group()) for k, m in phrases.finditer("收入总计与、支出总计，“三公经费”")]
    [(0, '收入总计'), (3, '总计'), (2, '“三公经费')]
    >>> phrases.search("无") is None
    True
    """

    def __init__(self, alternatives: Sequence[str]) -> None:
        self.alternatives = tuple(alternatives)
        #: which alternatives are plain phrases (half of the grammar's subjects), told apart without compiling them
        self._plain = tuple(re.escape(alternative) == alternative for alternative in self.alternatives)
        #: by a first character, the alternatives that may start with it, in order
        self._starting: dict[str, list[int]] = {}
        self._anywhere: list[int] = []  #: the alternatives whose first characters are not listed
        for k, alternative in enumerate(self.alternatives):
            first = _first_characters(alternative)
            if first is None:
                self._anywhere.append(k)
                continue
            for character in first:
                self._starting.setdefault(character, []).append(k)
        either = "|".join(f"(?:{alternative})" for alternative in self.alternatives)
        if self._anywhere or not self._starting or len(self._starting) > _MAX_CHARACTERS:
            self._any = re.compile(either)
        else:  # led by the characters a match can start with: the same matches, most positions passed over at once
            listed = "".join(re.escape(c) for c in sorted(self._starting))
            self._any = re.compile(f"(?=[{listed}])(?:{either})")

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """Each match in order, with the number of its alternative."""
        for m in self._any.finditer(text):
            yield self._number(text, m), m

    def search(self, text: str) -> tuple[int, re.Match[str]] | None:
        """The first match and the number of its alternative, or None."""
        m = self._any.search(text)
        return None if m is None else (self._number(text, m), m)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """A match starting at ``pos`` (the alternatives in order, as :meth:`finditer`), or None.

        >>> Phrases([r"收入总计", r"支出总计"]).match("，支出总计", 1).group()
        '支出总计'
        """
        return self._any.match(text, pos)

    def _number(self, text: str, m: re.Match[str]) -> int:
        """The number of the first alternative that matches where ``m`` starts (it matches what ``m`` matched)."""
        start = m.start()
        candidates = self._starting.get(text[start], [])
        if self._anywhere:
            candidates = sorted([*candidates, *self._anywhere])
        for k in candidates:
            alternative = self.alternatives[k]
            if self._plain[k]:
                if text.startswith(alternative, start):
                    return k
            elif re.compile(alternative).match(text, start) is not None:  # compiled when first needed (re's cache)
                return k
        raise AssertionError(f"no alternative matches {m.group()!r}, which their alternation matched")


class Lazy:
    """A regular expression compiled when first used.

    A pattern that only some inputs need (a PDF's page numbers and table numbers, a 情况说明's 项 printed under its
    类) costs nothing in a process that never meets one: ``re`` takes up to a few milliseconds to compile a long
    pattern or one with a class of CJK characters (it fills a map of 65,536 entries one by one), and a check of an
    account file is a whole process of a few hundred.

    >>> page = Lazy(r"第(?P<n>\\d+)页")
    >>> page.search("见第3页")["n"], page.match("第12页").group(), page.sub("", "第1页止")
    ('3', '第12页', '止')
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now, the first time)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count)

    def __repr__(self) -> str:
        return f"Lazy({self.pattern!r})"


def _first_characters(pattern: str) -> set[str] | None:
    """Every character a match of ``pattern`` can start with; None when that is not a short list."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern)
        if parsed.state.flags & ~re.UNICODE:  # (?i) or another inline flag: characters are not literal
            return None
        found, empty = _walk(list(parsed))
    except (ImportError, AttributeError, TypeError, ValueError, re.error):  # a parser unlike 3.11's to 3.13's
        return None
    if found is None or empty or len(found) > _MAX_CHARACTERS:
        return None
    return found


_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT"})  # lookarounds, ^ $ \b: the match starts with what follows


def _walk(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence of parsed items (None: any), and whether it can match the empty text."""
    found: set[str] = set()
    for op, av in items:
        name = op.name
        if name == "LITERAL":
            found.add(chr(av))
            return found, False
        if name == "IN":
            for kind, value in av:
                if kind.name == "LITERAL":
                    found.add(chr(value))
                elif kind.name == "RANGE" and value[1] - value[0] < _MAX_CHARACTERS:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:  # a negated set, a category (\d, \s, \w …), a wide range
                    return None, False
            return found, False
        if name == "SUBPATTERN" and av[1]:  # (?i:…) and other flags set on a group
            return None, False
        if name == "SUBPATTERN" or name == "BRANCH" or name in _REPEATS:
            subs, least = {"SUBPATTERN": ([av[-1]], 1), "BRANCH": (av[-1], 1)}.get(name, ([av[-1]], av[0]))
            empty = False
            for sub in subs:
                more, sub_empty = _walk(list(sub))
                if more is None:
                    return None, False
                found |= more
                empty = empty or sub_empty
            if least and not empty:
                return found, False
            continue  # it may match nothing: what follows may start the match too
        if name in _ZERO_WIDTH:
            continue
        return None, False  # any character (.), a back reference, a conditional, an atomic group: not listed
    return found, True
