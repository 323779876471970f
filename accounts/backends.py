from django.contrib.auth.backends import ModelBackend
from django.db.models import QuerySet

from accounts.models import Reader, User


class AccountBackend(ModelBackend):
    """Django's user and password check, with this application's rule on who may use an
    account (`User.disabled_by`). Django asks it at sign-in and again on every request of
    a session, so a session ends with the next request once the rule refuses it."""

    def user_can_authenticate(self, user: Reader | None) -> bool:
        return isinstance(user, User) and user.disabled_by is None

    def get_user(self, user_id: int) -> User | None:
        # The organisation is read with the user: the rule needs it on every request.
        user = self._users().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    async def aget_user(self, user_id: int) -> User | None:
        # Django's own would read the organisation lazily, which async code may not do.
        user = await self._users().filter(pk=user_id).afirst()
        return user if user is not None and self.user_can_authenticate(user) else None

    @staticmethod
    def _users() -> QuerySet[User]:
        return User._default_manager.select_related("organisation")
