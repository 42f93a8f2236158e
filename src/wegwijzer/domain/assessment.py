"""The signaleringshulp's result: from answers on signals to what the combination points to and which
routes and texts apply. Plain Python, no Django; nothing is stored.

Principles (domain.md §1, §7):
- signals are indications, never proof: the result lists which observed signals support each form and
  each element of the legal definition — no probability, no score, no verdict;
- "niet waargenomen" and "onbekend" are different answers, and only "waargenomen" counts;
- a signal that belongs to several forms counts for each form and is listed once overall;
- acute danger comes before everything else;
- for minors the means is not required (act + purpose suffices).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .text import normalise_newlines

ANSWERS = ("waargenomen", "niet-waargenomen", "onbekend")
SOURCES = ("zelf-gezien", "verteld-door-persoon", "via-derden")
AGE_GROUPS = ("minderjarig", "meerderjarig", "onbekend")
DANGER = ("ja", "nee", "onbekend")
ELEMENTS = ("act", "means", "purpose")
NOTE_MAX = 500

CUE_FOREIGN = "buitenlandse-nationaliteit"
CUE_MINOR = "minderjarig"
SEX_WORK_FORMS = ("seksuele-uitbuiting", "sekswerk")


@dataclass(frozen=True)
class SignalInfo:
    id: str
    forms: tuple[str, ...]
    element: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    answer: str = "onbekend"
    source: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Situation:
    age_group: str = "onbekend"
    acute_danger: str = "onbekend"


@dataclass
class Result:
    acute_danger: bool
    observed: list[str]  # observed signal ids, in catalogue order, each once
    counts: dict[str, int]  # per answer
    forms: dict[str, list[str]]  # form slug -> observed signal ids supporting it (catalogue order of forms)
    elements: dict[str, list[str]]  # act / means / purpose -> observed signal ids
    minor: bool  # age group minderjarig
    possibly_minor: bool  # age unknown, but a signal suggests a minor
    means_required: bool
    foreign_national_cue: bool
    foreign_signals: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # which explanatory sections apply, in order

    @property
    def minor_route(self) -> bool:
        return self.minor or self.possibly_minor


def assess(
    signals: Sequence[SignalInfo],
    answers: Mapping[str, Answer],
    situation: Situation,
    form_order: Iterable[str] = (),
) -> Result:
    """Combine answers into a :class:`Result`. ``answers`` may omit signals (they count as onbekend);
    ids not in ``signals`` must be rejected by the caller before (they are ignored here)."""
    counts = dict.fromkeys(ANSWERS, 0)
    observed: list[SignalInfo] = []
    for signal in signals:
        answer = answers.get(signal.id, Answer())
        counts[answer.answer] += 1
        if answer.answer == "waargenomen":
            observed.append(signal)

    order = list(dict.fromkeys([*form_order, *(f for s in signals for f in s.forms)]))
    forms: dict[str, list[str]] = {}
    for slug in order:
        ids = [s.id for s in observed if slug in s.forms]
        if ids:
            forms[slug] = ids
    elements = {element: [s.id for s in observed if s.element == element] for element in ELEMENTS}

    minor = situation.age_group == "minderjarig"
    possibly_minor = situation.age_group == "onbekend" and any(CUE_MINOR in s.cues for s in observed)
    foreign = [s.id for s in observed if CUE_FOREIGN in s.cues]
    acute = situation.acute_danger == "ja"

    sections: list[str] = []
    if acute:
        sections.append("acuut-gevaar")
    sections.append("aanwijzingen" if observed else "geen-signalen")
    if minor or possibly_minor:
        sections += ["middel-niet-nodig", "route-minderjarigen"]
    if foreign:
        sections.append("b8-bedenktijd")
    if observed:
        if foreign and not minor:
            sections.append("opvang-cosm")
        if minor or possibly_minor:
            sections.append("opvang-minderjarigen")
        if any(slug in forms for slug in SEX_WORK_FORMS):
            sections.append("uitstappen")
        sections.append("zorg")

    return Result(
        acute_danger=acute,
        observed=[s.id for s in observed],
        counts=counts,
        forms=forms,
        elements=elements,
        minor=minor,
        possibly_minor=possibly_minor,
        means_required=not (minor or possibly_minor),
        foreign_national_cue=bool(foreign),
        foreign_signals=foreign,
        sections=sections,
    )


# ------------------------------------------------------------------------------ parsing and validation


@dataclass
class Problem:
    field: str
    message_nl: str
    message_en: str


def parse_answer(field_prefix: str, answer: str | None, source: str | None, note: str | None,
                 problems: list[Problem]) -> Answer:
    """Validate one answer. Problems are appended (with the field name), never raised."""
    answer = answer or "onbekend"
    if answer not in ANSWERS:
        problems.append(Problem(f"{field_prefix}.answer",
                                f"onbekend antwoord {answer!r}; kies uit {', '.join(ANSWERS)}",
                                f"unknown answer {answer!r}; choose from {', '.join(ANSWERS)}"))
        answer = "onbekend"
    source = source or None
    if source is not None and source not in SOURCES:
        problems.append(Problem(f"{field_prefix}.source", f"onbekende bron {source!r}; kies uit {', '.join(SOURCES)}",
                                f"unknown source {source!r}; choose from {', '.join(SOURCES)}"))
        source = None
    note = normalise_newlines(note or "").strip()  # count a line break once, as the browser's maxlength did
    if len(note) > NOTE_MAX:
        problems.append(Problem(f"{field_prefix}.note", f"de notitie is langer dan {NOTE_MAX} tekens",
                                f"the note is longer than {NOTE_MAX} characters"))
        note = note[:NOTE_MAX]
    if answer != "waargenomen":  # a source and a note belong to an observation only
        source, note = None, ""
    return Answer(answer=answer, source=source, note=note)
