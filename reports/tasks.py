"""Background work: publishing renders three files, which can take longer than a web
request should. The page enqueues the task and follows Report.job_state. An embargoed
report is released by a task deferred to its release time (reports.embargo)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from accounts.models import User
from reports import compilation, embargo, publication
from reports.errors import ReportError
from reports.models import Report


class Job:
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


def record(report_id: int, state: str, message: str = "") -> None:
    Report.objects.filter(pk=report_id).update(job_state=state, job_message=message[:500])


@task()
def publish_report(report_id: int, user_id: int) -> None:
    report = Report.objects.get(pk=report_id)
    user = get_user_model().objects.get(pk=user_id)
    try:
        report = publication.publish(
            report, user, progress=lambda m: record(report_id, Job.RUNNING, m)
        )
    except ReportError as error:  # what the editor can settle, said to them
        record(report_id, Job.FAILED, f"Not published: {error}")
        return
    except Exception as error:
        record(report_id, Job.FAILED, f"Publication failed: {error}")
        raise
    record(report_id, Job.DONE, "Published.")
    if report.released_at is None and release_reports.get_backend().supports_defer:
        release_reports.using(run_after=report.release_at).enqueue()


@task()
def release_reports() -> None:
    embargo.release_due()


def start_publication(report: Report, by: User) -> None:
    """Queue the publication, once `by` may publish and nothing blocks it (raises
    publication.NotAllowed or NotPublishable otherwise); the page follows it through
    Report.job_state."""
    publication.ensure_may_publish(by)
    compilation.ensure_draft(report)
    if found := publication.blocking(report):
        raise publication.NotPublishable(found)
    record(report.pk, Job.QUEUED, "Waiting for the worker")
    publish_report.enqueue(report.pk, by.pk)
