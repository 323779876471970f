"""axe-core (vendored: static/vendor/README.md) run on a page as it stands; serious and
critical violations fail the test, with what is wrong and where."""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
FAILING_IMPACTS = {"serious", "critical"}


def violations(page) -> list[dict]:
    # page.evaluate runs outside the page's Content Security Policy, which refuses any
    # script the app does not serve itself.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [v for v in found if v["impact"] in FAILING_IMPACTS]


def describe(found: list[dict]) -> str:
    return "\n".join(
        f"{v['impact']} {v['id']}: {v['help']}\n"
        + "\n".join(f"  {node['target']}: {node['failureSummary']}" for node in v["nodes"])
        for v in found
    )


def assert_accessible(page):
    found = violations(page)
    assert not found, f"axe-core on {page.url}:\n{describe(found)}"
