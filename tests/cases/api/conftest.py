"""What the API's tests share."""

import pytest

from accounts import tokens
from cases.markings import SharingLevel
from cases.models import Incident
from tests.factories import IncidentFactory


@pytest.fixture
def api(client):
    """A client that presents a token of the given user."""

    def as_user(user):
        _, key = tokens.issue(user, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


@pytest.fixture
def incident_in(db):
    """An incident in a status (approved unless told) at a level (GREEN unless told)."""

    def make(status="approved", sharing_level=SharingLevel.GREEN, **kwargs) -> Incident:
        incident = IncidentFactory(sharing_level=sharing_level, **kwargs)
        Incident.objects.filter(pk=incident.pk).update(status=status)
        return incident

    return make
