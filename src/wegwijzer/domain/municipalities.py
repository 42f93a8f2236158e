"""Finding a municipality by what someone types: case, accents, hyphens, "'s-" prefixes, well-known other
names, names of municipalities merged into it, and small typos. Plain Python, no Django.

Scores: 1.0 for the same name after normalising, 0.9 when the text is the start of a name (at least three
characters), else the similarity of the two (difflib) when it is at least ``TYPO``. The best name of each
municipality counts; results are best first, then by name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

TYPO = 0.8
PREFIX = 0.9
QUERY_MAX = 100


@dataclass(frozen=True)
class Entry:
    key: str  # the municipality's code
    name: str  # its official name
    names: tuple[str, ...]  # every name it is found by (its own first)


@dataclass(frozen=True)
class Match:
    key: str
    name: str
    matched: str  # the name that matched (an alias or a former municipality, for example)
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 1.0


def normalise(text: str) -> str:
    """'s-Hertogenbosch -> hertogenbosch, Súdwest-Fryslân -> sudwest fryslan, Beek (L.) -> beek l."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"^\s*'?s[\s-]+(?=[a-z])", "", text) if re.match(r"^\s*'?s[\s-]", text) else text
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def _score(query: str, name: str) -> float:
    if query == name:
        return 1.0
    if len(query) >= 3 and name.startswith(query):
        return PREFIX
    ratio = difflib.SequenceMatcher(None, query, name).ratio()
    return ratio if ratio >= TYPO else 0.0


def find(query: str, entries: Iterable[Entry], limit: int = 10) -> list[Match]:
    """The municipalities that ``query`` may mean, best first. Empty when nothing comes close."""
    q = normalise(query)
    if not q:
        return []
    best: dict[str, Match] = {}
    for entry in entries:
        for name in entry.names:
            score = _score(q, normalise(name))
            if score and (entry.key not in best or score > best[entry.key].score):
                best[entry.key] = Match(entry.key, entry.name, name, score)
    return sorted(best.values(), key=lambda m: (-m.score, normalise(m.name)))[:limit]


def choose(matches: list[Match]) -> Match | None:
    """The one municipality meant, when it is clear: the only exact match, or the only candidate at all."""
    exact = [m for m in matches if m.exact]
    if len(exact) == 1:
        return exact[0]
    if not exact and len(matches) == 1:
        return matches[0]
    return None
