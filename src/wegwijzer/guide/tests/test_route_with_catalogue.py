"""The route with the real catalogue (content/): for each situation, whom to call first and which rights
surely apply. These are the answers a professional should get; a content change that breaks one of
them must be deliberate."""

import pytest

from wegwijzer.catalogue import queries as q
from wegwijzer.domain.route import RouteSituation
from wegwijzer.guide.service import build_route

pytestmark = pytest.mark.usefixtures("catalogue")


def route(region, age, nationality, residence, form, aangifte=False, shelter=False):
    situation = RouteSituation(region, age, nationality, residence, form, aangifte, shelter)
    return build_route(q.region_or_none(region), situation)


def sure_rights(view):
    return {r.right.slug for _, steps in view.phases for s in steps for r in s.rights if r.match.certain}


def first_calls(view):
    return [c.view.slug for c in view.first_calls]


def orgs(view):
    return {o.view.slug for _, steps in view.phases for s in steps for o in s.organisations}


SITUATIONS = [
    # (region, age, nationality, residence, form, aangifte, shelter), first calls, rights present, rights absent
    (("ijsselland", "meerderjarig", "non-eu", "nee", "seksuele-uitbuiting", False, False),
     ["zorgcoordinatie", "politie", "veilig-thuis"],
     {"b8-bedenktijd", "verblijfsvergunning", "opvang-cosm", "tolk", "rechtsbijstand", "informatief-gesprek",
      "niet-bestraffen", "schadefonds-geweldsmisdrijven", "uitstapprogramma"},
     {"opvang-volwassenen", "opvang-minderjarigen", "route-minderjarigen", "schadevergoeding-strafzaak"}),
    (("ijsselland", "meerderjarig", "non-eu", "nee", "seksuele-uitbuiting", False, True),
     ["zorgcoordinatie", "comensha", "veilig-thuis", "politie"], {"opvang-cosm"}, {"opvang-volwassenen"}),
    (("hart-van-brabant", "minderjarig", "nl", "onbekend", "criminele-uitbuiting", False, False),
     ["zorgcoordinatie", "veilig-thuis"],
     {"route-minderjarigen", "opvang-minderjarigen", "niet-bestraffen", "rechtsbijstand", "informatief-gesprek"},
     {"b8-bedenktijd", "opvang-cosm", "tolk", "beschermde-opvang", "uitstapprogramma", "achterstallig-loon"}),
    (("hart-van-brabant", "minderjarig", "non-eu", "nee", "criminele-uitbuiting", False, False),
     ["zorgcoordinatie", "veilig-thuis", "politie"],
     {"route-minderjarigen", "beschermde-opvang", "b8-bedenktijd", "tolk"}, {"opvang-cosm"}),
    (("ijsselland", "minderjarig", "eu", "ja", "seksuele-uitbuiting", True, False),
     ["zorgcoordinatie", "veilig-thuis"],
     {"beschermde-opvang", "schadevergoeding-strafzaak", "tolk"}, {"b8-bedenktijd", "informatief-gesprek"}),
    (("ijsselland", "meerderjarig", "eu", "ja", "arbeidsuitbuiting", False, False),
     ["zorgcoordinatie", "arbeidsinspectie", "veilig-thuis"],
     {"achterstallig-loon", "opvang-volwassenen", "tolk"}, {"b8-bedenktijd", "opvang-cosm"}),
    (("ijsselland", "meerderjarig", "eu", "nee", "arbeidsuitbuiting", False, False),
     ["zorgcoordinatie", "politie", "arbeidsinspectie", "veilig-thuis"],
     {"b8-bedenktijd", "opvang-cosm", "opvang-volwassenen", "achterstallig-loon"}, set()),
    (("hart-van-brabant", "meerderjarig", "non-eu", "nee", "arbeidsuitbuiting", True, False),
     ["zorgcoordinatie", "politie", "arbeidsinspectie", "veilig-thuis"],
     {"schadevergoeding-strafzaak", "b8-bedenktijd", "verblijfsvergunning"},
     {"informatief-gesprek", "aangifte-of-melding"}),
    (("hart-van-brabant", "meerderjarig", "nl", "ja", "sekswerk", False, False),
     ["zorgcoordinatie", "veilig-thuis"], {"uitstapprogramma", "opvang-volwassenen"},
     {"b8-bedenktijd", "tolk", "opvang-cosm"}),
    (("hart-van-brabant", "meerderjarig", "nl", "ja", "sekswerk", False, True),
     ["zorgcoordinatie", "veilig-thuis"], {"opvang-volwassenen"}, {"opvang-cosm"}),
    (("ijsselland", "meerderjarig", "nl", "onbekend", "criminele-uitbuiting", True, False),
     ["zorgcoordinatie", "veilig-thuis"], {"niet-bestraffen", "schadevergoeding-strafzaak"},
     {"uitstapprogramma", "informatief-gesprek"}),
    (("ijsselland", "onbekend", "onbekend", "onbekend", "", False, False),
     ["zorgcoordinatie", "veilig-thuis", "politie", "arbeidsinspectie"],
     {"rechtsbijstand", "medische-zorg", "meldcode"},
     {"b8-bedenktijd", "opvang-cosm", "route-minderjarigen"}),  # these are possible, not sure: see below
    (("hart-van-brabant", "meerderjarig", "onbekend", "onbekend", "seksuele-uitbuiting", False, True),
     ["zorgcoordinatie", "comensha", "veilig-thuis", "politie"], {"rechtsbijstand"}, {"opvang-cosm"}),
]


@pytest.mark.parametrize("situation,first,present,absent", SITUATIONS,
                         ids=["-".join(str(x) for x in s[0][1:5]) + ("-aangifte" if s[0][5] else "")
                              + ("-opvang" if s[0][6] else "") for s in SITUATIONS])
def test_route_for_a_situation(situation, first, present, absent):
    view = route(*situation)
    assert first_calls(view) == first
    rights = sure_rights(view)
    assert present <= rights, present - rights
    assert not (absent & rights), absent & rights


def test_unknown_answers_show_rights_as_possible_with_what_to_find_out():
    view = route("ijsselland", "onbekend", "onbekend", "onbekend", "")
    possible = {r.right.slug: r.match.uncertain for _, steps in view.phases for s in steps for r in s.rights
                if not r.match.certain}
    assert possible["b8-bedenktijd"] == ("nationality", "legal_residence")
    assert possible["opvang-cosm"] == ("age_group", "nationality", "legal_residence")
    assert "route-minderjarigen" in possible and "achterstallig-loon" in possible
    assert [(c.view.slug, c.match.uncertain) for c in view.first_calls] == [
        ("zorgcoordinatie", ()), ("veilig-thuis", ()), ("politie", ("nationality", "legal_residence")),
        ("arbeidsinspectie", ("form",))]


def test_the_regions_own_coordinator_is_the_first_call():
    ijsselland = route("ijsselland", "meerderjarig", "nl", "ja", "seksuele-uitbuiting").first_calls[0]
    brabant = route("hart-van-brabant", "meerderjarig", "nl", "ja", "seksuele-uitbuiting").first_calls[0]
    assert "06-11414026" in [c.phone for c, _ in ijsselland.view.contacts]
    assert "013 549 8430" in [c.phone for c, _ in brabant.view.contacts]
    assert "sterk-huis" in orgs(route("hart-van-brabant", "meerderjarig", "nl", "ja", "sekswerk"))
    assert "sterk-huis" not in orgs(route("ijsselland", "meerderjarig", "nl", "ja", "sekswerk"))


def test_shelter_needed_puts_the_shelter_step_first_with_the_right_organisations():
    view = route("ijsselland", "meerderjarig", "non-eu", "nee", "seksuele-uitbuiting", shelter=True)
    [urgent] = view.urgent
    assert urgent.step.slug == "opvang"
    assert [o.view.slug for o in urgent.organisations][:1] == ["comensha"]
    assert "vrouwenopvang" not in [o.view.slug for o in urgent.organisations]
