"""The signaleringshulp's result logic: combinations, multi-form signals, minors, acute danger and the
foreign-national cue. No scores: only which observed signals support what."""

from wegwijzer.domain.assessment import Answer, Problem, SignalInfo, Situation, assess, parse_answer

SIGNALS = [
    SignalInfo("paspoort", ("seksuele-uitbuiting", "criminele-uitbuiting", "arbeidsuitbuiting"), "means",
               ("buitenlandse-nationaliteit",)),
    SignalInfo("slaapt-op-werk", ("seksuele-uitbuiting", "arbeidsuitbuiting"), "act"),
    SignalInfo("zonder-condoom", ("seksuele-uitbuiting", "sekswerk"), "purpose"),
    SignalInfo("bedelt", ("criminele-uitbuiting",), "purpose"),
    SignalInfo("minderjarig", ("criminele-uitbuiting",), "means", ("minderjarig",)),
    SignalInfo("geen-nederlands", ("criminele-uitbuiting",), "means", ("buitenlandse-nationaliteit",)),
]
ORDER = ["seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting", "sekswerk"]
SEEN = Answer("waargenomen")


def run(answers, age="meerderjarig", danger="nee"):
    return assess(SIGNALS, answers, Situation(age, danger), ORDER)


def test_nothing_observed_points_nowhere_and_says_to_consult():
    result = run({"paspoort": Answer("niet-waargenomen"), "bedelt": Answer("onbekend")})
    assert result.observed == [] and result.forms == {}
    assert result.counts == {"waargenomen": 0, "niet-waargenomen": 1, "onbekend": 5}
    assert result.sections == ["geen-signalen"]


def test_not_observed_and_unknown_do_not_count():
    result = run({"bedelt": Answer("niet-waargenomen"), "zonder-condoom": Answer("onbekend")})
    assert result.observed == []


def test_a_multi_form_signal_counts_for_each_form_and_is_listed_once():
    result = run({"paspoort": SEEN})
    assert result.observed == ["paspoort"]
    assert result.forms == {"seksuele-uitbuiting": ["paspoort"], "arbeidsuitbuiting": ["paspoort"],
                            "criminele-uitbuiting": ["paspoort"]}
    assert result.elements["means"] == ["paspoort"]


def test_a_combination_supports_the_forms_it_belongs_to_in_catalogue_order():
    result = run({"slaapt-op-werk": SEEN, "zonder-condoom": SEEN, "bedelt": SEEN})
    assert list(result.forms) == ["seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting", "sekswerk"]
    assert result.forms["seksuele-uitbuiting"] == ["slaapt-op-werk", "zonder-condoom"]
    assert result.forms["sekswerk"] == ["zonder-condoom"]
    assert result.elements == {"act": ["slaapt-op-werk"], "means": [], "purpose": ["zonder-condoom", "bedelt"]}
    assert "uitstappen" in result.sections and "zorg" in result.sections
    assert result.sections[0] == "aanwijzingen"


def test_acute_danger_comes_before_everything_else():
    result = run({"bedelt": SEEN}, danger="ja")
    assert result.acute_danger and result.sections[0] == "acuut-gevaar"
    nothing = run({}, danger="ja")
    assert nothing.sections[0] == "acuut-gevaar"
    assert not run({"bedelt": SEEN}, danger="onbekend").acute_danger


def test_for_minors_the_means_is_not_required_and_the_minor_route_applies():
    result = run({"bedelt": SEEN}, age="minderjarig")
    assert result.minor and not result.means_required
    assert "middel-niet-nodig" in result.sections and "route-minderjarigen" in result.sections
    assert "opvang-minderjarigen" in result.sections
    adult = run({"bedelt": SEEN}, age="meerderjarig")
    assert adult.means_required and "route-minderjarigen" not in adult.sections


def test_unknown_age_with_a_minor_signal_takes_the_minor_route():
    result = run({"minderjarig": SEEN}, age="onbekend")
    assert result.possibly_minor and result.minor_route and not result.means_required
    # A stated adult age is not overruled by the signal.
    assert not run({"minderjarig": SEEN}, age="meerderjarig").minor_route


def test_foreign_national_cue_brings_b83_and_cosm_for_adults():
    result = run({"geen-nederlands": SEEN})
    assert result.foreign_national_cue and result.foreign_signals == ["geen-nederlands"]
    assert "b8-bedenktijd" in result.sections and "opvang-cosm" in result.sections
    minor = run({"paspoort": SEEN}, age="minderjarig")
    assert "b8-bedenktijd" in minor.sections and "opvang-cosm" not in minor.sections
    assert not run({"bedelt": SEEN}).foreign_national_cue


def test_answers_for_unknown_signals_are_ignored_by_the_logic():
    assert run({"bestaat-niet": SEEN}).observed == []


def test_parse_answer_names_the_wrong_field_and_drops_notes_of_unobserved_signals():
    problems: list[Problem] = []
    assert parse_answer("s-x", "misschien", None, None, problems).answer == "onbekend"
    parse_answer("s-x", "waargenomen", "de-buurman", None, problems)
    parse_answer("s-x", "waargenomen", None, "x" * 501, problems)
    assert [p.field for p in problems] == ["s-x.answer", "s-x.source", "s-x.note"]
    kept = parse_answer("s-x", "waargenomen", "zelf-gezien", "  feit  ", [])
    assert kept == Answer("waargenomen", "zelf-gezien", "feit")
    assert parse_answer("s-x", "onbekend", "zelf-gezien", "feit", []) == Answer("onbekend", None, "")
