"""Every municipality of the country finds exactly one most specific region; the region files are checked
against the municipality dataset; a deelregio comes before its veiligheidsregio and sees its content."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from wegwijzer.catalogue import models as m
from wegwijzer.catalogue import queries as q
from wegwijzer.catalogue.schema import ContentInvalid, load_catalogue

pytestmark = pytest.mark.usefixtures("catalogue")
CONTENT = Path(settings.CONTENT_DIR)


def test_every_municipality_of_the_dataset_has_exactly_one_most_specific_region():
    data = yaml.safe_load((CONTENT / "municipalities.yaml").read_text(encoding="utf-8"))
    codes = [mu["code"] for mu in data["municipalities"]]
    assert len(codes) == len(set(codes)) == m.Municipality.objects.count() == 342
    assert not m.Municipality.objects.filter(region__isnull=True).exists()
    catalogue = load_catalogue(CONTENT)
    assert set(catalogue.most_specific_region()) == set(codes)
    for row in m.Municipality.objects.select_related("region"):
        assert catalogue.most_specific_region()[row.code] == row.region.slug
    # and the 25 veiligheidsregio's together list every municipality exactly once
    listed = [c for r in catalogue.regions if r.level == "veiligheidsregio" for c in r.municipalities]
    assert sorted(listed) == sorted(codes)
    assert sorted(r.code for r in catalogue.regions if r.level == "veiligheidsregio") == \
        [f"VR{i:02d}" for i in range(1, 26)]


@pytest.mark.parametrize("name,region", [
    ("Tilburg", "hart-van-brabant"),  # the deelregio wins over Midden- en West-Brabant
    ("Heusden", "hart-van-brabant"),  # in veiligheidsregio Brabant-Noord, but in the deelregio
    ("Breda", "midden-en-west-brabant"),
    ("Zwolle", "ijsselland"),
    ("Maastricht", "zuid-limburg"),
    ("Amsterdam", "amsterdam-amstelland"),
    ("'s-Hertogenbosch", "brabant-noord"),
    ("Voorne aan Zee", "rotterdam-rijnmond"),
])
def test_municipalities_resolve_to_their_region(name, region):
    assert m.Municipality.objects.get(name=name).region.slug == region


def test_merged_municipalities_are_gone_but_their_names_still_find_them():
    assert not m.Municipality.objects.filter(name__in=["Weesp", "Brielle", "Hellevoetsluis"]).exists()
    assert "Weesp" in m.Municipality.objects.get(name="Amsterdam").search_names
    assert {"Brielle", "Hellevoetsluis", "Westvoorne"} <= set(m.Municipality.objects.get(
        name="Voorne aan Zee").search_names)


def test_the_nested_region_lies_in_its_veiligheidsregio_and_sees_its_content():
    hvb = q.region_or_none("hart-van-brabant")
    assert hvb.level == "deelregio" and hvb.parent.slug == "midden-en-west-brabant" and hvb.parent.code == "VR20"
    parent = hvb.parent
    m.Contact.objects.create(slug="alleen-in-de-veiligheidsregio", region=parent, order=999, name="Test VR20")
    m.Contact.objects.create(slug="zorgcoordinator", region=parent, order=1000, name="Zorgcoördinator VR20")
    slugs = {c.slug: c for c in q.contacts(hvb)}
    assert "alleen-in-de-veiligheidsregio" in slugs  # the veiligheidsregio's own content applies here too
    assert slugs["zorgcoordinator"].region == hvb  # but the deelregio's own contact comes first
    assert q.contact(q.region_or_none("ijsselland"), "alleen-in-de-veiligheidsregio") is None


def _copy(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(root) -> str:
    with pytest.raises(ContentInvalid) as exc:
        load_catalogue(root)
    return str(exc.value)


def test_a_municipality_in_two_regions_of_the_same_level_is_refused(tmp_path):
    root = _copy(tmp_path)
    _edit(root / "regions" / "twente.yaml", "municipalities:\n", "municipalities:\n  - GM0193  # Zwolle\n")
    message = _errors(root)
    assert "twente.yaml" in message and "Zwolle (GM0193) hoort al bij ijsselland" in message
    assert "ligt in VR04, niet in VR05" in message  # and Zwolle is not in Twente's veiligheidsregio


def test_an_unknown_code_a_bad_parent_and_a_missing_dataset_are_refused(tmp_path):
    root = _copy(tmp_path)
    _edit(root / "regions" / "groningen.yaml", "municipalities:\n", "municipalities:\n  - GM9999\n")
    _edit(root / "regions" / "hart-van-brabant.yaml", "parent: midden-en-west-brabant", "parent: atlantis")
    message = _errors(root)
    assert "onbekende gemeentecode GM9999" in message and "onbekende bovenliggende veiligheidsregio" in message
    (root / "municipalities.yaml").unlink()
    assert "het bestand met alle gemeenten ontbreekt" in _errors(root)


def test_a_merged_municipality_cannot_come_back(tmp_path):
    root = _copy(tmp_path)
    _edit(root / "municipalities.yaml", "municipalities:\n", 'municipalities:\n  - code: GM0457\n    name: "Weesp"\n'
          "    safety_region: VR14\n")
    assert "Weesp (GM0457) is opgegaan in een andere gemeente" in _errors(root)


def test_municipalities_in_no_region_are_reported_not_refused(tmp_path):
    root = _copy(tmp_path)
    _edit(root / "regions" / "zuid-limburg.yaml", "  - GM0935  # Maastricht\n", "")
    catalogue = load_catalogue(root)
    assert any("1 gemeenten horen bij geen enkele regio: Maastricht (GM0935)" in w for w in catalogue.warnings)


def test_a_region_without_its_own_coordinator_shows_the_national_route_and_no_invented_contact(client):
    national_phones = {c.phone for c in m.Contact.objects.filter(region__isnull=True) if c.phone}
    for path in ("/groningen/", "/groningen/contacten/", "/groningen/meldcode/"):
        html = client.get(path).content.decode()
        assert 'id="eigen-mensen-onbekend"' in html, path
        assert 'href="tel:08002000"' in html and "033 448 11 86" in html, path
        phones = set(re.findall(r'href="tel:(\d+)"', html))
        assert phones <= {p.replace(" ", "").replace("-", "") for p in national_phones}, (path, phones)
    ijsselland = client.get("/ijsselland/").content.decode()
    assert 'id="eigen-mensen-onbekend"' not in ijsselland


def test_the_landelijk_choice_shows_national_contacts_only(client):
    html = client.get("/landelijk/contacten/").content.decode()
    assert "Veilig Thuis" in html and "CoMensha" in html
    assert "mensenhandel@vtij.nl" not in html and "013 549 8430" not in html


def test_a_region_page_names_its_municipalities(client):
    html = client.get("/ijsselland/").content.decode()
    section = html[html.index('id="gemeenten"'):]
    for name in ("Zwolle", "Deventer", "Kampen", "Staphorst"):
        assert f"<li>{name}" in section
    mwb = client.get("/midden-en-west-brabant/").content.decode()
    assert "Tilburg – <a class=\"utrecht-link\" href=\"/hart-van-brabant/\">Hart van Brabant</a>" in mwb
    hvb = client.get("/hart-van-brabant/").content.decode()
    assert "Niet bevestigd" in hvb and "Alphen-Chaam" in hvb  # its area is not confirmed: it says so
    assert "Midden- en West-Brabant" in hvb
    amsterdam = client.get("/amsterdam-amstelland/").content.decode()
    assert "Amsterdam <span class=\"ww-former\">(met Weesp)</span>" in amsterdam


def test_the_regions_overview_shows_what_each_region_has_filled_in(client):
    response = client.get("/regios/")
    html = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    rows = {slug: html[html.index(f'id="regio-{slug}"'):].split("</tr>")[0]
            for slug in ("ijsselland", "hart-van-brabant", "groningen")}
    assert ">ja<" in rows["ijsselland"] and ">ja<" in rows["hart-van-brabant"]
    assert "<strong>nee</strong>" in rows["groningen"]
    assert html.count('<tr class="utrecht-table__row" id="regio-') == 26  # every region but "Landelijk"
    assert "minvws/nl-covid19-data-dashboard" in html and "EUPL-1.2" in html and "Weesp" in html
