import os
from typing import Any

from django.core.management.base import BaseCommand

from cases.demo import duplicates
from cases.demo import letters as letter_demo
from cases.demo.seed import DEFAULT_PASSWORD, PARTNER_ORGANISATION, seed
from reports import demo as report_demo
from reports import demo_clearance


class Command(BaseCommand):
    help = (
        "Load the demo data set and a user for each role. Safe to run again: records that "
        "exist are left alone. Passwords come from MSMT_DEMO_PASSWORD, or a printed default."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("MSMT_DEMO_PASSWORD") or DEFAULT_PASSWORD
        result = seed(password)
        result.created["letters"] = letter_demo.seed()
        result.created["possible duplicates"] = duplicates.seed()
        if report_demo.seed():
            result.count("reports")
        demo_clearance.seed(password, result)
        added = ", ".join(f"{n} {what}" for what, n in result.created.items() if n) or "nothing"
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded (new: {added})."))
        self.stdout.write(f"Users: {', '.join(result.users)}")
        if "MSMT_DEMO_PASSWORD" in os.environ:
            self.stdout.write("Password: the value of MSMT_DEMO_PASSWORD.")
        else:
            self.stdout.write(f"Password: {password}  (set MSMT_DEMO_PASSWORD to choose one)")
        self.stdout.write(f"The partner belongs to '{PARTNER_ORGANISATION}' (clearance GREEN).")
        self.stdout.write(
            f"The editor's draft report {report_demo.SYMBOL} waits at /reports/ to be settled "
            "and published."
        )
