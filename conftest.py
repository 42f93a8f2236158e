"""Shared test fixtures. The test database gets the real catalogue from content/ once per session;
browser tests (transactional, the tables are emptied after each) reload it when it is missing."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + sync Playwright in one thread

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def _ensure_catalogue():
    from django.conf import settings

    from wegwijzer.catalogue.loader import load
    from wegwijzer.catalogue.models import Form

    if not Form.objects.exists():
        load(settings.CONTENT_DIR)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _ensure_catalogue()


@pytest.fixture
def catalogue(db):
    _ensure_catalogue()


@pytest.fixture
def live_catalogue(transactional_db, live_server):
    _ensure_catalogue()
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` as root, or `sudo apt-get install -y chromium`")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
