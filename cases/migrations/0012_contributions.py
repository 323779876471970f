"""Contributing states become lines of their own (Contribution), each with how far
outside the team the state may be named: the same three choices as a source's
attribution (issue 11, item 2).

Every existing contributing state becomes a contribution cited only as "a participating
state", the choice that names no state until an analyst decides it may be named. Its
history is carried over: each addition and removal recorded in the incident's history
(simple-history's snapshots of the many-to-many field) becomes an addition or removal
of a contribution, at the same time and by the same user, so that an incident's history
page reads as before. A state the snapshots do not account for is recorded as added now.

Reversing restores each incident's contributing states, not the snapshots of their
history, nor the attributions."""

from collections import defaultdict
from itertools import groupby

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

ATTRIBUTION_CHOICES = [
    ("named", "May be named"),
    ("participating_state", 'Cite only as "a participating state"'),
    ("internal_only", "Not to be cited outside the team"),
]
REASON = "Contributing state carried over from the incident's history."


def _runs(records, snapshots, current):
    """(state id, added at, added by, removed at or None, removed by) for one
    incident's records, oldest first, reconciled with the states it holds now."""
    now = timezone.now()
    opened, runs, before = {}, [], set()
    for history_id, date, user_id in records:
        states = snapshots.get(history_id, set())
        for state in states - before:
            opened[state] = (date, user_id)
        for state in before - states:
            runs.append((state, *opened.pop(state), date, user_id))
        before = states
    for state in current - before:
        opened[state] = (now, None)
    for state in before - current:
        runs.append((state, *opened.pop(state), now, None))
    runs += [(state, *opened[state], None, None) for state in current]
    return runs


def carry_over(apps, schema_editor):
    db = schema_editor.connection.alias
    Incident = apps.get_model("cases", "Incident")
    Organisation = apps.get_model("cases", "Organisation")
    Contribution = apps.get_model("cases", "Contribution")
    HistoricalContribution = apps.get_model("cases", "HistoricalContribution")
    HistoricalIncident = apps.get_model("cases", "HistoricalIncident")
    Snapshot = apps.get_model("cases", "HistoricalIncident_contributing_states")
    Through = Incident._meta.get_field("contributing_states").remote_field.through

    current = defaultdict(set)
    for incident_id, state_id in Through.objects.using(db).values_list(
        "incident_id", "organisation_id"
    ):
        current[incident_id].add(state_id)
    snapshots = defaultdict(set)
    for history_id, state_id in Snapshot.objects.using(db).values_list(
        "history_id", "organisation_id"
    ):
        snapshots[history_id].add(state_id)
    incidents = set(Incident.objects.using(db).values_list("pk", flat=True))
    states = set(Organisation.objects.using(db).values_list("pk", flat=True))
    records = (
        HistoricalIncident.objects.using(db)
        .filter(id__in=incidents)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_id", "history_date", "history_user_id")
    )
    by_incident = {
        incident_id: [row[1:] for row in rows]
        for incident_id, rows in groupby(records, key=lambda row: row[0])
    }
    for incident_id in sorted(incidents):
        runs = _runs(by_incident.get(incident_id, []), snapshots, current[incident_id])
        for state_id, added_at, added_by, removed_at, removed_by in runs:
            if state_id not in states:
                continue
            # A line removed since still gets an id of its own, never reused.
            line = Contribution.objects.using(db).create(
                incident_id=incident_id, state_id=state_id, attribution="participating_state"
            )
            events = [("+", added_at, added_by)]
            if removed_at is not None:
                events.append(("-", removed_at, removed_by))
            for kind, at, user_id in events:
                HistoricalContribution.objects.using(db).create(
                    id=line.pk,
                    incident_id=incident_id,
                    state_id=state_id,
                    attribution=line.attribution,
                    history_date=at,
                    history_user_id=user_id,
                    history_type=kind,
                    history_change_reason=REASON,
                )
            if removed_at is not None:
                line.delete()


def restore(apps, schema_editor):
    db = schema_editor.connection.alias
    Incident = apps.get_model("cases", "Incident")
    Contribution = apps.get_model("cases", "Contribution")
    Through = Incident._meta.get_field("contributing_states").remote_field.through
    Through.objects.using(db).bulk_create(
        Through(incident_id=incident_id, organisation_id=state_id)
        for incident_id, state_id in Contribution.objects.using(db).values_list(
            "incident_id", "state_id"
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_location_created_by"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Contribution",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "attribution",
                    models.CharField(
                        choices=ATTRIBUTION_CHOICES, default="participating_state", max_length=30
                    ),
                ),
                (
                    "incident",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contributions",
                        to="cases.incident",
                    ),
                ),
                (
                    "state",
                    models.ForeignKey(
                        limit_choices_to={"kind": "participating_state"},
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contributions",
                        to="cases.organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "contributing state",
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalContribution",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "attribution",
                    models.CharField(
                        choices=ATTRIBUTION_CHOICES, default="participating_state", max_length=30
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "incident",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="cases.incident",
                    ),
                ),
                (
                    "state",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to={"kind": "participating_state"},
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="cases.organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical contributing state",
                "verbose_name_plural": "historical contributing states",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddConstraint(
            model_name="contribution",
            constraint=models.UniqueConstraint(
                fields=("incident", "state"),
                name="contribution_unique_state",
                violation_error_message="This state is already a contributing state.",
            ),
        ),
        migrations.RunPython(carry_over, restore),
        migrations.RemoveField(
            model_name="incident",
            name="contributing_states",
        ),
        migrations.DeleteModel(
            name="HistoricalIncident_contributing_states",
        ),
    ]
