import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from cases.models import Incident
from reports import compilation, content, publication, rendering
from reports.models import Report


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date: write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Compile and render a report (HTML, PDF, DOCX) for automation. A symbol that does "
        "not exist yet is created with every approved incident in the period, one section "
        "per incident type. With --publish, the report is also published."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("symbol", help="Such as MSMT/2025/1.")
        parser.add_argument("--title", help="The title (of a new report, or a new title).")
        parser.add_argument("--from", dest="period_from", type=iso_date, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="period_to", type=iso_date, help="YYYY-MM-DD")
        parser.add_argument("--publish", action="store_true", help="Publish it as well.")
        parser.add_argument("--output-dir", type=Path, default=Path("."))
        parser.add_argument(
            "--by",
            help="Username recorded as its author and publisher (default: the first "
            "active superuser).",
        )

    def handle(
        self,
        *args: object,
        symbol: str,
        title: str | None,
        period_from: datetime.date | None,
        period_to: datetime.date | None,
        publish: bool,
        output_dir: Path,
        by: str | None,
        **_: object,
    ) -> None:
        user = self._user(by, publish)
        if output_dir.exists() and not output_dir.is_dir():
            raise CommandError(f"{output_dir} is not a directory.")
        report = Report.objects.filter(symbol=symbol).order_by("-edition").first()
        if report is None:
            report = self._create(symbol, title, period_from, period_to, user)
        elif report.is_draft:
            self._update(report, title, period_from, period_to)
        elif publish or title or period_from or period_to:
            raise CommandError(
                f"{report} is already published and can no longer change: start a new "
                "edition to correct it."
            )
        if report.is_draft:
            result = compilation.compile_report(report)
            self.stderr.write(f"{report.symbol}: {result.added} added, {result.removed} removed.")
        if publish:
            try:
                report = publication.publish(report, user)
            except publication.NotPublishable as error:
                raise CommandError(
                    "Not published:\n- " + "\n- ".join(p.message for p in error.problems)
                ) from None
        files = self._files(report)
        output_dir.mkdir(parents=True, exist_ok=True)
        for suffix, data in files.items():
            path = output_dir / f"{report.slug}.{suffix}"
            path.write_bytes(data)
            self.stdout.write(str(path))

    def _user(self, username: str | None, publish: bool) -> User:
        if username:
            user = User.objects.filter(username=username, is_active=True).first()
            if user is None:
                raise CommandError(f"No active user is called {username!r}.")
        else:
            user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
            if user is None:
                raise CommandError("Name the report's author with --by: there is no superuser.")
        if publish:
            # Before anything is compiled: refused input changes nothing.
            try:
                publication.ensure_may_publish(user)
            except publication.NotAllowed as error:
                raise CommandError(str(error)) from None
        return user

    @transaction.atomic
    def _create(
        self,
        symbol: str,
        title: str | None,
        period_from: datetime.date | None,
        period_to: datetime.date | None,
        user: User,
    ) -> Report:
        approved = Incident.objects.filter(status=Incident.Status.APPROVED)
        first = approved.order_by("occurred_from").values_list("occurred_from", flat=True)
        report = Report(
            symbol=symbol,
            title=title or f"Report {symbol} of the Multilateral Sanctions Monitoring Team",
            period_from=period_from or first.first() or timezone.localdate(),
            period_to=period_to or timezone.localdate(),
            created_by=user,
        )
        self._save(report)
        compilation.default_sections(report)
        return report

    def _update(
        self,
        report: Report,
        title: str | None,
        period_from: datetime.date | None,
        period_to: datetime.date | None,
    ) -> None:
        report.title = title or report.title
        report.period_from = period_from or report.period_from
        report.period_to = period_to or report.period_to
        self._save(report)

    def _save(self, report: Report) -> None:
        try:
            report.full_clean(exclude=["created_by"])
        except ValidationError as error:
            messages = [f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items()]
            raise CommandError("; ".join(messages)) from None
        report.save()

    def _files(self, report: Report) -> dict[str, bytes]:
        if not report.is_draft:
            stored: dict[str, bytes] = {}
            for item in report.files.all():
                with item.file.open("rb") as handle:
                    stored[item.format] = handle.read()
            return stored
        snapshot = content.build(report)
        html = rendering.render_html(snapshot)
        return {
            "html": html.encode(),
            "pdf": rendering.render_pdf(html),
            "docx": rendering.render_docx(snapshot),
        }
