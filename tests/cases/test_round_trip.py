"""Writing back what was read changes nothing: through the API (PATCH and PUT, with the
incident exactly as the API reads it) and through the web form (opened and saved
unchanged). Every field of every line, of every kind in cases.lines, is compared in the
database, and the change history records nothing. Fields the API does not offer (an
attachment's) survive a write that does not mention them."""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import tokens
from cases.api.serializers import IncidentWriteSerializer
from cases.forms import LINE_FORMS, IncidentForm
from cases.history import incident_changes
from cases.lines import API_LINE_KINDS, LINE_KINDS, LINES
from cases.models import Attachment, Incident, MaterielCategory
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    FindingFactory,
    IncidentFactory,
    IncidentLocationFactory,
    IncidentRelationFactory,
    InvolvementFactory,
    LocationFactory,
    MaterielLineFactory,
    SourceFactory,
    VesselFactory,
    participating_state,
    png_bytes,
    provision,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(analyst):
    """A draft with two lines of every kind, every edited field set to a value of its
    own (no field left at its default, so a field that is dropped shows)."""
    incident = IncidentFactory(
        created_by=analyst,
        summary="Imagery shows containers loaded at Rajin.",
        date_precision="month",
        sharing_level="AMBER",
    )
    for number in (1, 2):
        MaterielLineFactory(
            incident=incident,
            category=MaterielCategory.objects.get(code="artillery_ammunition"),
            description=f"152 mm shells, lot {number}",
            quantity_low=1000 * number,
            quantity_high=2000 * number,
            unit="rounds",
        )
        InvolvementFactory(
            incident=incident,
            entity=VesselFactory(name=f"VESSEL {number}"),
            role="carrier",
            note=f"Loaded at berth {number}.",
        )
        IncidentLocationFactory(
            incident=incident,
            location=LocationFactory(name=f"Berth {number}"),
            role="origin",
            note=f"Seen on imagery of day {number}.",
        )
        CitationFactory(
            incident=incident,
            source=SourceFactory(sharing_level="GREEN"),
            locator=f"p. {number}",
            claim=f"Claim {number}.",
            credibility=number + 1,
        )
        Attachment.objects.create(
            incident=incident,
            file=SimpleUploadedFile(f"imagery-{number}.png", png_bytes()),
            kind="imagery",
            caption=f"Imagery {number}",
            sharing_level="AMBER",
            for_publication=True,
            uploaded_by=analyst,
        )
    incident.provisions.set([provision("1718/8(b)"), provision("1718/8(a)(i)")])
    for number, (key, limb) in enumerate(
        [("1718/8(b)", "facilitation"), ("1718/8(a)(i)", "services")], start=1
    ):
        FindingFactory(
            incident=incident,
            actor=incident.involvements.get(entity__name=f"VESSEL {number}").entity,
            provision=provision(key),
            limb=limb,
            standing="if_confirmed",
            likelihood="highly_likely",
            confidence="high",
            exemptions=f"Exemption {number} weighed.",
            reasoning=f"Reasoning {number}.",
        )
    for code, attribution in (("KR", "participating_state"), ("JP", "named")):
        ContributionFactory(
            incident=incident, state=participating_state(code), attribution=attribution
        )
    for kind in ("part_of", "overlaps"):
        IncidentRelationFactory(
            incident=incident,
            related=IncidentFactory(created_by=analyst),
            kind=kind,
            note=f"Relation {kind}.",
        )
    return Incident.objects.get(pk=incident.pk)


def stored(incident) -> dict:
    """Everything stored of an incident and its lines, and how much history it has."""
    incident = Incident.objects.get(pk=incident.pk)
    state = {
        "incident": {f.attname: getattr(incident, f.attname) for f in Incident._meta.fields},
        "provisions": sorted(incident.provisions.values_list("pk", flat=True)),
        "history": incident.history.count(),
        "changes": len(incident_changes(incident)),
    }
    for kind in LINE_KINDS:
        lines = kind.model.objects.filter(incident=incident).order_by("id")
        state[kind.name] = [
            {f.attname: str(getattr(line, f.attname)) for f in kind.model._meta.fields}
            for line in lines
        ]
        state[f"{kind.name} history"] = kind.model.history.filter(incident_id=incident.pk).count()
    return state


@pytest.fixture
def api(client, analyst):
    _, key = tokens.issue(analyst, name="test", can_write=True)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


def url(incident):
    return reverse("api:incident-detail", args=[incident.reference])


def test_every_field_the_form_edits_on_a_line_is_read_and_written_by_the_api(incident, api):
    read = api.get(url(incident)).json()
    write = IncidentWriteSerializer().fields
    for kind in API_LINE_KINDS:
        edited = set(LINE_FORMS[kind.name]._meta.fields)
        assert edited == set(kind.fields)
        assert set(read[kind.name][0]) == {"id", *edited}, kind.name
        assert set(write[kind.name].child.fields) == {"id", *edited}, kind.name
    # The incident's own fields too (the form's incident_type is the API's type).
    edited = {"type" if name == "incident_type" else name for name in IncidentForm._meta.fields}
    assert edited <= set(write) and edited - {"version"} <= set(read)


def test_each_line_read_names_the_records_a_write_needs(incident, api):
    read = api.get(url(incident)).json()
    assert read["locations"][0]["location"]["id"] == incident.locations.first().location_id
    assert read["locations"][0]["note"] == "Seen on imagery of day 1."
    assert read["involvements"][0]["entity"]["id"] == incident.involvements.first().entity_id
    assert read["citations"][0]["source"]["id"] == incident.citations.first().source_id
    assert read["materiel"][0]["category"] == "artillery_ammunition"
    for kind in API_LINE_KINDS:
        stored_ids = kind.model.objects.filter(incident=incident).values_list("pk", flat=True)
        assert [line["id"] for line in read[kind.name]] == list(stored_ids)


@pytest.mark.parametrize("method", ["patch", "put"])
def test_writing_back_what_was_read_changes_nothing(incident, api, method):
    before = stored(incident)
    read = api.get(url(incident)).json()
    response = getattr(api, method)(url(incident), read, content_type="application/json")
    assert response.status_code == 200, response.json()
    assert response.json() == read
    assert stored(incident) == before


@pytest.mark.parametrize("kind", [kind.name for kind in API_LINE_KINDS])
def test_writing_back_one_kind_of_line_as_read_changes_nothing(incident, api, kind):
    before = stored(incident)
    read = api.get(url(incident)).json()
    body = {kind: read[kind]}
    response = api.patch(url(incident), body, content_type="application/json", HTTP_IF_MATCH="1")
    assert response.status_code == 200, response.json()
    assert stored(incident) == before


def test_lines_written_back_without_their_ids_keep_what_the_write_leaves_out(incident, api):
    """A client that names records by id alone, and lines by what they hold, as before
    lines had ids: the locations keep their notes."""
    before = stored(incident)
    body = {
        "version": incident.version,
        "locations": [
            {"location": line.location_id, "role": line.role} for line in incident.locations.all()
        ],
    }
    response = api.patch(url(incident), body, content_type="application/json")
    assert response.status_code == 200, response.json()
    assert stored(incident) == before


def test_a_line_named_by_its_id_changes_only_the_fields_given(incident, api):
    first, second = incident.locations.all()
    body = {
        "version": incident.version,
        "locations": [{"id": first.pk, "note": "Corrected note."}, {"id": second.pk}],
    }
    response = api.patch(url(incident), body, content_type="application/json")
    assert response.status_code == 200, response.json()
    first_after, second_after = incident.locations.all()
    assert (first_after.pk, first_after.note) == (first.pk, "Corrected note.")
    assert (first_after.location_id, first_after.role) == (first.location_id, first.role)
    assert (second_after.pk, second_after.note) == (second.pk, second.note)
    change = incident_changes(incident)[0]
    assert [(f.label, f.old, f.new) for f in change.fields] == [
        ("Note", "Seen on imagery of day 1.", "Corrected note.")
    ]
    assert Incident.objects.get(pk=incident.pk).version == incident.version + 1


def test_lines_left_out_of_a_list_are_removed_and_new_ones_added(incident, api):
    first = incident.locations.first()
    added = LocationFactory(name="Dunai")
    body = {
        "version": incident.version,
        "locations": [{"id": first.pk}, {"location": added.pk, "role": "destination"}],
    }
    response = api.patch(url(incident), body, content_type="application/json")
    assert response.status_code == 200, response.json()
    rows = list(incident.locations.values_list("pk", "location__name", "role", "note"))
    assert rows[0] == (first.pk, first.location.name, "origin", first.note)
    assert rows[1][1:] == ("Dunai", "destination", "")
    assert len(rows) == 2


@pytest.mark.parametrize(
    "locations",
    [
        [{"id": 999_999}],  # not a line of this incident
        "twice",  # the same line named twice
        [{"location": {"name": "no id"}, "role": "origin"}],
        [{"role": "origin"}],  # a new line without its location
        "duplicate",  # two lines with the same location in the same role
    ],
)
def test_a_bad_line_is_a_400_and_changes_nothing(incident, api, locations):
    before = stored(incident)
    first = incident.locations.first()
    if locations == "twice":
        locations = [{"id": first.pk}, {"id": first.pk}]
    if locations == "duplicate":
        locations = [{"id": first.pk}, {"location": first.location_id, "role": first.role}]
    body = {"version": incident.version, "locations": locations}
    response = api.patch(url(incident), body, content_type="application/json")
    assert response.status_code == 400, response.json()
    assert "locations" in response.json()["errors"]
    assert stored(incident) == before


def test_another_incidents_line_cannot_be_named(incident, api, analyst):
    other = IncidentFactory(created_by=analyst)
    theirs = IncidentLocationFactory(incident=other, note="Theirs.")
    body = {"version": incident.version, "locations": [{"id": theirs.pk, "note": "Mine."}]}
    response = api.patch(url(incident), body, content_type="application/json")
    assert response.status_code == 400
    theirs.refresh_from_db()
    assert (theirs.incident_id, theirs.note) == (other.pk, "Theirs.")


class FormFields(HTMLParser):
    """What a browser submits from a page's incident form: its inputs, selects and
    textareas with their values, outside the <template>s of empty lines."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self.in_form = self.in_template = False
        self.select = self.textarea = None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and "enctype" in attrs:
            self.in_form = True
        if tag == "template":
            self.in_template = True
        if not self.in_form or self.in_template or attrs.get("disabled") is not None:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            else:
                self.add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template = False
        elif tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def submitted(page: str) -> dict:
    parser = FormFields()
    parser.feed(page)
    # A browser drops the newline that follows <textarea>.
    return {
        name: [value.removeprefix("\n") for value in values] for name, values in parser.data.items()
    }


def test_the_form_saved_unchanged_changes_nothing(incident, login, analyst):
    before = stored(incident)
    client = login(analyst)
    edit = reverse("cases:incident_edit", args=[incident.reference])
    data = submitted(client.get(edit).content.decode())
    assert data["locations-0-note"] == ["Seen on imagery of day 1."]
    assert data["locations-TOTAL_FORMS"] == ["2"]
    response = client.post(edit, data, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert stored(incident) == before


def test_the_form_saving_one_changed_note_changes_only_that_note(incident, login, analyst):
    client = login(analyst)
    edit = reverse("cases:incident_edit", args=[incident.reference])
    data = submitted(client.get(edit).content.decode())
    data["locations-1-note"] = ["Corrected on the form."]
    before = stored(incident)
    response = client.post(edit, data, follow=True)
    assert "was saved" in response.content.decode()
    after = stored(incident)
    assert after["locations"][1]["note"] == "Corrected on the form."
    after["locations"][1]["note"] = before["locations"][1]["note"]
    for name in ("materiel", "involvements", "citations", "attachments", "provisions"):
        assert after[name] == before[name]
    assert after["locations"] == before["locations"]
    assert after["locations history"] == before["locations history"] + 1


def test_the_fields_each_kind_of_line_edits_are_declared_once():
    for kind in LINE_KINDS:
        assert LINES[kind.name] is kind
        assert tuple(LINE_FORMS[kind.name]._meta.fields) == kind.fields
