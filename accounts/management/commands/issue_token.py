from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts import tokens
from accounts.models import User


class Command(BaseCommand):
    help = "Issue an API token for a user and print its key, which is shown only this once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="Issued from the command line")
        parser.add_argument("--days", type=int, default=tokens.DEFAULT_DAYS)
        parser.add_argument(
            "--write", action="store_true", help="Allow the token to create and change drafts."
        )

    def handle(
        self, *args: object, username: str, name: str, days: int, write: bool, **options: object
    ) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        try:
            token, key = tokens.issue(user, name=name, days=days, can_write=write)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(key)
        self.stderr.write(
            f"Token {token.prefix}… for {username}, {'read and write' if write else 'read-only'}, "
            f"valid until {token.expires_at:%Y-%m-%d}. Keep the key: it is not stored."
        )
