"""Every signal, tip, step and contact of the seed documents (../shared/seeds/) is in the catalogue.

Each catalogue item keeps the seed's own wording as a ``quote``. For every block of the seeds (the
signal list, the conversation guidance, the steps) we remove every quote the catalogue holds for that
seed; what remains must be nothing but headings. A seed line missing from the catalogue stays behind
and is named in the failure."""

import os
import re

import pytest
from django.conf import settings

from wegwijzer.catalogue import models as m

SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
if not SEEDS.is_dir() and os.environ.get("CI"):
    raise RuntimeError(f"CI must check the seeds, but {SEEDS} is missing")
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds/ is not present beside the project")

# (seed, block name, text after which the block starts, text at which it ends, headings to ignore)
BLOCKS = [
    ("000", "signalen", "MET DE SEKSWERKER AAN TE GAAN.", "MOGELIJKE SIGNALLEN VAN PROSTITUTIE", []),
    ("001", "signalen", "uitbuitingssituatie bevinden.", "SEKSUELE UITBUITING EN (GEDWONGEN) PROSTITUTIE", []),
    ("002", "signalen", "MOGELIJKE SIGNALEN VAN CRIMINELE UITBUITING", "DIT IS OOK", []),
    ("000", "gesprek", "OVER (GEDWONGEN) PROSTITUTIE", "HOE TE HANDELEN", ["BEVORDEREND", "BELEMMEREND"]),
    ("001", "gesprek", "OVER (GEDWONGEN) PROSTITUTIE", "HOE TE HANDELEN", ["BEVORDEREND", "BELEMMEREND"]),
    ("002", "gesprek", "OVER CRIMINELE UITBUITING", "GA EEN GESPREK OVER", ["BEVORDEREND", "BELEMMEREND"]),
    ("000", "stappen", "seksuele uitbuiting is opgenomen.", "ZORGCOÖRDINATOR", []),
    ("001", "stappen", "seksuele uitbuiting is opgenomen.", "ZORGCOÖRDINATOR", []),
    ("002", "stappen", "seksuele uitbuiting is opgenomen.", "HOE TE HANDELEN", []),
]


def normalise(text: str) -> str:
    text = re.sub(r"^\s*(?:[-•]\s+)", "", text, flags=re.M)  # list bullets
    return re.sub(r"\s+", " ", text).strip()


def seed_text(number: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return normalise(path.read_text(encoding="utf-8"))


def quotes_for(doc: str) -> list[str]:
    quotes = []
    for model in (m.Signal, m.Tip, m.Step):
        for sources in model.objects.values_list("sources", flat=True):
            quotes += [normalise(s["quote"]) for s in sources if s["doc"] == doc and s.get("quote")]
    return sorted(set(quotes), key=len, reverse=True)


def block(text: str, start: str, end: str) -> str:
    begin = text.index(start) + len(start)
    return text[begin:text.index(end, begin)]


@pytest.mark.parametrize("seed,name,start,end,headings", BLOCKS, ids=[f"{b[0]}-{b[1]}" for b in BLOCKS])
def test_every_seed_line_is_in_the_catalogue(catalogue, seed, name, start, end, headings):
    remaining = block(seed_text(seed), normalise(start), normalise(end))
    quotes = quotes_for(f"seed-{seed}")
    assert quotes, f"the catalogue holds no quotes from seed {seed}"
    for quote in quotes:
        remaining = remaining.replace(quote, " ")
    for heading in headings:
        remaining = remaining.replace(heading, " ")
    leftover = normalise(remaining).strip(" .")
    assert leftover == "", f"seed {seed} ({name}): not in the catalogue: {leftover!r}"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_every_quote_is_verbatim_from_its_seed(catalogue, seed):
    text = seed_text(seed)
    for quote in quotes_for(f"seed-{seed}"):
        assert quote in text, f"quote not found in seed {seed}: {quote!r}"


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def test_every_phone_number_and_email_in_the_seeds_is_a_contact(catalogue):
    phones = {_digits(p) for p in m.Contact.objects.values_list("phone", flat=True) if p}
    emails = {e.lower() for e in m.Contact.objects.values_list("email", flat=True) if e}
    for seed in ("000", "001", "002", "003"):
        text = seed_text(seed)
        for number in re.findall(r"\b0\d{1,3}[- ]?\d{3,4}[ ]?\d{0,4}\b", text):
            assert _digits(number) in phones, f"seed {seed}: phone {number} is not a contact"
        for email in re.findall(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", text):
            assert email.lower() in emails, f"seed {seed}: email {email} is not a contact"


@pytest.mark.parametrize(
    "seed,name",
    [("000", "Veilig Thuis"), ("000", "Fier"), ("000", "Zorgcoördinator"), ("002", "Sterk Huis"),
     ("002", "Zorg- en Veiligheidshuis"), ("004", "Sekswerk.info"), ("003", "RUPS"), ("000", "Politie")],
)
def test_every_organisation_named_in_the_seeds_is_a_contact(catalogue, seed, name):
    assert name.lower() in seed_text(seed).lower()
    haystack = " ".join(
        f"{c.name} {c.role_nl} {c.description_nl} {c.url}" for c in m.Contact.objects.all()
    ).lower()
    assert name.lower() in haystack, f"{name} (seed {seed}) is not among the contacts"


def test_fier_chat_hours_match_the_seed(catalogue):
    text = seed_text("000")
    assert "Maandag t/m vrijdag van 16.00 tot 06.00 uur" in text
    assert "Zaterdag, zondag en feestdagen van 20.00 tot 06.00 uur" in text
    hours = m.Contact.objects.get(slug="fier-chat", region=None).hours
    for day in ("mon", "tue", "wed", "thu", "fri"):
        assert hours["weekly"][day] == ["16:00-06:00"]
    assert hours["weekly"]["sat"] == hours["weekly"]["sun"] == ["20:00-06:00"]
    assert hours["holiday"] == ["20:00-06:00"]


def test_every_meldcode_step_of_the_seeds_is_a_step(catalogue):
    for seed in ("000", "001", "002"):
        numbers = {int(n) for n in re.findall(r"Stap (\d)", seed_text(seed))}
        assert numbers == {1, 2, 3, 4, 5}
    assert list(m.Step.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
