"""The canary: records each reader must not see carry marker strings in every text field;
every URL of the URL configuration is requested by every reader (with real ids, as an
export, as the browsable API, the change feed from 0, every report file, every admin
page), and no marker a reader may not see appears in any body, header or file.

Generated from the URL configuration like the access matrices: a new URL whose
parameters this test cannot fill fails it, so that no surface is left unchecked."""

import csv
import datetime
import html
import io
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pypdf import PdfReader

from accounts.roles import Role
from cases import patterns
from cases.markings import SharingLevel
from cases.models import (
    Attachment,
    EntityMerge,
    Estimate,
    Incident,
    Letter,
    ListEntry,
    SavedSearch,
)
from exchange import layout
from exchange.models import Import
from reports import compilation, publication
from reports.models import ClearanceRound, ParagraphComment, Report
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    EntityFactory,
    FindingFactory,
    IncidentFactory,
    IncidentLocationFactory,
    IncidentRelationFactory,
    InvolvementFactory,
    LocationFactory,
    MaterielLineFactory,
    PartnerOrganisationFactory,
    SourceFactory,
    UserFactory,
    VesselFactory,
    participating_state,
    png_bytes,
)
from tests.reports.helpers import publish
from webhooks.models import CHOSEN_EVENTS, Delivery, Endpoint, Event

pytestmark = pytest.mark.django_db

# Which readers may see each marker.
TEAM = {"analyst", "editor"}
MAY_SEE = {
    "CANARYDRAFT": set(),  # another analyst's draft, its new entity and source
    "CANARYAMBER": {"amber partner"} | TEAM,
    "CANARYRED": TEAM,
    "CANARYINTERNAL": TEAM,  # a source not to be cited outside the team
    "CANARYPUBLIC": {"green partner", "amber partner"} | TEAM,  # the control
}
READERS = ["anonymous", "green partner", "amber partner", "analyst", "editor"]
# States that contributed to the public incident: one that may be named, one to be cited
# only as "a participating state", one not to be cited outside the team. A code is no
# marker string: responses are read for the states they name (named_states).
NAMED_STATE, HIDDEN_STATES = "US", {"KR", "GB"}


def marked_incident(marker, status, level, created_by=None, source_level=None, **source):
    """An incident whose every line and referred record carries `marker`."""
    incident = IncidentFactory(
        title=f"{marker} incident",
        summary=f"{marker} summary.",
        sharing_level=level,
        occurred_from=datetime.date(2023, 3, 1),
        **({"created_by": created_by} if created_by else {}),
    )
    MaterielLineFactory(incident=incident, description=f"{marker} shells")
    InvolvementFactory(
        incident=incident,
        entity=VesselFactory(
            name=f"{marker} VESSEL", description=f"{marker} vessel", created_by=created_by
        ),
        note=f"{marker} note",
    )
    IncidentLocationFactory(
        incident=incident,
        location=LocationFactory(name=f"{marker} port", created_by=created_by),
        note=f"{marker} berth",
    )
    CitationFactory(
        incident=incident,
        source=SourceFactory(
            title=f"{marker} source",
            description=f"{marker} description",
            url=f"https://example.org/{marker}",
            published_by=f"{marker} outlet",
            sharing_level=source_level or level,
            created_by=created_by,
            **source,
        ),
        locator=f"{marker} p. 1",
        claim=f"{marker} claim.",
    )
    FindingFactory(
        incident=incident,
        actor=EntityFactory(kind="state", name=f"{marker} STATE", created_by=created_by),
        exemptions=f"{marker} exemption",
        reasoning=f"{marker} reasoning.",
    )
    evidence = Attachment.objects.create(
        incident=incident,
        file=SimpleUploadedFile(f"{marker}.png", png_bytes()),
        caption=f"{marker} caption",
        kind="imagery",
        provider=f"{marker} provider",
        credit=f"{marker} credit",
        sharing_level=level,
    )
    evidence.custody.create(holder=f"{marker} holder")

    Incident.objects.filter(pk=incident.pk).update(status=status)
    return incident


@pytest.fixture
def seeded(editor):
    author = UserFactory(role=Role.ANALYST)
    records = {
        "draft": marked_incident("CANARYDRAFT", "draft", "CLEAR", created_by=author),
        "amber": marked_incident("CANARYAMBER", "approved", "AMBER"),
        "red": marked_incident("CANARYRED", "approved", "RED"),
        "public": marked_incident("CANARYPUBLIC", "approved", "CLEAR"),
    }
    # A source not to be cited outside the team, cited in an incident partners read.
    CitationFactory(
        incident=records["public"],
        source=SourceFactory(
            title="CANARYINTERNAL source",
            description="CANARYINTERNAL description",
            url="https://example.org/CANARYINTERNAL",
            sharing_level="CLEAR",
            attribution="internal_only",
        ),
        locator="CANARYINTERNAL p. 2",
        claim="CANARYINTERNAL claim.",
    )
    # The public incident is part of the draft and overlaps the others; each relation
    # carries the marker of the incident it names, so it may show only with that one.
    for key, kind in (("draft", "part_of"), ("amber", "overlaps"), ("red", "overlaps")):
        marker = f"CANARY{key.upper()}"
        IncidentRelationFactory(
            incident=records["public"], related=records[key], kind=kind, note=f"{marker} note"
        )
    for code, attribution in (
        (NAMED_STATE, "named"),
        ("KR", "participating_state"),
        ("GB", "internal_only"),
    ):
        ContributionFactory(
            incident=records["public"], state=participating_state(code), attribution=attribution
        )
    # Saved searches: one the draft's author keeps private, and one they share with the
    # team, subscribed to by its author.
    SavedSearch.objects.create(owner=author, name="CANARYDRAFT search", query="q=CANARYDRAFT")
    shared = SavedSearch.objects.create(
        owner=author, name="CANARYRED shared search", query="q=CANARYRED", shared=True
    )
    shared.subscriptions.create(user=author, frequency="daily")
    # An estimate the team reads, supported by every marked incident: its pages show
    # each reader only those they may see.
    estimate = Estimate.objects.create(
        statement="CANARYRED estimate of containers.",
        quantity_low=20000,
        more_than=True,
        unit="containers",
        basis="CANARYRED basis.",
        created_by=editor,
    )
    estimate.incidents.set(records.values())
    # A report published at AMBER with the AMBER incident, then a second edition
    # lowered to CLEAR that leaves it out.
    report = Report.objects.create(
        symbol="MSMT/2023/1",
        title="Arms transfers",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        sharing_level=SharingLevel.AMBER,
        created_by=editor,
    )
    report.sections.create(heading="All", position=1)
    Incident.objects.filter(pk=records["red"].pk).update(
        occurred_from=datetime.date(2022, 1, 1), occurred_to=None
    )  # outside the report's period
    compilation.compile_report(report)
    first = publish(report, editor)
    second = publication.new_edition(first, editor)
    second.sharing_level = SharingLevel.CLEAR
    second.save()
    compilation.exclude_entry(
        second.entries.get(incident=records["amber"]), "Not releasable at CLEAR."
    )
    publish(second, editor)
    return records


@pytest.fixture
def readers(editor, analyst):
    editor.is_staff = True  # the report editor works in the admin too
    editor.save()

    def partner(level):
        organisation = PartnerOrganisationFactory(clearance=level)
        return UserFactory(role=Role.PARTNER, organisation=organisation)

    green = partner(SharingLevel.GREEN)
    # A webhook endpoint with a delivery in its log, so that its pages are read too.
    endpoint = Endpoint.objects.create(
        owner=green, name="Mirror", url="https://hooks.example.org/", events=CHOSEN_EVENTS
    )
    Delivery.objects.create(endpoint=endpoint, event=Event.RESYNC, position=1, view="")
    return {
        "anonymous": None,
        "green partner": green,
        "amber partner": partner(SharingLevel.AMBER),
        "analyst": analyst,
        "editor": editor,
    }


def url_patterns(patterns=None, namespace="", params=()):
    """(qualified name, parameter names) of every named URL."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        names = params + tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, inner, names)
        elif isinstance(entry, URLPattern) and entry.name:
            regex = entry.pattern.regex
            if regex.groups > len(regex.groupindex):
                # simple-history's version page takes (object_id, version_id) by position.
                assert entry.name.endswith("_simple_history"), entry.name
                names += ("object_id", "version_id")
            yield f"{namespace}{entry.name}", names


def admin_model(name):
    from django.contrib import admin

    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model
    return None


def candidates(name: str, param: str) -> list:
    """The values to fill `param` of the URL `name` with: the seeded records, so that
    every record a reader must not see is asked for by its real address."""
    reports = Report.objects.all()
    incidents = Incident.objects.all()
    by_url = {
        ("cases:entity_detail", "pk"): incidents.values_list("involvements__entity", flat=True),
        ("cases:source_detail", "pk"): incidents.values_list("citations__source", flat=True),
        ("cases:attachment_download", "pk"): Attachment.objects.values_list("pk", flat=True),
        ("cases:attachment_evidence", "pk"): Attachment.objects.values_list("pk", flat=True),
        ("cases:attachment_file", "name"): Attachment.objects.values_list("file", flat=True),
        ("api:entity-detail", "pk"): incidents.values_list("involvements__entity", flat=True),
        ("api:vessel-detail", "pk"): incidents.values_list("involvements__entity", flat=True),
        ("cases:vessel_edit", "pk"): incidents.values_list("involvements__entity", flat=True),
        ("api:source-detail", "pk"): incidents.values_list("citations__source", flat=True),
        ("api:report-file", "kind"): ["html", "pdf", "docx"],
        ("reports:file", "format"): ["html", "pdf", "docx"],
        ("accounts:token_revoke", "pk"): [1],
        ("cases:estimate_detail", "pk"): Estimate.objects.values_list("pk", flat=True),
        ("cases:estimate_edit", "pk"): Estimate.objects.values_list("pk", flat=True),
        ("cases:incident_chart_csv", "chart"): list(patterns.CHARTS),
        ("webhooks:replay", "pk"): Delivery.objects.values_list("pk", flat=True),
        ("searches:edit", "pk"): SavedSearch.objects.values_list("pk", flat=True),
        ("searches:delete", "pk"): SavedSearch.objects.values_list("pk", flat=True),
        ("searches:subscribe", "pk"): SavedSearch.objects.values_list("pk", flat=True),
        ("api:webhook-replay", "delivery_id"): Delivery.objects.values_list("pk", flat=True),
        ("api:letter-detail", "pk"): Letter.objects.values_list("pk", flat=True),
        ("exchange:sheet_template", "sheet"): [sheet.name for sheet in layout.SHEETS],
        ("cases:entity_merge_propose", "pk"): incidents.values_list(
            "involvements__entity", flat=True
        ),
        ("cases:list_entry_detail", "pk"): ListEntry.objects.values_list("pk", flat=True),
        ("cases:list_entry_link", "pk"): ListEntry.objects.values_list("pk", flat=True),
        ("cases:list_entry_not", "pk"): ListEntry.objects.values_list("pk", flat=True),
        ("cases:entity_merge_detail", "pk"): EntityMerge.objects.values_list("pk", flat=True),
        ("cases:entity_merge_step", "pk"): EntityMerge.objects.values_list("pk", flat=True),
        ("cases:entity_merge_step", "step"): ["approve", "reject", "undo"],
        # UserAdmin names its password page after auth.User whatever the user model.
        ("admin:auth_user_password_change", "id"): get_user_model().objects.values_list(
            "pk", flat=True
        ),
    }
    if (name, param) in by_url:
        return list(by_url[(name, param)])
    if param == "reference":
        return list(incidents.values_list("reference", flat=True))
    if name.startswith("api:") and param == "format":
        return ["json", "csv", "ndjson"]
    if name.startswith("reports:") or name.startswith("api:report-"):
        return list(
            {
                "pk": reports.values_list("pk", flat=True),
                "section_pk": reports.values_list("sections", flat=True),
                "entry_pk": reports.values_list("entries", flat=True),
                "number": ClearanceRound.objects.values_list("number", flat=True),
                "comment_pk": ParagraphComment.objects.values_list("pk", flat=True),
            }[param]
        )
    if name.startswith("exchange:") and param == "pk":
        return list(Import.objects.values_list("pk", flat=True))
    if name.startswith("cases:letter_") and param == "pk":
        return list(Letter.objects.values_list("pk", flat=True))
    if name.startswith(("webhooks:", "api:webhook-")) and param == "pk":
        return list(Endpoint.objects.values_list("pk", flat=True))
    if name.startswith("admin:"):
        return admin_candidates(name, param)
    raise AssertionError(f"The canary cannot fill {param} of {name}: add it to candidates().")


def admin_candidates(name, param):
    from django.contrib import admin
    from django.contrib.contenttypes.models import ContentType

    model = admin_model(name)
    if param == "app_label":
        return sorted({model._meta.app_label for model in admin.site._registry})
    if param in ("object_id", "id", "pk") and model is not None:
        return list(model._base_manager.order_by("-pk").values_list("pk", flat=True)[:12])
    if param == "version_id" and model is not None:
        return list(model.history.order_by("-history_id").values_list("history_id", flat=True)[:6])
    if param == "content_type_id":
        return [ContentType.objects.get_for_model(Incident).pk]
    if param == "object_id":
        return list(Incident.objects.values_list("pk", flat=True))
    raise AssertionError(f"The canary cannot fill {param} of {name}: add it to candidates().")


def addresses():
    """Every URL with its parameters filled in every way the seeded records allow."""
    for name, params in url_patterns():
        if name == "api:api-root" and "format" in params:
            continue
        combos = [{}]
        for param in dict.fromkeys(params):
            combos = [
                {**combo, param: value} for combo in combos for value in candidates(name, param)
            ]
        for kwargs in combos:
            if name.startswith("admin:") and "version_id" in kwargs:
                # A version belongs to its own record.
                model = admin_model(name)
                if not model.history.filter(
                    history_id=kwargs["version_id"], **{model._meta.pk.attname: kwargs["object_id"]}
                ).exists():
                    continue
            if name.endswith("_simple_history"):
                yield reverse(name, args=[kwargs["object_id"], kwargs["version_id"]])
            else:
                yield reverse(name, kwargs=kwargs)


def text(response) -> str:
    """What a reader receives: headers and body, with PDF and DOCX files read as text."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        body = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    elif "wordprocessingml" in kind:
        with zipfile.ZipFile(io.BytesIO(body)) as docx:
            parts = [part for part in docx.namelist() if part.endswith((".xml", ".rels"))]
            body = "\n".join(docx.read(part).decode() for part in parts)
    elif isinstance(body, bytes):
        body = body.decode(errors="replace")
    return f"{response.headers}\n{body}"


def named_states(received: str) -> set[str]:
    """The contributing states a response names: in JSON, NDJSON and the browsable API,
    under contributing_states and each contribution's state; in CSV, in its column."""
    found = set()
    if "text/csv" in received.partition("\n")[0]:
        for row in csv.DictReader(io.StringIO(received.partition("\n")[2])):
            found |= set(row.get("contributing_states", "").split())
    received = html.unescape(received)
    for codes in re.findall(r'"contributing_states":\s*\[([^\]]*)\]', received):
        found |= set(re.findall(r'"([A-Z]{2})"', codes))
    found |= set(re.findall(r'"state":\s*"([A-Z]{2})"', received))
    return found


def test_no_reader_receives_a_marker_they_may_not_see(client, seeded, readers):
    urls = sorted(set(addresses()))
    feed = reverse("api:changes") + "?after=0"
    lists = [reverse(n) for n in ("api:incident-list", "api:entity-list", "api:source-list")]
    extra = [feed] + [f"{url}?format={f}" for url in lists for f in ("csv", "ndjson")]
    searches = [
        reverse(n) + "?q=CANARY"
        for n in (
            "cases:entity_search",
            "cases:source_search",
            "cases:incident_search",
            "cases:incident_list",
            "search",
            "cases:incident_map_data",
            "cases:incident_charts_data",
        )
    ]
    # Filtering by a state the reader may not see named lists nothing.
    by_state = {
        f"{reverse(name)}?state={code}{suffix}": code
        for name in ("api:incident-list", "cases:incident_list")
        for code in (NAMED_STATE, *HIDDEN_STATES)
        for suffix in ("", "&format=csv")
        if suffix == "" or name.startswith("api:")
    }
    client.raise_request_exception = False  # server errors are other tests' concern
    leaks = []
    seen = {marker: set() for marker in MAY_SEE}
    states_seen = {reader: set() for reader in readers}
    for reader, user in readers.items():
        client.logout()
        if user:
            client.force_login(user)
        for url in [*urls, *extra, *searches, *by_state]:
            for accept in ("*/*", "text/html") if url.startswith("/api/") else ("*/*",):
                received = text(client.get(url, HTTP_ACCEPT=accept))
                for marker, allowed in MAY_SEE.items():
                    if marker in received:
                        seen[marker].add(reader)
                        if reader not in allowed:
                            leaks.append(f"{reader}: {marker} in {url} ({accept})")
                states = named_states(received)
                states_seen[reader] |= states
                if reader not in TEAM and states & HIDDEN_STATES:
                    leaks.append(f"{reader}: {states & HIDDEN_STATES} named in {url} ({accept})")
                hidden_filter = by_state.get(url) in HIDDEN_STATES and reader not in TEAM
                if hidden_filter and "CANARYPUBLIC" in received:
                    leaks.append(f"{reader}: {url} lists what that state contributed to")
    assert not leaks, "\n".join(leaks)
    # The control: every reader finds what they may see, so the test can see a leak.
    assert seen == MAY_SEE
    assert states_seen == {
        "anonymous": set(),
        "green partner": {NAMED_STATE},
        "amber partner": {NAMED_STATE},
        "analyst": {NAMED_STATE, *HIDDEN_STATES},
        "editor": {NAMED_STATE, *HIDDEN_STATES},
    }


def test_the_canary_reads_the_markers_inside_report_files(client, seeded, editor):
    client.force_login(editor)
    first = Report.objects.get(edition=1)
    for kind in ("html", "pdf", "docx"):
        assert "CANARYAMBER" in text(client.get(reverse("reports:file", args=[first.pk, kind])))
