"""Every organisation the seed documents (../shared/seeds/) name is in the directory of the region the
seed belongs to. Each row names the words in the seed, so the list cannot drift from the seeds."""

import os

import pytest
from django.conf import settings

from wegwijzer.catalogue import queries as q
from wegwijzer.guide.service import DirectoryFilter, directory

SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
if not SEEDS.is_dir() and os.environ.get("CI"):
    raise RuntimeError(f"CI must check the seeds, but {SEEDS} is missing")
pytestmark = [pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds/ is not present beside the project"),
              pytest.mark.usefixtures("catalogue")]

# (seed, words in the seed, region whose directory must hold it, organisation slug)
NAMED = [
    ("000", "Veilig Thuis IJsselland", "ijsselland", "zorgcoordinatie"),
    ("000", "Veilig Thuis (0800-2000)", "ijsselland", "veilig-thuis"),
    ("000", "Politie 0900-8844 (AVIM)", "ijsselland", "politie"),
    ("000", "landelijke chat van FIER", "ijsselland", "fier"),
    ("001", "Veilig Thuis IJsselland", "ijsselland", "zorgcoordinatie"),
    ("002", "Zorg- en Veiligheidshuis", "hart-van-brabant", "zorgcoordinatie"),
    ("002", "Sterk Huis (project RUPS)", "hart-van-brabant", "sterk-huis"),
    ("002", "Politie (AVIM)", "hart-van-brabant", "politie"),
    ("002", "Veilig Thuis", "hart-van-brabant", "veilig-thuis"),
    ("003", "Zorg- en Veiligheidshuis", "hart-van-brabant", "zorgcoordinatie"),
    ("003", "projectleider RUPS", "hart-van-brabant", "rups"),
    ("003", "projectleider RUPS", "hart-van-brabant", "sterk-huis"),
    ("004", "Centrum voor Criminaliteitspreventie en Veiligheid", "hart-van-brabant", "ccv"),
    ("004", "Sekswerk.info", "hart-van-brabant", "sekswerk-info"),
    ("004", "Sekswerk.info", "ijsselland", "sekswerk-info"),
]


def seed(number: str) -> str:
    [path] = SEEDS.glob(f"{number}_*.txt")
    return " ".join(path.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("number,words,region,slug", NAMED, ids=[f"{n[0]}-{n[3]}-{n[2]}" for n in NAMED])
def test_every_organisation_named_in_the_seeds_is_in_the_directory(number, words, region, slug):
    assert words in seed(number), f"seed {number} does not say {words!r}"
    rows = {v.slug: v for v in directory(q.region_or_none(region), DirectoryFilter())}
    assert slug in rows, f"{slug} is missing from the directory of {region}"
    assert rows[slug].contacts or rows[slug].organisation.url


def test_the_seeds_coordinator_numbers_are_on_the_coordinators():
    for region, number in (("ijsselland", "06-11414026"), ("hart-van-brabant", "013 549 8430")):
        rows = {v.slug: v for v in directory(q.region_or_none(region), DirectoryFilter())}
        assert number in [c.phone for c, _ in rows["zorgcoordinatie"].contacts]
