from django.conf import settings


def security(request):
    """Whether two-factor sign-in is asked for, for the sign-in page to say so."""
    return {"two_factor_required": settings.TWO_FACTOR_REQUIRED}
