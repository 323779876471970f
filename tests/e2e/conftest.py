"""Browser tests: Playwright driving Debian's Chromium against the live test server.

Without /usr/bin/chromium they are skipped with a message, except in CI (CI=true),
where a missing browser is a failure."""

import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.axe import assert_accessible

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"

# Playwright's sync API runs an event loop in the test's thread; the ORM calls that
# arrange each test are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# How long a page may take to reach the state a test waits for: actions (the context's
# default below) and expect(...) assertions (5 s in Playwright otherwise) alike.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session", autouse=True)
def expect_timeout():
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Browser tests need Chromium at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_report = report
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    # Whatever a test checks along the way, the pages it ends on pass axe-core too.
    sign_in = item.funcargs.get("open_session")
    for context in getattr(sign_in, "contexts", []):
        for page in context.pages:
            page.clock.resume()  # axe-core waits on timers, which a test may have paused
            assert_accessible(page)
    return result


@pytest.fixture
def open_session(browser, live_server, request):
    """A new browser session signed in as a user, with its own cookies. When the test
    fails, each session's page is saved to test-results/ for the person who reads CI."""
    contexts = []

    def sign_in(user, password="a-long-test-password", lands_on="/"):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}{lands_on}")
        return page

    sign_in.contexts = contexts
    yield sign_in
    report = getattr(request.node, "call_report", None)
    for number, context in enumerate(contexts):
        if report is not None and report.failed:
            SCREENSHOTS.mkdir(exist_ok=True)
            for page in context.pages:
                page.screenshot(path=str(SCREENSHOTS / f"FAILED-{request.node.name}-{number}.png"))
        context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def save(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
