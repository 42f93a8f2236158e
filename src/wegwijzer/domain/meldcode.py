"""The meldcode steps and the afwegingskader as plain Python: where a case stands, derived from what was
recorded. No Django: the dossier passes in its (effective, uncorrected) entries as plain records.

The five afwegingen (domain.md §2):

| # | question                                              | nee →        | ja →                                   |
|---|-------------------------------------------------------|--------------|----------------------------------------|
| 1 | suspicion of (a threat of) exploitation?              | close        | 2                                      |
| 2 | acute and/or structural unsafety?                     | 3            | melden (norm); 3-5 together with VT    |
| 3 | can I offer or organise effective help?               | melden       | 4                                      |
| 4 | do those involved accept the help and commit to it?   | melden       | organise help, 5                       |
| 5 | does the help lead to lasting safety?                 | melden       | continue help, agreements on safety    |

So melden is the professional norm when there is acute or structural unsafety, no effective help is
possible, the help is not accepted, or it does not bring lasting safety.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

ENTRY_KINDS = (
    "signal",  # step 1: an observed signal, with date, place, source, facts and interpretation kept apart
    "consultation",  # step 2
    "conversation",  # step 3: a conversation took place
    "no_conversation",  # step 3: why no conversation took place (e.g. safety)
    "afweging",  # step 4: one afweging, its answer and the reasoning
    "melding",  # step 5: a melding at Veilig Thuis
    "help",  # step 5: help organised
    "comensha",  # step 5: registration at CoMensha, with consent
    "close",  # the case is closed, with a reason
    "reopen",  # the case is reopened
)
STEP_KINDS = {
    "signals": ("signal",),
    "consultation": ("consultation",),
    "conversation": ("conversation", "no_conversation"),
    "weighing": ("afweging",),
    "decision": ("melding", "help", "comensha"),
}


class InvalidTransition(ValueError):
    """An entry that does not fit the current state (e.g. afweging 3 before afweging 2)."""

    def __init__(self, message_nl: str, message_en: str):
        super().__init__(message_nl)
        self.message_nl, self.message_en = message_nl, message_en


@dataclass(frozen=True)
class Weighing:
    """The afwegingen answered so far, and what follows from them."""

    answers: Mapping[int, bool]
    next: int | None  # the afweging to answer next; None when the weighing is complete
    melden: bool  # melden is the professional norm
    melden_reasons: tuple[int, ...]  # the afwegingen that make melden the norm
    help: bool  # help is offered or organised (afweging 4 answered yes)
    close: bool  # afweging 1 answered no: no suspicion, close and record
    together_with_vt: bool  # afweging 2 yes: afwegingen 3-5 together with Veilig Thuis


def weigh(answers: Mapping[int, bool]) -> Weighing:
    """Walk the afwegingskader with ``answers`` ({number: yes?}). Answers past the point where the
    branching stops are ignored; an answer to an afweging that is not reached is an error."""
    nxt: int | None = 1
    reasons: list[int] = []
    help_ = close = together = False
    seen = {}
    while nxt is not None and nxt in answers:
        yes = answers[nxt]
        seen[nxt] = yes
        if nxt == 1:
            if not yes:
                close, nxt = True, None
            else:
                nxt = 2
        elif nxt == 2:
            if yes:
                reasons.append(2)
                together = True
            nxt = 3
        elif nxt == 3:
            if not yes:
                reasons.append(3)
                nxt = None
            else:
                nxt = 4
        elif nxt == 4:
            if not yes:
                reasons.append(4)
                nxt = None
            else:
                help_, nxt = True, 5
        elif nxt == 5:
            if not yes:
                reasons.append(5)
            nxt = None
    extra = sorted(set(answers) - set(seen))
    if extra:
        raise InvalidTransition(
            f"afweging {extra[0]} hoort niet bij deze weging; beantwoord eerst afweging {nxt}"
            if nxt else f"afweging {extra[0]} hoort niet bij deze weging: de weging is al afgerond",
            f"afweging {extra[0]} does not belong to this weighing; answer afweging {nxt} first"
            if nxt else f"afweging {extra[0]} does not belong to this weighing: the weighing is complete",
        )
    return Weighing(dict(seen), nxt, bool(reasons), tuple(reasons), help_, close, together)


def weigh_recorded(answers: Mapping[int, bool]) -> Weighing:
    """Like :func:`weigh`, for answers as recorded: when a correction changed an earlier answer, the later
    answers that no longer follow from it lapse instead of raising."""
    try:
        return weigh(answers)
    except InvalidTransition:
        return _weigh_prefix(answers)


def check_afweging(answers: Mapping[int, bool], number: int) -> None:
    """Raise :class:`InvalidTransition` unless ``number`` is the afweging to answer next."""
    current = weigh_recorded(answers)
    if number not in range(1, 6):
        raise InvalidTransition("een afweging heeft een nummer van 1 tot en met 5",
                                "an afweging is numbered 1 to 5")
    if current.next is None:
        raise InvalidTransition("de weging is al afgerond; corrigeer een eerdere afweging als die niet klopt",
                                "the weighing is complete; correct an earlier afweging if it is wrong")
    if number != current.next:
        raise InvalidTransition(f"beantwoord eerst afweging {current.next}",
                                f"answer afweging {current.next} first")


@dataclass(frozen=True)
class Record:
    """An effective entry: its kind and the few fields the status depends on."""

    kind: str
    data: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class Status:
    code: str  # signals, consultation, conversation, weighing, melden, help, decided, closed
    step: int  # the meldcode step the case is at (1-5); 0 when closed
    weighing: Weighing
    closed: bool
    open_steps: tuple[str, ...]  # steps with nothing recorded yet


def derive_status(records: Iterable[Record]) -> Status:
    """Where a case stands, from what was recorded (in order). Corrections are resolved by the caller:
    ``records`` holds only effective entries."""
    records = list(records)
    closed = False
    for r in records:
        if r.kind == "close":
            closed = True
        elif r.kind == "reopen":
            closed = False
    answers = {int(r.data["number"]): bool(r.data["answer"]) for r in records if r.kind == "afweging"}
    weighing = weigh_recorded(answers)  # e.g. a correction changed afweging 1 to "nee": later answers lapse
    kinds = {r.kind for r in records}
    open_steps = tuple(step for step, step_kinds in STEP_KINDS.items() if not kinds & set(step_kinds))
    if closed:
        return Status("closed", 0, weighing, True, open_steps)
    if "signal" not in kinds:
        code, step = "signals", 1
    elif "consultation" not in kinds:
        code, step = "consultation", 2
    elif not kinds & {"conversation", "no_conversation"}:
        code, step = "conversation", 3
    elif weighing.next is not None:
        code, step = "weighing", 4
    elif weighing.melden and "melding" not in kinds:
        code, step = "melden", 5
    elif weighing.help and "help" not in kinds:
        code, step = "help", 5
    elif weighing.close:
        code, step = "close", 4
    else:
        code, step = "decided", 5
    return Status(code, step, weighing, False, open_steps)


def _weigh_prefix(answers: Mapping[int, bool]) -> Weighing:
    kept: dict[int, bool] = {}
    for number in sorted(answers):
        try:
            weigh({**kept, number: answers[number]})
        except InvalidTransition:
            break
        kept[number] = answers[number]
    return weigh(kept)


def consent_by(age: int | None) -> str:
    """Who signs the consent for a CoMensha registration with help (in youth care): the person from 16,
    parents or guardian under 16; an adult always signs themselves."""
    if age is not None and age < 16:
        return "ouders-of-voogd"
    return "betrokkene"
