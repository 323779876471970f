"""The entity form proposes, as the analyst types, the entities the team already has."""

import pytest
from playwright.sync_api import expect

from cases.models import Entity
from tests.factories import EntityFactory

pytestmark = pytest.mark.usefixtures("migrated_data")


def test_typing_a_known_name_in_another_spelling_shows_the_entity(
    open_session, live_server, analyst
):
    EntityFactory(kind=Entity.Kind.PERSON, name="Kim Jong Sik")
    page = open_session(analyst)
    page.goto(f"{live_server.url}/entities/new/")

    page.select_option("#id_kind", "person")
    page.fill("#id_name", "Kim Chong-sik")

    candidates = page.get_by_test_id("entity-candidates")
    expect(candidates).to_contain_text("Kim Jong Sik (person)")
    expect(candidates).to_contain_text("one name spelt two ways")
