"""Changes to the records that incidents show: a cited source, its originator, an
involved entity and its names, a location, a contributing state. Each changes what
readers see of those incidents without a save of the incidents themselves, so each is
announced in the change feed (FeedEntry.announce), which also moves the incidents'
`updated_at`. An incident's own save announces itself (Incident.save), and so do the
incidents that show it as related when who may see it changes; its deletion is
announced here, with the incidents that showed it as related.

Signals rather than code in forms, the admin or the API, so that every way of making the
change is announced. Only a change of what the API shows is announced: a source's
description, for one, is not shown and moves nothing."""

from typing import Any

from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from cases.api import loading
from cases.models import (
    Entity,
    EntityAlias,
    FeedEntry,
    Incident,
    Location,
    Organisation,
    Source,
    VesselName,
)

# For each record incidents show: the fields the API shows of it, and the incidents that
# show it.
SHOWN = {
    Source: (
        [name for name in loading.SOURCE if name != "id"] + ["originator_id", "attribution"],
        lambda pk: Q(citations__source=pk),
    ),
    Entity: (
        [name for name in loading.ENTITY if name != "id"],
        lambda pk: Q(involvements__entity=pk),
    ),
    Location: (
        [name for name in loading.LOCATION if name != "id"],
        lambda pk: Q(locations__location=pk),
    ),
    # An originator's name is shown with its sources; a state's code with its
    # contributions.
    Organisation: (
        ["name", "country"],
        lambda pk: Q(citations__source__originator=pk) | Q(contributions__state=pk),
    ),
}
# An entity's names, shown with it wherever it is involved.
ENTITY_NAMES = (EntityAlias, VesselName)


# Signal receivers: `instance` is any model SHOWN lists, which carries _shown_before
# between its pre_save and post_save.
def _shown(instance: Any) -> dict[str, Any] | None:
    fields, _ = SHOWN[type(instance)]
    return type(instance)._base_manager.filter(pk=instance.pk).values(*fields).first()


def _announce(condition: Q) -> None:
    FeedEntry.announce(Incident.objects.filter(pk__in=Incident.objects.filter(condition)))


def remember_shown(
    sender: type[models.Model], instance: Any, raw: bool = False, **kwargs: Any
) -> None:
    if instance.pk and not raw:
        instance._shown_before = _shown(instance)


def announce_if_shown_changed(
    sender: type[models.Model], instance: Any, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    before = getattr(instance, "_shown_before", None)
    if created or raw or before is None:
        return
    if _shown(instance) != before:
        _announce(SHOWN[sender][1](instance.pk))
    instance._shown_before = None


def announce_entity_names(
    sender: type[models.Model], instance: EntityAlias | VesselName, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        _announce(Q(involvements__entity=instance.entity_id))


def announce_deletion(sender: type[Incident], instance: Incident, **kwargs: Any) -> None:
    FeedEntry.record_deletion(instance)


def announce_relations_lost(sender: type[Incident], instance: Incident, **kwargs: Any) -> None:
    # Before the deletion, while the relations to it (deleted with it) still say who
    # showed it.
    _announce(Q(relations__related=instance.pk))


def connect() -> None:
    post_delete.connect(announce_deletion, sender=Incident, dispatch_uid="announce-deletion")
    pre_delete.connect(
        announce_relations_lost, sender=Incident, dispatch_uid="announce-relations-lost"
    )
    for model in SHOWN:
        pre_save.connect(remember_shown, sender=model, dispatch_uid=f"announce-{model.__name__}")
        post_save.connect(
            announce_if_shown_changed, sender=model, dispatch_uid=f"announce-{model.__name__}"
        )
    for model in ENTITY_NAMES:
        for signal in (post_save, post_delete):
            signal.connect(
                announce_entity_names, sender=model, dispatch_uid=f"announce-{model.__name__}"
            )
