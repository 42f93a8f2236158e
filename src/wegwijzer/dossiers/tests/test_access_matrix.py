"""No leaks: every case URL × every role × own and other organisation, as owner, as someone a case is
shared with (read only), after the share expired or was revoked, and anonymous. A case you may not
see answers 404 (or the login page when you are not logged in) and nothing changes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from wegwijzer.dossiers import actions
from wegwijzer.dossiers.models import Case, Entry, Share

from .conftest import ROLES

READ = ["case", "pdf"]
WRITE_GET = ["entry:signal", "entry:afweging", "share", "reveal", "import"]
WRITE_POST = ["entry:signal", "close", "reopen", "share", "reveal", "unshare", "import"]
SIGNAL = {"signal": "geen-eigen-paspoort", "date": "2026-11-20", "place": "Zwolle", "source": "zelf-gezien",
          "facts": "feit"}


def url(name, case, share=None):
    if name.startswith("entry:"):
        return reverse("dossiers:entry", kwargs={"code": case.code, "kind": name.split(":")[1]})
    if name == "unshare":
        return reverse("dossiers:unshare", kwargs={"code": case.code, "share_id": share.id})
    return reverse(f"dossiers:{name}", kwargs={"code": case.code})


def version(case):
    return Case.objects.get(pk=case.pk).version


def post_data(name, case, people):
    v = version(case)
    return {"entry:signal": SIGNAL, "close": {"reason": "klaar", "version": v},
            "reopen": {"reason": "opnieuw", "version": v},
            "share": {"user": str(people[("own", "aandachtsfunctionaris")].id), "days": "7"},
            "reveal": {"reason": "melding voorbereiden"}, "unshare": {},
            "import": {"date": "2026-11-20", "place": "Zwolle", "s-slaapt-op-werkplek": "waargenomen"}}[name]


@pytest.fixture
def case(people, catalogue):
    owner = people[("own", "professional")]
    case = actions.create_case(owner, pseudonym="A.B.", identifying="Jan Jansen, geboren 1-1-2000")
    actions.add_entry(owner, case, "signal", dict(SIGNAL, signal="geen-eigen-paspoort"))
    return case


@pytest.fixture
def share(case, people):
    return actions.share_case(people[("own", "professional")], case, people[("own", "aandachtsfunctionaris")], 7)


def state(case):
    return (Entry.objects.filter(case=case).count(), Case.objects.get(pk=case.pk).version,
            Share.objects.filter(case=case).count())


OUTSIDERS = [(org, role) for org in ("own", "other") for role in ROLES if (org, role) != ("own", "professional")]
OUTSIDERS.append(("own", "professional-2"))


@pytest.mark.parametrize("who", OUTSIDERS, ids=[f"{o}-{r}" for o, r in OUTSIDERS])
def test_nobody_but_the_owner_sees_an_unshared_case(case, people, login, who):
    client = login(people[who])
    before = state(case)
    for name in READ + WRITE_GET:
        assert client.get(url(name, case)).status_code == 404, name
    dummy_share = Share.objects.create(case=case, user=people[("own", "aandachtsfunctionaris")],
                                       granted_by=case.owner, created_at=timezone.now(),
                                       expires_at=timezone.now() - timedelta(days=1))  # expired: no access
    before = state(case)
    for name in WRITE_POST:
        response = client.post(url(name, case, dummy_share), post_data(name, case, people))
        assert response.status_code == 404, name
    assert state(case) == before
    assert case.code not in client.get(reverse("dossiers:overview")).content.decode()


def test_the_owner_may_read_and_write(case, people, login, share):
    client = login(people[("own", "professional")])
    for name in READ + WRITE_GET:
        assert client.get(url(name, case)).status_code == 200, name
    assert client.post(url("entry:signal", case), SIGNAL).status_code == 302
    assert client.post(url("close", case), {"reason": "klaar", "version": version(case)}).status_code == 302
    assert Case.objects.get(pk=case.pk).closed_at is not None
    assert client.post(url("reopen", case), {"reason": "opnieuw", "version": version(case)}).status_code == 302
    assert Case.objects.get(pk=case.pk).closed_at is None
    assert client.post(url("unshare", case, share)).status_code == 302
    assert client.post(url("import", case), post_data("import", case, people)).status_code == 302


@pytest.mark.parametrize("who", [("own", "aandachtsfunctionaris")])
def test_a_share_gives_read_only_access_until_it_ends(case, people, login, share, who):
    client = login(people[who])
    for name in READ:
        assert client.get(url(name, case)).status_code == 200, name
    before = state(case)
    for name in WRITE_GET:
        assert client.get(url(name, case)).status_code == 404, name
    for name in WRITE_POST:
        assert client.post(url(name, case, share), post_data(name, case, people)).status_code == 404, name
    assert state(case) == before
    assert case.code in client.get(reverse("dossiers:overview")).content.decode()
    # expired
    Share.objects.filter(pk=share.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(url("case", case)).status_code == 404
    # revoked
    Share.objects.filter(pk=share.pk).update(expires_at=timezone.now() + timedelta(days=1))
    assert client.get(url("case", case)).status_code == 200
    actions.revoke_share(people[("own", "professional")], Share.objects.get(pk=share.pk))
    assert client.get(url("case", case)).status_code == 404


def test_the_regions_coordinator_sees_a_case_only_when_shared(case, people, login):
    coordinator = people[("own", "zorgcoordinator")]
    client = login(coordinator)
    assert client.get(url("case", case)).status_code == 404
    actions.share_case(people[("own", "professional")], case, coordinator, 3)
    assert client.get(url("case", case)).status_code == 200
    html = client.get(reverse("dossiers:statistics")).content.decode()
    assert "A.B." not in html and "feit" not in html
    row = html.split("stap 2: overleggen")[1].split("</tr>")[0]  # the case, after its signal, at step 2
    assert '<td class="utrecht-table__cell">1</td>' in row


def test_a_case_cannot_be_shared_across_organisations_except_with_the_regions_coordinator(case, people):
    owner = people[("own", "professional")]
    for who in [("other", "professional"), ("other", "aandachtsfunctionaris"), ("other", "zorgcoordinator"),
                ("own", "beheerder")]:
        with pytest.raises(actions.ActionError):
            actions.share_case(owner, case, people[who], 7)


def test_anonymous_visitors_get_the_login_page_for_every_url(case, client, share, people):
    for name in READ + WRITE_GET:
        response = client.get(url(name, case))
        assert response.status_code == 302 and response["Location"].startswith("/account/login/"), name
    for name in WRITE_POST:
        assert client.post(url(name, case, share), post_data(name, case, people)).status_code in (302, 405)
    for name in ("overview", "new", "audit", "members", "statistics"):
        assert client.get(reverse(f"dossiers:{name}")).status_code == 302


def test_without_a_verified_second_factor_nothing_is_shown(case, people, client):
    client.force_login(people[("own", "professional")])  # password only: no OTP device verified
    for name in READ:
        response = client.get(url(name, case))
        assert response.status_code == 302 and case.code not in response.content.decode()
    assert client.get(reverse("dossiers:overview")).status_code == 302


@pytest.mark.parametrize("page,allowed", [("audit", "beheerder"), ("members", "beheerder"),
                                          ("statistics", "zorgcoordinator"), ("new", None)])
def test_role_pages(people, login, page, allowed):
    for role in ROLES:
        status = login(people[("own", role)]).get(reverse(f"dossiers:{page}")).status_code
        expected = 200 if (role == allowed or (allowed is None and role in ("professional",
                                                                             "aandachtsfunctionaris"))) else 404
        assert status == expected, (page, role)


def test_the_api_has_no_case_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert not [p for p in paths if "case" in p or "dossier" in p]


def test_the_beheerders_audit_log_shows_only_their_organisation(case, people, login):
    other = actions.create_case(people[("other", "professional")])
    html = login(people[("own", "beheerder")]).get(reverse("dossiers:audit")).content.decode()
    assert case.code in html and other.code not in html


def test_a_beheerder_adds_and_deactivates_users_of_their_own_organisation_only(people, login, orgs):
    from django.contrib.auth import get_user_model

    from wegwijzer.accounts.models import Membership

    admin = login(people[("own", "beheerder")])
    response = admin.post(reverse("dossiers:members"), {"username": "nieuwe-collega", "role": "professional"})
    assert response.status_code == 200 and 'id="nieuw-wachtwoord"' in response.content.decode()
    new = Membership.objects.get(user__username="nieuwe-collega")
    assert new.organisation == orgs["own"]
    assert admin.post(reverse("dossiers:members"), {"username": "nieuwe-collega", "role": "professional"}
                      ).status_code == 400
    admin.post(reverse("dossiers:members"), {"deactivate": str(new.id)})
    assert not get_user_model().objects.get(username="nieuwe-collega").is_active
    foreign = Membership.objects.get(user=people[("other", "professional")])
    assert admin.post(reverse("dossiers:members"), {"deactivate": str(foreign.id)}).status_code == 404
    assert people[("other", "professional")].is_active


def test_the_share_form_offers_only_people_the_case_may_be_shared_with(case, people, login):
    html = login(people[("own", "professional")]).get(url("share", case)).content.decode()
    for name in ("own-aandachtsfunctionaris", "own-professional-2", "own-zorgcoordinator"):
        assert name in html, name
    for name in ("own-beheerder", "other-professional", "other-aandachtsfunctionaris", "other-zorgcoordinator"):
        assert name not in html, name
