"""The Gulpease index: how easy an Italian text is to read (Lucisano and Piemontese, 1988).

    G = 89 + (300 * sentences - 10 * letters) / words

Made for Italian (it counts letters, not syllables), from 0 (very hard) to 100 (very
easy). For readers with primary-school education a text under 80 is hard, with lower
secondary (licenza media) under 60, with upper secondary under 40: texts for citizens
should reach TARGET (60).

Counting rules, so that the figure is reproducible by hand:
- letters: alphabetic characters (accented ones included); digits and punctuation are not;
- words: runs of letters or digits (a number such as 9.30 or 1.234,5 is one word); an apostrophe separates (l'acqua = 2 words, as the
  elided article is a word), a hyphen joins nothing (ex-sindaco = 2 words);
- sentences: each run of . ! ? … ; (a period between digits, as in 3.5 or 9.30, is not one);
  a line break or the end of the text closes a sentence that has words and no ending mark
  (list items, titles).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TARGET = 60.0

_WORD = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W_]+")  # a number (9.30, 1.234,5) or a run of letters and digits


@dataclass(frozen=True)
class Readability:
    index: float      # 0..100, rounded to one decimal
    raw: float        # the formula's value before clamping to 0..100
    sentences: int
    words: int
    letters: int

    @property
    def meets_target(self) -> bool:
        return self.index >= TARGET

    @property
    def level(self) -> str:
        """Who reads it easily: 'primary' (>= 80), 'middle' (>= 60), 'secondary' (>= 40), 'hard'."""
        if self.index >= 80:
            return "primary"
        if self.index >= 60:
            return "middle"
        if self.index >= 40:
            return "secondary"
        return "hard"


def _sentences(text: str) -> int:
    count = 0
    for line in text.splitlines():
        pending = False  # words since the last ending mark
        i = 0
        while i < len(line):
            ch = line[i]
            if ch in ".!?…;":
                is_decimal = ch == "." and 0 < i < len(line) - 1 and line[i - 1].isdigit() and line[i + 1].isdigit()
                if not is_decimal:
                    if pending:
                        count += 1
                    pending = False
                    while i + 1 < len(line) and line[i + 1] in ".!?…;":  # "?!" and "..." end one sentence
                        i += 1
            elif ch.isalnum():
                pending = True
            i += 1
        if pending:
            count += 1  # a line without an ending mark: a title, a list item
    return count


def gulpease(text: str) -> Readability | None:
    """The Gulpease index of text; None when it has no words (nothing to measure)."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    letters = sum(1 for w in words for ch in w if ch.isalpha())
    sentences = max(1, _sentences(text))
    raw = 89 + (300 * sentences - 10 * letters) / len(words)
    return Readability(round(min(100.0, max(0.0, raw)), 1), raw, sentences, len(words), letters)
