"""Benchmark the meldcode dossier on PostgreSQL with 100,000 cases and 1,000,000 audit rows.

    python bench/dossier.py [--url postgres://postgres@127.0.0.1:5432/wegwijzer_bench] [--requests 200]

Creates (or refills) its own database, never the one you work in. 100,000 cases in 50 organisations with
500 professionals (200 cases each), 3 encrypted entries per case, 1,000,000 audit rows. Then it times
the pages in-process with Django's test client (a verified session, no network): the overview of one
professional, a case page, and a beheerder's audit log, and prints p50 and p95.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def fill(cases: int, audits: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wegwijzer.accounts.models import Membership, Organisation, Role
    from wegwijzer.audit.models import AuditEvent
    from wegwijzer.dossiers.actions import CODE_ALPHABET
    from wegwijzer.dossiers.models import Case, Entry

    User = get_user_model()
    if Case.objects.count() >= cases and AuditEvent.objects.count() >= audits:
        print(f"database already holds {Case.objects.count():,} cases and {AuditEvent.objects.count():,} audit rows")
        return
    t0 = time.perf_counter()
    for model in (Entry, Case, TOTPDevice, Membership):
        model.objects.all().delete()
    AuditEvent.objects.all()._raw_delete(AuditEvent.objects.db)
    User.objects.all().delete()
    Organisation.objects.all().delete()
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Organisatie {i}", region_slug="ijsselland" if i % 2 else "hart-van-brabant")
        for i in range(50))
    password = make_password(None)  # unusable: the benchmark logs in with force_login
    users = User.objects.bulk_create(User(username=f"prof-{i}", password=password) for i in range(500))
    admins = User.objects.bulk_create(User(username=f"beheer-{i}", password=password) for i in range(50))
    Membership.objects.bulk_create([Membership(user=u, organisation=orgs[i % 50], role=Role.PROFESSIONAL)
                                    for i, u in enumerate(users)] +
                                   [Membership(user=u, organisation=orgs[i], role=Role.BEHEERDER)
                                    for i, u in enumerate(admins)])
    TOTPDevice.objects.bulk_create(TOTPDevice(user=u, name="default", confirmed=True) for u in users + admins)
    now = timezone.now()
    statuses = ["signals", "consultation", "conversation", "weighing", "melden", "decided", "closed"]
    batch = 10_000
    for start in range(0, cases, batch):
        rows = []
        for n in range(start, min(start + batch, cases)):
            code = "".join(CODE_ALPHABET[(n // len(CODE_ALPHABET) ** k) % len(CODE_ALPHABET)] for k in range(8))
            owner = users[n % 500]
            status = statuses[n % len(statuses)]
            rows.append(Case(code=f"MH-{code[:4]}-{code[4:]}", organisation=orgs[(n % 500) % 50], owner=owner,
                             pseudonym=f"P{n % 97}", created_at=now - timedelta(days=n % 700), status=status,
                             step_since=now - timedelta(days=n % 60),
                             closed_at=now - timedelta(days=n % 300) if status == "closed" else None))
        made = Case.objects.bulk_create(rows)
        Entry.objects.bulk_create(
            Entry(case=c, kind=kind, data={"date": "2026-11-20", "facts": "Feitelijke beschrijving " * 6,
                                           "signal": "geen-eigen-paspoort", "place": "Zwolle",
                                           "source": "zelf-gezien", "with_role": "collega", "advice": "wegen"},
                  created_by=c.owner, created_at=now - timedelta(days=3 - i))
            for c in made for i, kind in enumerate(("signal", "consultation", "signal")))
        print(f"  {start + len(rows):,} cases", flush=True)
    events = ["view", "change", "export", "login", "share"]
    for start in range(0, audits, 50_000):
        AuditEvent.objects.bulk_create(
            (AuditEvent(at=now - timedelta(minutes=n), actor=users[n % 500], actor_name=f"prof-{n % 500}",
                        organisation=orgs[(n % 500) % 50], event=events[n % 5],
                        case_code=f"MH-{n:08d}"[:12], what="dossier", ip="192.0.2.1")
             for n in range(start, min(start + 50_000, audits))), batch_size=10_000)
        print(f"  {min(start + 50_000, audits):,} audit rows", flush=True)
    print(f"filled in {time.perf_counter() - t0:.0f} s")


def timed(client, path: str, n: int) -> tuple[float, float]:
    client.get(path)  # warm-up
    times = []
    for _ in range(n):
        t = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/wegwijzer_bench")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--audit", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    ensure_database(args.url)
    os.environ["DATABASE_URL"] = args.url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegwijzer.conf.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0)
    fill(args.cases, args.audit)
    setup_test_environment()
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wegwijzer.audit.models import AuditEvent
    from wegwijzer.dossiers.models import Case

    def client_for(username):
        user = get_user_model().objects.get(username=username)
        client = Client()
        client.force_login(user)
        session = client.session
        session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
        session.save()
        return client, user

    prof, user = client_for("prof-7")
    case = Case.objects.filter(owner=user).order_by("id").first()
    print(f"{Case.objects.count():,} cases, {AuditEvent.objects.count():,} audit rows; prof-7 owns "
          f"{Case.objects.filter(owner=user).count()} cases; {args.requests} requests per page, in-process")
    for name, client, path in (
        ("overview (professional, 200 cases, 50 per page)", prof, "/dossier/"),
        ("case page (3 entries, decrypted)", prof, f"/dossier/{case.code}/"),
        ("audit log (beheerder, 20,000 rows of the org)", client_for("beheer-7")[0], "/dossier/audit/"),
    ):
        p50, p95 = timed(client, path, args.requests)
        print(f"{name:50} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()
