"""Fixtures every app's tests can use: the fake GOV.UK Notify, and Playwright on Debian's Chromium."""

from pathlib import Path

import pytest

from core.tests.fake_notify import FakeNotify
from places import selectors as places_selectors
from places.tests.fixtures import import_walsall

AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def fake_notify(settings):
    notify = FakeNotify(settings.NOTIFY_API_KEY).start()
    settings.NOTIFY_BACKEND = "govuk"
    settings.NOTIFY_BASE_URL = notify.base_url
    yield notify
    notify.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture
def axe_violations():
    """Run axe-core (WCAG 2.2 A and AA rules) on the page's current state and return its violations."""

    def run(page):
        page.add_script_tag(path=str(AXE_SCRIPT))
        return page.evaluate(
            """async () => (await axe.run(document, {
                runOnly: {type: 'tag',
                          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}
            })).violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                        nodes: v.nodes.map(n => n.target.join(' '))}))"""
        )

    return run


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request in another language leaves it active in the thread; each test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _evidence_in_the_test_folder(settings, tmp_path):
    """Evidence files are written to a folder of the test, never into the developer's var/ (or read from it)."""
    settings.REPORTING_EVIDENCE_ROOT = str(tmp_path / "evidence")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def _walsall_imported(django_db_setup, django_db_blocker):
    """Import the real Walsall data into the test database once (it persists with --reuse-db)."""
    with django_db_blocker.unblock():
        import_walsall()


@pytest.fixture
def walsall(_walsall_imported, db):
    """Real Walsall wards, LSOAs, lookups, census tables and the synthetic postcodes (re-imported if flushed)."""
    import_walsall()
    return places_selectors.generation_in_force().generation
