"""A route through the wegwijzer for one person: which steps, rights and organisations apply.

Plain Python, no Django. The catalogue gives every step, right and organisation a set of conditions
(age group, nationality group, legal residence, form of exploitation, aangifte, shelter needed); the
professional describes the situation; :func:`plan_route` keeps what applies, in the order of the
phases. Nothing is scored and nothing is stored.

An answer "onbekend" never hides anything: an item whose condition depends on an unknown answer is kept
and marked as *possibly* applicable, with the unknown factor named — so the professional sees what to
find out, instead of missing a right.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

AGE_GROUPS = ("minderjarig", "meerderjarig", "onbekend")
NATIONALITIES = ("nl", "eu", "non-eu", "onbekend")
RESIDENCE = ("ja", "nee", "onbekend")
UNKNOWN = "onbekend"
# The groups an organisation serves. Gender is not asked, so "vrouwen" and "mannen" never exclude.
SERVES = ("minderjarigen", "vrouwen", "mannen", "buitenlanders", "sekswerkers")
SEX_WORK_FORMS = frozenset({"sekswerk", "seksuele-uitbuiting"})

# The factors of a situation, by the name used in conditions, problems and the API.
FACTORS = ("age_group", "nationality", "legal_residence", "form", "aangifte", "shelter_needed")


@dataclass(frozen=True)
class RouteSituation:
    region: str
    age_group: str = UNKNOWN
    nationality: str = UNKNOWN
    legal_residence: str = UNKNOWN
    form: str = ""  # a form slug; "" = not known
    aangifte: bool = False
    shelter_needed: bool = False

    def value(self, factor: str):
        value = getattr(self, factor)
        if factor == "legal_residence" and self.nationality == "nl":
            return "ja"  # Dutch nationals always reside lawfully
        if factor == "form" and not value:
            return UNKNOWN
        return value


@dataclass(frozen=True)
class RouteProblem:
    field: str
    message_nl: str
    message_en: str


def validate(situation: RouteSituation, forms: Iterable[str]) -> list[RouteProblem]:
    """Every problem in a situation, each with the field it belongs to. An empty list means valid."""
    problems = []
    if situation.age_group not in AGE_GROUPS:
        problems.append(RouteProblem("age_group", f"kies een leeftijdsgroep: {', '.join(AGE_GROUPS)}",
                                     f"choose an age group: {', '.join(AGE_GROUPS)}"))
    if situation.nationality not in NATIONALITIES:
        problems.append(RouteProblem("nationality", f"kies een nationaliteit: {', '.join(NATIONALITIES)}",
                                     f"choose a nationality: {', '.join(NATIONALITIES)}"))
    if situation.legal_residence not in RESIDENCE:
        problems.append(RouteProblem("legal_residence", f"kies rechtmatig verblijf: {', '.join(RESIDENCE)}",
                                     f"choose legal residence: {', '.join(RESIDENCE)}"))
    elif situation.nationality == "nl" and situation.legal_residence == "nee":
        problems.append(RouteProblem(
            "legal_residence",
            "wie de Nederlandse nationaliteit heeft, verblijft altijd rechtmatig in Nederland: kies 'ja' of "
            "'onbekend', of pas de nationaliteit aan",
            "a Dutch national always resides lawfully in the Netherlands: choose 'ja' or 'onbekend', or change "
            "the nationality",
        ))
    forms = list(forms)
    if situation.form and situation.form not in forms:
        problems.append(RouteProblem("form", f"kies een vorm van uitbuiting: {', '.join(forms)}",
                                     f"choose a form of exploitation: {', '.join(forms)}"))
    for name in ("aangifte", "shelter_needed"):
        if not isinstance(getattr(situation, name), bool):
            problems.append(RouteProblem(name, f"{name} is ja of nee", f"{name} is true or false"))
    return problems


@dataclass(frozen=True)
class Conditions:
    """When an item applies. An empty set or ``None`` means: whatever the answer."""

    age_group: frozenset[str] = frozenset()
    nationality: frozenset[str] = frozenset()
    legal_residence: frozenset[str] = frozenset()
    form: frozenset[str] = frozenset()
    aangifte: bool | None = None
    shelter_needed: bool | None = None

    @classmethod
    def from_data(cls, data: Mapping | None) -> Conditions:
        data = data or {}
        return cls(
            age_group=frozenset(data.get("age_group", ())),
            nationality=frozenset(data.get("nationality", ())),
            legal_residence=frozenset(data.get("legal_residence", ())),
            form=frozenset(data.get("form", ())),
            aangifte=data.get("aangifte"),
            shelter_needed=data.get("shelter_needed"),
        )


@dataclass(frozen=True)
class Match:
    """An item applies; ``uncertain`` names the unknown answers it depends on (empty: it surely applies)."""

    uncertain: tuple[str, ...] = ()

    @property
    def certain(self) -> bool:
        return not self.uncertain

    def __and__(self, other: Match) -> Match:
        return Match(tuple(dict.fromkeys(self.uncertain + other.uncertain)))


def match(conditions: Conditions, situation: RouteSituation) -> Match | None:
    """``None`` when a known answer rules the item out; otherwise a :class:`Match`."""
    uncertain = []
    for factor in ("age_group", "nationality", "legal_residence", "form"):
        allowed = getattr(conditions, factor)
        if not allowed:
            continue
        value = situation.value(factor)
        if value == UNKNOWN:
            uncertain.append(factor)
        elif value not in allowed:
            return None
    for factor in ("aangifte", "shelter_needed"):
        wanted = getattr(conditions, factor)
        if wanted is not None and wanted != getattr(situation, factor):
            return None
    return Match(tuple(uncertain))


def serves(groups: Iterable[str], situation: RouteSituation) -> Match | None:
    """Whether an organisation that serves ``groups`` can help this person. No groups: everyone."""
    groups = set(groups)
    if not groups or groups & {"vrouwen", "mannen"}:
        return Match()
    results = []
    if "minderjarigen" in groups:
        results.append(match(Conditions(age_group=frozenset({"minderjarig"})), situation))
    if "buitenlanders" in groups:
        results.append(match(Conditions(nationality=frozenset({"eu", "non-eu"})), situation))
    if "sekswerkers" in groups:
        results.append(match(Conditions(form=SEX_WORK_FORMS), situation))
    found = [r for r in results if r is not None]
    if not found:
        return None
    return next((r for r in found if r.certain), found[0])


@dataclass(frozen=True)
class Ref:
    """A step's reference to a right or an organisation, with conditions of its own."""

    key: str
    conditions: Conditions = Conditions()


@dataclass(frozen=True)
class StepRule:
    key: str
    phase: str
    conditions: Conditions = Conditions()
    rights: tuple[Ref, ...] = ()
    organisations: tuple[Ref, ...] = ()
    shelter: bool = False  # a step about shelter: urgent when shelter is needed now


@dataclass(frozen=True)
class FirstContactRule:
    """Whom to call first, and why, in a given situation."""

    organisation: str
    conditions: Conditions = Conditions()


@dataclass(frozen=True)
class Applied:
    key: str
    match: Match
    rule: int = -1  # for a first contact: the index of the rule that chose it


@dataclass
class RouteStep:
    key: str
    phase: str
    match: Match
    rights: list[Applied] = field(default_factory=list)
    organisations: list[Applied] = field(default_factory=list)
    urgent: bool = False  # a shelter step when shelter is needed now


@dataclass
class RoutePlan:
    situation: RouteSituation
    steps: list[RouteStep]
    first_contacts: list[Applied]
    minor: bool  # the route for minors: Veilig Thuis, kindcheck, "means not required"

    @property
    def phases(self) -> list[str]:
        return list(dict.fromkeys(s.phase for s in self.steps))

    def rights(self) -> list[str]:
        return list(dict.fromkeys(r.key for s in self.steps for r in s.rights))

    def organisations(self) -> list[str]:
        return list(dict.fromkeys(o.key for s in self.steps for o in s.organisations))


def plan_route(
    situation: RouteSituation,
    steps: Sequence[StepRule],
    rights: Mapping[str, Conditions],
    organisations: Mapping[str, Iterable[str]],
    first_contacts: Sequence[FirstContactRule] = (),
) -> RoutePlan:
    """The route for ``situation``: steps in catalogue order (phase by phase), each with the rights and
    organisations that apply. ``rights`` maps a right to its own conditions; ``organisations`` maps an
    organisation to the groups it serves, and holds only the organisations available in the region."""
    planned = []
    for rule in steps:
        step_match = match(rule.conditions, situation)
        if step_match is None:
            continue
        applied_rights = []
        for ref in rule.rights:
            own = match(rights.get(ref.key, Conditions()), situation) if ref.key in rights else None
            via = match(ref.conditions, situation)
            if own is not None and via is not None:
                applied_rights.append(Applied(ref.key, own & via))
        applied_orgs = []
        for ref in rule.organisations:
            if ref.key not in organisations:
                continue  # not available in this region
            who = serves(organisations[ref.key], situation)
            via = match(ref.conditions, situation)
            if who is not None and via is not None:
                applied_orgs.append(Applied(ref.key, who & via))
        planned.append(RouteStep(rule.key, rule.phase, step_match, applied_rights, applied_orgs,
                                 urgent=situation.shelter_needed and rule.shelter))
    first = []
    for index, rule in enumerate(first_contacts):
        if rule.organisation not in organisations:
            continue
        found = match(rule.conditions, situation)
        if found is None:
            continue
        earlier = next((i for i, f in enumerate(first) if f.key == rule.organisation), None)
        if earlier is None:
            first.append(Applied(rule.organisation, found, index))
        elif not first[earlier].match.certain and found.certain:
            first[earlier] = Applied(rule.organisation, found, index)  # a rule that surely applies wins
    return RoutePlan(situation, planned, first, minor=situation.age_group == "minderjarig")
