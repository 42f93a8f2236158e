"""The route logic on its own (no Django, no catalogue): which steps, rights and organisations apply to
a situation, how unknown answers are handled, and whom to call first."""

import pytest

from wegwijzer.domain.route import (
    Conditions,
    FirstContactRule,
    Match,
    Ref,
    RouteSituation,
    StepRule,
    match,
    plan_route,
    serves,
    validate,
)

FORMS = ["seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting", "sekswerk"]


def C(**kw):
    return Conditions.from_data(kw)


def S(**kw):
    return RouteSituation(region="r", **kw)


# A small catalogue, shaped like the real one.
RIGHTS = {
    "b8": C(nationality=["eu", "non-eu"], legal_residence=["nee"]),
    "cosm": C(age_group=["meerderjarig"], nationality=["eu", "non-eu"], legal_residence=["nee"]),
    "vrouwenopvang": C(age_group=["meerderjarig"], nationality=["nl", "eu"]),
    "jeugdopvang": C(age_group=["minderjarig"]),
    "tolk": C(nationality=["eu", "non-eu"]),
    "informatief-gesprek": C(aangifte=False),
    "schadevergoeding": C(aangifte=True),
    "loon": C(form=["arbeidsuitbuiting"]),
    "rechtsbijstand": C(),
}
ORGS = {"zc": [], "vt": [], "politie": [], "comensha": [], "nidos": ["minderjarigen", "buitenlanders"],
        "jeugdzorg": ["minderjarigen"], "sterk-huis": ["vrouwen", "sekswerkers"], "rups": ["sekswerkers"],
        "fairwork": []}
STEPS = [
    StepRule("signaleren/overleggen", "signaleren", organisations=(Ref("zc"), Ref("vt"))),
    StepRule("beschermen/opvang", "beschermen", rights=(Ref("cosm"), Ref("vrouwenopvang"), Ref("jeugdopvang")),
             organisations=(Ref("comensha", C(age_group=["meerderjarig"], nationality=["eu", "non-eu"])),
                            Ref("jeugdzorg"), Ref("nidos", C(age_group=["minderjarig"],
                                                             nationality=["eu", "non-eu"]))), shelter=True),
    StepRule("beschermen/verblijf", "beschermen", C(nationality=["eu", "non-eu"]), rights=(Ref("b8"),)),
    StepRule("beschermen/juridisch", "beschermen", rights=(Ref("rechtsbijstand"), Ref("tolk"))),
    StepRule("beschermen/uitstappen", "beschermen", C(form=["sekswerk", "seksuele-uitbuiting"]),
             organisations=(Ref("sterk-huis"), Ref("rups"))),
    StepRule("strafproces/informatief-gesprek", "strafproces", C(aangifte=False),
             rights=(Ref("informatief-gesprek"),), organisations=(Ref("politie"),)),
    StepRule("compensatie/strafzaak", "compensatie", C(aangifte=True), rights=(Ref("schadevergoeding"),)),
    StepRule("compensatie/loon", "compensatie", C(form=["arbeidsuitbuiting"]), rights=(Ref("loon"),),
             organisations=(Ref("fairwork"),)),
]
FIRST = [
    FirstContactRule("zc"),
    FirstContactRule("vt", C(age_group=["minderjarig"])),
    FirstContactRule("comensha", C(shelter_needed=True, age_group=["meerderjarig"], nationality=["eu", "non-eu"])),
    FirstContactRule("politie", C(nationality=["eu", "non-eu"], legal_residence=["nee"])),
    FirstContactRule("vt"),
]


def route(**kw):
    return plan_route(S(**kw), STEPS, RIGHTS, ORGS, FIRST)


def step_keys(plan):
    return [s.key for s in plan.steps]


def sure(plan):
    """Rights that surely apply."""
    return {r.key for s in plan.steps for r in s.rights if r.match.certain}


def maybe(plan):
    return {r.key: r.match.uncertain for s in plan.steps for r in s.rights if not r.match.certain}


def orgs(plan):
    return set(plan.organisations())


def first(plan):
    return [f.key for f in plan.first_contacts]


# ------------------------------------------------------------------------------------- 14 situations


def test_non_eu_adult_without_residence_gets_b8_cosm_interpreter_and_police_first():
    plan = route(age_group="meerderjarig", nationality="non-eu", legal_residence="nee", form="seksuele-uitbuiting")
    assert {"b8", "cosm", "tolk", "rechtsbijstand", "informatief-gesprek"} <= sure(plan)
    assert "vrouwenopvang" not in sure(plan) and "jeugdopvang" not in sure(plan)
    assert first(plan) == ["zc", "politie", "vt"]
    assert {"comensha", "sterk-huis", "rups"} <= orgs(plan) and "nidos" not in orgs(plan)


def test_eu_adult_without_residence_gets_b8_and_both_kinds_of_adult_shelter():
    plan = route(age_group="meerderjarig", nationality="eu", legal_residence="nee")
    assert {"b8", "cosm", "vrouwenopvang", "tolk"} <= sure(plan)


def test_eu_adult_with_residence_gets_no_b8_and_no_cosm():
    plan = route(age_group="meerderjarig", nationality="eu", legal_residence="ja")
    assert "b8" not in sure(plan) and "cosm" not in sure(plan) and "b8" not in maybe(plan)
    assert "beschermen/verblijf" in step_keys(plan)  # the step shows; its right does not apply
    assert "politie" not in first(plan)


def test_dutch_adult_gets_no_residence_step_no_interpreter_and_womens_shelter():
    plan = route(age_group="meerderjarig", nationality="nl", legal_residence="onbekend")
    assert "beschermen/verblijf" not in step_keys(plan)
    assert "tolk" not in sure(plan) and "tolk" not in maybe(plan)
    assert "vrouwenopvang" in sure(plan) and "cosm" not in sure(plan)


def test_dutch_nationals_count_as_lawfully_resident_even_when_residence_is_unknown():
    plan = route(age_group="meerderjarig", nationality="nl", legal_residence="onbekend")
    assert "legal_residence" not in [f for u in maybe(plan).values() for f in u]


def test_dutch_minor_gets_youth_shelter_and_veilig_thuis_first_not_nidos():
    plan = route(age_group="minderjarig", nationality="nl", form="criminele-uitbuiting")
    assert "jeugdopvang" in sure(plan) and "cosm" not in sure(plan) and "vrouwenopvang" not in sure(plan)
    assert first(plan) == ["zc", "vt"]
    assert "jeugdzorg" in orgs(plan) and "nidos" not in orgs(plan)
    assert plan.minor


def test_foreign_minor_gets_nidos_and_b8_but_not_cosm():
    plan = route(age_group="minderjarig", nationality="non-eu", legal_residence="nee")
    assert "nidos" in orgs(plan) and "jeugdzorg" in orgs(plan)
    assert "b8" in sure(plan) and "cosm" not in sure(plan)
    assert first(plan) == ["zc", "vt", "politie"]


def test_without_aangifte_the_informative_conversation_comes_and_no_court_compensation():
    plan = route(age_group="meerderjarig", nationality="nl", aangifte=False)
    assert "strafproces/informatief-gesprek" in step_keys(plan)
    assert "compensatie/strafzaak" not in step_keys(plan)


def test_after_aangifte_court_compensation_comes_and_the_informative_conversation_is_past():
    plan = route(age_group="meerderjarig", nationality="nl", aangifte=True)
    assert "compensatie/strafzaak" in step_keys(plan) and "schadevergoeding" in sure(plan)
    assert "strafproces/informatief-gesprek" not in step_keys(plan)


def test_labour_exploitation_adds_unpaid_wages_and_fairwork():
    plan = route(age_group="meerderjarig", nationality="eu", legal_residence="ja", form="arbeidsuitbuiting")
    assert "loon" in sure(plan) and "fairwork" in orgs(plan)
    assert "beschermen/uitstappen" not in step_keys(plan)


def test_sex_work_by_choice_gets_exit_programmes_but_criminal_exploitation_does_not():
    assert "beschermen/uitstappen" in step_keys(route(form="sekswerk"))
    assert "beschermen/uitstappen" not in step_keys(route(form="criminele-uitbuiting"))


def test_everything_unknown_hides_nothing_and_names_what_to_find_out():
    plan = route()
    assert {"b8", "cosm", "vrouwenopvang", "jeugdopvang", "tolk", "loon"} <= set(maybe(plan))
    assert set(maybe(plan)["cosm"]) == {"age_group", "nationality", "legal_residence"}
    assert "rechtsbijstand" in sure(plan)
    assert "beschermen/uitstappen" in step_keys(plan) and "compensatie/loon" in step_keys(plan)
    assert [f.key for f in plan.first_contacts if f.match.certain] == ["zc", "vt"]


def test_unknown_nationality_for_a_minor_keeps_nidos_as_possible():
    plan = route(age_group="minderjarig")
    nidos = [o for s in plan.steps for o in s.organisations if o.key == "nidos"]
    assert nidos and nidos[0].match.uncertain == ("nationality",)


def test_shelter_needed_marks_the_shelter_step_urgent_and_puts_comensha_first_for_foreign_adults():
    plan = route(age_group="meerderjarig", nationality="non-eu", legal_residence="nee", shelter_needed=True)
    assert [s.key for s in plan.steps if s.urgent] == ["beschermen/opvang"]
    assert first(plan) == ["zc", "comensha", "politie", "vt"]
    assert not any(s.urgent for s in route(age_group="meerderjarig", nationality="nl").steps)


def test_steps_keep_the_order_of_the_phases():
    plan = route(age_group="meerderjarig", nationality="non-eu", legal_residence="nee", form="arbeidsuitbuiting")
    assert plan.phases == ["signaleren", "beschermen", "strafproces", "compensatie"]
    assert step_keys(plan) == [s.key for s in STEPS if s.key in step_keys(plan)]


def test_an_organisation_missing_in_the_region_is_left_out():
    plan = plan_route(S(), STEPS, RIGHTS, {k: v for k, v in ORGS.items() if k != "zc"}, FIRST)
    assert "zc" not in orgs(plan) and "zc" not in first(plan)


# --------------------------------------------------------------------------------------- building blocks


def test_match_rules_out_only_on_a_known_answer():
    assert match(C(age_group=["minderjarig"]), S(age_group="meerderjarig")) is None
    assert match(C(age_group=["minderjarig"]), S(age_group="onbekend")) == Match(("age_group",))
    assert match(C(age_group=["minderjarig"]), S(age_group="minderjarig")) == Match()
    assert match(C(aangifte=True), S(aangifte=False)) is None


@pytest.mark.parametrize(("groups", "situation", "expected"), [
    ([], S(age_group="meerderjarig"), Match()),
    (["minderjarigen"], S(age_group="meerderjarig"), None),
    (["minderjarigen"], S(age_group="onbekend"), Match(("age_group",))),
    (["buitenlanders"], S(nationality="nl"), None),
    (["vrouwen", "sekswerkers"], S(form="arbeidsuitbuiting"), Match()),  # gender is not asked
    (["sekswerkers"], S(form="arbeidsuitbuiting"), None),
    (["sekswerkers"], S(form="sekswerk"), Match()),
])
def test_serves(groups, situation, expected):
    assert serves(groups, situation) == expected


def test_validate_names_every_bad_field():
    problems = validate(RouteSituation("r", "oud", "mars", "misschien", "vissen"), FORMS)
    assert [p.field for p in problems] == ["age_group", "nationality", "legal_residence", "form"]
    assert all(p.message_nl and p.message_en for p in problems)
    assert validate(S(age_group="minderjarig", nationality="eu", legal_residence="nee", form="sekswerk"), FORMS) == []


def test_a_dutch_national_without_legal_residence_is_refused_with_a_reason():
    [problem] = validate(S(nationality="nl", legal_residence="nee"), FORMS)
    assert problem.field == "legal_residence" and "Nederlandse nationaliteit" in problem.message_nl
