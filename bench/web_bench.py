"""Benchmark of the team's web pages over real HTTP (run on demand, not in CI).

    createdb -h 127.0.0.1 -U postgres msmt_bench   # once, shared with api_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/msmt_bench \\
        .venv/bin/python bench/web_bench.py --incidents 100000

On the database api_bench.py fills (it fills it if needed): starts gunicorn (2 workers)
on 127.0.0.1 with the production settings, signs in through the sign-in form as an
analyst, a reviewer and a report editor (these two with their second factor), and times
each page: median and 95th percentile of --repeat requests after a warm-up, one request
at a time. Stops the server when done. Figures are recorded in bench/README.md.
"""

import argparse
import datetime
import sys

import api_bench  # sets Django up
import served
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from cases import patterns
from cases.models import Incident, IncidentType, Provision
from reports import compilation
from reports.models import Entry, Report

PASSWORD = "bench-password-1718"
HISTORY_TITLE = "Bench: an incident edited many times"
EDITS = 60
REPORT_SYMBOL = "BENCH/WEB"
REPORT_ENTRIES = 500


def user(username: str, group: str) -> User:
    person, _ = User.objects.get_or_create(username=username)
    person.groups.add(Group.objects.get(name=group))
    person.set_password(PASSWORD)
    person.save()
    return person


def code(person: User) -> str:
    """The reviewer's current code from their authenticator (a device made here)."""
    device, _ = TOTPDevice.objects.get_or_create(user=person, name="bench", confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def long_history(analyst: User) -> str:
    """The reference of an incident saved EDITS times, its paragraphs changed each time."""
    found = Incident.objects.filter(title=HISTORY_TITLE).values_list("reference", flat=True)
    if found:
        return found[0]
    provisions = list(Provision.objects.all()[:6])
    with transaction.atomic():
        incident = Incident.objects.create(
            title=HISTORY_TITLE,
            summary="A tanker loaded at Rajin.",
            incident_type=IncidentType.objects.first(),
            occurred_from=datetime.date(2024, 3, 1),
            sharing_level="GREEN",
            created_by=analyst,
        )
        for n in range(EDITS):
            incident.summary = f"A tanker loaded at Rajin; revised {n + 1} times."
            incident.updated_by = analyst
            incident.save()
            incident.provisions.set(provisions[n % 3 : n % 3 + 2])
            incident.context_provisions.set(provisions[3 + n % 3 : 4 + n % 3])
    return incident.reference


def change_an_incident() -> None:
    """A save of an approved incident, as a reviewer's step or an analyst's edit makes:
    the change feed moves on, and the home page finds the team's counts behind it."""
    incident = Incident.objects.filter(status=Incident.Status.APPROVED).order_by("pk").first()
    incident.save()


def report_of(editor: User) -> int:
    """A draft report of REPORT_ENTRIES approved incidents, in its default sections."""
    found = Report.objects.filter(symbol=REPORT_SYMBOL).values_list("pk", flat=True)
    if found:
        return found[0]
    with transaction.atomic():
        report = Report.objects.create(
            symbol=REPORT_SYMBOL,
            title="Benchmark report of the web pages",
            period_from=datetime.date(2022, 1, 1),
            period_to=datetime.date(2022, 1, 10),
            created_by=editor,
        )
        compilation.default_sections(report)
        sections = list(report.sections.prefetch_related("incident_types"))
        incidents = (
            compilation.in_scope(report)
            .filter(status=Incident.Status.APPROVED)
            .order_by("occurred_from", "reference")[:REPORT_ENTRIES]
        )
        Entry.objects.bulk_create(
            Entry(
                report=report,
                incident=incident,
                section=compilation.section_for(incident, sections),
                position=position,
            )
            for position, incident in enumerate(incidents, start=1)
        )
    return report.pk


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--only", help="time only the pages whose label contains this")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run the benchmark on PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    api_bench.fill(args.incidents)
    api_bench.fill_findings()
    analyst = user("bench-analyst", "Analyst")
    reviewer = user("bench-reviewer", "Reviewer")
    reference = long_history(analyst)
    editor = user("bench-editor", "Report editor")
    report = report_of(editor)
    kind = IncidentType.objects.values_list("code", flat=True).first()
    connection.close()  # the server's workers open their own

    with served.gunicorn(args.port) as address:
        as_analyst = served.client(address)
        served.sign_in(as_analyst, "bench-analyst", PASSWORD)
        as_reviewer = served.client(address)
        served.sign_in(as_reviewer, "bench-reviewer", PASSWORD)
        served.two_factor(as_reviewer, code(reviewer))
        as_editor = served.client(address)
        served.sign_in(as_editor, "bench-editor", PASSWORD)
        served.two_factor(as_editor, code(editor))
        connection.close()
        filtered = {
            "type": kind,
            "occurred_after": "2021-01-01",
            "occurred_before": "2023-12-31",
            "destination": "RU",
        }
        pages = [
            ("/incidents/ (default)", as_analyst, "/incidents/", None),
            ("/incidents/ filtered (type, dates, destination)", as_analyst, "/incidents/",
             filtered),
            ("/incidents/?q=tanker Rajin", as_analyst, "/incidents/", {"q": "tanker Rajin"}),
            *(
                (f"/incidents/?ordering={o}", as_analyst, "/incidents/", {"ordering": o})
                for o in ("reference", "-reference", "occurred", "-occurred", "updated", "-updated")
            ),
            ("/incidents/?page=2000", as_analyst, "/incidents/", {"page": 2000}),
            ("/ (home), analyst", as_analyst, "/", None),
            ("/ (home), reviewer", as_reviewer, "/", None),
            ("/ (home), analyst, after a change each time", as_analyst, "/", None,
             change_an_incident),
            ("/entities/", as_analyst, "/entities/", None),
            ("/sources/", as_analyst, "/sources/", None),
            ("/review/ (reviewer)", as_reviewer, "/review/", None),
            (f"/incidents/<ref>/ ({EDITS} edits)", as_analyst, f"/incidents/{reference}/", None),
            (f"/reports/<pk>/ ({REPORT_ENTRIES} entries)", as_editor, f"/reports/{report}/", None),
        ]  # fmt: skip
        print(f"\n{'page':50} {'median ms':>10} {'p95 ms':>8} {'KiB':>6}  load")
        for label, session, path, params, *before in pages:
            if args.only and args.only not in label:
                continue
            size = len(served.get_ok(session, path, params).content)
            median, p95 = served.timings(
                lambda s=session, p=path, q=params: served.get_ok(s, p, q),
                args.repeat,
                *before,
            )
            print(
                f"{label:50} {median:10.0f} {p95:8.0f} {size / 1024:6.0f}  {served.load()}",
                flush=True,
            )
        label = "home's counts recounted (the worker, in process)"
        if not args.only or args.only in label:
            # What the worker does after a change (cases.tasks.recount_team_counts).
            median, p95 = served.timings(patterns.recount_team, args.repeat)
            print(f"{label:50} {median:10.0f} {p95:8.0f} {'':6}  {served.load()}", flush=True)


if __name__ == "__main__":
    main()
