"""Concurrent reviewers approving at once: workflow steps per second on PostgreSQL (run
on demand, not in CI).

    createdb -h 127.0.0.1 -U postgres msmt_bench_workflow   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/msmt_bench_workflow \\
        .venv/bin/python bench/workflow_bench.py --approvers 1 2 4 8 --steps 400

Migrates the database, then for each number of approvers: submits `steps` incidents (two
sources from different originators and a finding each, an incident type that needs one
approval), and has that many reviewers, each in a process of its own as a web worker
would be, approve their share at once through cases.workflow.approve, as the pages and
the API do. Every step locks its own incident, so they contend only where all steps
meet: the change feed's counter and the audit trail's last entry. While they run, the
states of their database sessions are sampled from pg_stat_activity: the share of samples
waiting on a lock says how much those two rows serialise the steps. Figures are recorded
in bench/README.md.
"""

import argparse
import multiprocessing
import os
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msmt.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
# An approval mails the author: no mail server here, so the mail goes nowhere.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")

import django

django.setup()

from django.conf import settings  # noqa: E402

# Each approver is a process of its own, as a web worker is, with its own connection: a
# pool opened before the fork would hand every process the same ones.
settings.DATABASES["default"].get("OPTIONS", {}).pop("pool", None)

import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import Role  # noqa: E402
from cases import workflow  # noqa: E402
from cases.models import Entity, Incident, IncidentType  # noqa: E402
from tests.factories import (  # noqa: E402
    CitationFactory,
    EntityFactory,
    FindingFactory,
    IncidentFactory,
    OrganisationFactory,
    SourceFactory,
    UserFactory,
)

APPLICATION = "workflow-bench"


def submitted_incidents(count: int, analyst) -> list[int]:
    # The reference data (migrations) has types that need one approval.
    incident_type = IncidentType.objects.filter(approvals_required=1).first()
    # Two sources from different originators, named for this run (names are unique).
    run = uuid.uuid4().hex[:8]
    sources = [
        SourceFactory(
            title=f"Bench source {run}-{n}",
            originator=OrganisationFactory(name=f"Bench originator {run}-{n}"),
        )
        for n in range(2)
    ]
    actor = EntityFactory(name=f"Bench state {run}", kind=Entity.Kind.STATE)
    ids = []
    for _ in range(count):
        incident = IncidentFactory(
            created_by=analyst, updated_by=analyst, incident_type=incident_type
        )
        for source in sources:
            CitationFactory(incident=incident, source=source)
        FindingFactory(incident=incident, actor=actor)
        ids.append(workflow.submit(incident, by=analyst).pk)
    return ids


def approve_all(reviewer_id: int, incident_ids: list[int], start, done) -> None:
    """One approver's share, in its own process and database session."""
    connections.close_all()  # the parent's connection is not this process's to use
    with connection.cursor() as cursor:
        cursor.execute("SET application_name = %s", [APPLICATION])
    reviewer = User.objects.get(pk=reviewer_id)
    incidents = list(Incident.objects.filter(pk__in=incident_ids))
    start.wait()
    for incident in incidents:
        workflow.approve(incident, by=reviewer, comment="Two independent lines.")
    done.put(len(incidents))


def sample_sessions(stop: threading.Event, seen: Counter) -> None:
    """What the approvers' sessions are doing, every few milliseconds."""
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    ) as sampler:
        while not stop.is_set():
            rows = sampler.execute(
                "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                "WHERE application_name = %s",
                [APPLICATION],
            ).fetchall()
            for state, wait_type, wait_event in rows:
                if state == "active" and wait_type == "Lock":
                    seen[f"waiting on a lock ({wait_event})"] += 1
                elif state == "active":
                    seen["working in the database"] += 1
                else:
                    seen["between queries (Python)"] += 1
            stop.wait(0.005)


def run(approvers: int, steps: int, analyst) -> tuple[float, Counter]:
    reviewers = [
        UserFactory(username=f"bench-reviewer-{approvers}-{n}", role=Role.REVIEWER)
        for n in range(approvers)
    ]
    ids = submitted_incidents(steps, analyst)
    shares = [ids[n::approvers] for n in range(approvers)]
    context = multiprocessing.get_context("fork")
    start, done = context.Barrier(approvers + 1), context.Queue()
    connections.close_all()
    workers = [
        context.Process(target=approve_all, args=(reviewer.pk, share, start, done))
        for reviewer, share in zip(reviewers, shares, strict=True)
    ]
    for worker in workers:
        worker.start()
    seen: Counter = Counter()
    stop = threading.Event()
    sampler = threading.Thread(target=sample_sessions, args=(stop, seen))
    sampler.start()
    start.wait()
    began = time.perf_counter()
    taken = sum(done.get(timeout=600) for _ in workers)
    elapsed = time.perf_counter() - began
    stop.set()
    sampler.join()
    for worker in workers:
        worker.join(timeout=60)
        if worker.exitcode != 0:
            raise SystemExit(f"An approver failed (exit code {worker.exitcode}).")
    approved = Incident.objects.filter(pk__in=ids, status=Incident.Status.APPROVED).count()
    if taken != steps or approved != steps:
        raise SystemExit(f"{approved} of {steps} incidents were approved.")
    return steps / elapsed, seen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--approvers", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--steps", type=int, default=400)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Run it on PostgreSQL: set DATABASE_URL (see the docstring).")
    call_command("migrate", verbosity=0)
    analyst = UserFactory(username="bench-analyst", role=Role.ANALYST)
    print(f"{args.steps} approvals each, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    for approvers in args.approvers:
        rate, seen = run(approvers, args.steps, analyst)
        total = sum(seen.values()) or 1
        states = ", ".join(f"{what} {n / total:.0%}" for what, n in seen.most_common())
        print(f"{approvers} approvers: {rate:.1f} steps/s; sessions: {states}", flush=True)


if __name__ == "__main__":
    main()
