"""Benchmark of compiling and rendering a report of 500 incidents (run on demand).

    createdb -h 127.0.0.1 -U postgres msmt_report_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/msmt_report_bench \\
        .venv/bin/python bench/report_bench.py --incidents 500

Fills the database once with approved incidents (two citations, a materiel line and an
entity each, over five incident types), then times, for a new draft report of all of
them: compiling, building its content, and rendering HTML, PDF and DOCX. Figures are
recorded in bench/README.md.
"""

import argparse
import datetime
import io
import logging
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msmt.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from accounts.models import User  # noqa: E402
from cases.models import (  # noqa: E402
    Citation,
    Entity,
    Incident,
    IncidentType,
    Involvement,
    MaterielCategory,
    MaterielLine,
    Organisation,
    Source,
)
from reports import compilation, content, rendering  # noqa: E402
from reports.models import Report  # noqa: E402

START = datetime.date(2024, 1, 1)


def fill(count: int) -> None:
    if Incident.objects.filter(reference__startswith="INC-RB-").count() >= count:
        return
    rng = random.Random(2025)
    author, _ = User.objects.get_or_create(username="bench-author")
    types = list(IncidentType.objects.order_by("position")[:5])
    categories = list(MaterielCategory.objects.all())
    with transaction.atomic():
        originators = Organisation.objects.bulk_create(
            Organisation(name=f"Report bench originator {n}", kind="osint") for n in range(40)
        )
        sources = Source.objects.bulk_create(
            Source(
                title=f"Open-source report {n} on transfers",
                originator=rng.choice(originators),
                kind="osint_report",
                reliability="B",
                sharing_level="CLEAR",
                published_on=START + datetime.timedelta(days=n % 300),
                url=f"https://example.org/report/{n}",
            )
            for n in range(400)
        )
        entities = Entity.objects.bulk_create(
            Entity(kind=rng.choice(["vessel", "organisation"]), name=f"BENCH ENTITY {n}")
            for n in range(150)
        )
        incidents = Incident.objects.bulk_create(
            Incident(
                reference=f"INC-RB-{n:05d}",
                title=f"Transfer {n} of munitions by sea and rail",
                summary=" ".join(
                    ["Imagery and trade records show containers loaded and moved inland."] * 4
                ),
                incident_type=types[n % len(types)],
                occurred_from=START + datetime.timedelta(days=n % 360),
                sharing_level="CLEAR",
                status="approved",
                created_by=author,
                version=1,
            )
            for n in range(count)
        )
        Citation.objects.bulk_create(
            Citation(incident=i, source=s, locator="p. 3", claim="Loading seen.", credibility=2)
            for i in incidents
            for s in rng.sample(sources, 2)
        )
        MaterielLine.objects.bulk_create(
            MaterielLine(
                incident=i, category=rng.choice(categories), quantity_low=10, unit="tonnes"
            )
            for i in incidents
        )
        Involvement.objects.bulk_create(
            Involvement(incident=i, entity=rng.choice(entities), role="carrier") for i in incidents
        )


def timed(label, call):
    """Wall time, and processor time (what a quiet machine's wall time comes to: the
    machine is shared)."""
    started, processor = time.perf_counter(), time.process_time()
    result = call()
    wall, cpu = time.perf_counter() - started, time.process_time() - processor
    print(f"{label:32} {wall:8.2f} s  (processor {cpu:.2f} s)", flush=True)
    return result


class LayoutCount(logging.Handler):
    """Counts the pages WeasyPrint lays out, from its progress log: a page laid out again
    for the contents' page numbers counts twice; one kept from the previous pass, not."""

    def __init__(self):
        super().__init__()
        self.laid_out = self.passes = 0

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("Step 5 - Creating layout - Page") and "up-to-date" not in message:
            self.laid_out += 1
        elif "Repagination" in message:
            self.passes += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=500)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    fill(args.incidents)
    Report.objects.filter(symbol="BENCH/1").delete()
    report = Report.objects.create(
        symbol="BENCH/1",
        title="Benchmark report",
        period_from=START,
        period_to=START + datetime.timedelta(days=365),
        created_by=User.objects.get(username="bench-author"),
    )
    compilation.default_sections(report)
    timed("compile", lambda: compilation.compile_report(report))
    print(f"  entries: {report.entries.count()}")
    snapshot = timed("build the content", lambda: content.build(report))
    html = timed("render HTML", lambda: rendering.render_html(snapshot))
    layout = LayoutCount()
    progress = logging.getLogger("weasyprint.progress")
    progress.addHandler(layout)
    progress.setLevel(logging.INFO)
    progress.propagate = False  # counted, not printed
    pdf = timed("render PDF (WeasyPrint)", lambda: rendering.render_pdf(html))
    progress.removeHandler(layout)
    docx = timed("render DOCX (python-docx)", lambda: rendering.render_docx(snapshot))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"  sizes: HTML {len(html) / 1e6:.1f} MB, PDF {len(pdf) / 1e6:.1f} MB ", end="")
    print(f"({pages} pages), DOCX {len(docx) / 1e6:.1f} MB")
    print(f"  PDF layout: {layout.laid_out} pages laid out in {1 + layout.passes} passes")


if __name__ == "__main__":
    main()
