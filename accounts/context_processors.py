from django.conf import settings
from django.http import HttpRequest


def security(request: HttpRequest) -> dict[str, object]:
    """Whether two-factor sign-in is asked for, for the sign-in page to say so, and how
    long a sign-in is paused after repeated failures, for the page that says that."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return {
        "two_factor_required": settings.TWO_FACTOR_REQUIRED,
        "login_pause": f"{minutes} minutes" if minutes != 1 else "1 minute",
    }
