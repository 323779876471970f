"""The demo's draft report: compiled from the demo incidents, held back by what is
marked above its level until the editor settles it, then publishable."""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command

from accounts.models import User
from cases.models import IncidentType
from reports import compilation, publication
from reports.demo import SYMBOL
from reports.models import Report
from tests.reports.helpers import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_report(seeded):
    return Report.objects.get(symbol=SYMBOL)


def test_the_demo_report_is_a_compiled_draft_loaded_once(demo_report):
    assert demo_report.is_draft
    assert demo_report.sections.count() >= 3
    assert demo_report.entries.filter(section__isnull=False).count() >= 10
    call_command("seed_demo", stdout=io.StringIO())
    # (and the embargoed report of reports.demo_clearance)
    assert Report.objects.count() == 2


def test_the_editor_settles_the_demo_report_and_publishes_it(demo_report):
    blocking = publication.blocking(demo_report)
    assert blocking, "the demo holds incidents above TLP:GREEN for the editor to settle"
    for entry in {problem.entry for problem in blocking if problem.entry}:
        compilation.exclude_entry(entry, "Marked above TLP:GREEN by its originator.")
    for section in demo_report.sections.all():
        if not demo_report.entries.filter(section=section, excluded=False).exists():
            section.delete()
    published = publish(demo_report, User.objects.get(username="editor"))
    assert published.status == Report.Status.PUBLISHED
    assert published.files.count() == 3


def test_the_demo_report_states_the_headline_estimate_and_counts_the_shuttle_once(demo_report):
    from reports import content

    doc = content.layout(content.build(demo_report))
    texts = [p["text"] for section in doc["sections"] for p in section["paragraphs"]]
    assert any(text.endswith("Estimate: more than 20,000 containers.") for text in texts)
    # The shuttle (D05) is TLP:AMBER, above the report: only the overlap is stated.
    assert any("may describe partly the same shipments" in text for text in texts)


def report_text(html: str) -> str:
    """The words a reader reads: no stylesheet, tags or addresses (a source's address
    may hold underscores and brackets of its own)."""
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"https?://\S+", " ", text)


def deepest_brackets(text: str) -> int:
    depth = deepest = 0
    for character in text:
        if character in "([":
            depth += 1
            deepest = max(deepest, depth)
        elif character in ")]":
            depth -= 1
    return deepest


def test_the_demo_report_reads_in_the_house_style(demo_report):
    from reports import content, rendering

    html = rendering.render_html(content.build(demo_report))
    text = report_text(html)
    # Chapters by theme, numbered with Roman numerals, in the themes' order.
    chapters = re.findall(r"<h2>([IVX]+)\. (.+?)</h2>", html)
    themes = [theme for theme in IncidentType.Theme.labels if theme in dict(chapters).values()]
    assert [heading for _, heading in chapters] == themes
    assert [numeral for numeral, _ in chapters] == ["I", "II", "III", "IV", "V"]
    # Units agree with their numbers: the demo's single missiles.
    assert re.search(r"(?<![\d,])1 missile\b", text)
    assert not re.search(r"(?<![\d,])1 (missiles|systems|containers)\b", text)
    assert re.search(r"at least 1 system\b", text)
    # No raw label ("Military_unit", "round_trips") and no brackets within brackets.
    assert re.findall(r"\b\w+_\w+\b", text) == []
    assert deepest_brackets(text) <= 1
