"""Write what one reader may see in a format partners' tools read, as the API gives it
(?format=stix or ?format=ftm): for a partner without a token at hand, or a scheduled
copy. The reader is named, so that every visibility and attribution rule applies."""

from argparse import ArgumentParser
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.serializers import ListSerializer

from cases import exports, ftm, stix, vessels
from cases.api.serializers import (
    EntityRecordSerializer,
    IncidentListSerializer,
    IncidentSerializer,
    VesselSerializer,
)
from cases.api.views import entity_records
from cases.models import Entity, FeedPosition, Incident
from cases.visibility import view_key


class Command(BaseCommand):
    help = (
        "Export the approved incidents a user may see as a STIX 2.1 bundle (stix), or the "
        "incidents, entities or vessels (with who held them) they may see as FollowTheMoney "
        "entities (ftm)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("format", choices=["stix", "ftm"])
        parser.add_argument(
            "--as", dest="username", required=True, help="The reader whose view is exported."
        )
        records = parser.add_mutually_exclusive_group()
        records.add_argument(
            "--entities", action="store_true", help="ftm: the entities rather than incidents."
        )
        records.add_argument(
            "--vessels",
            action="store_true",
            help="ftm: the vessels, with their owners, managers and operators.",
        )
        parser.add_argument("--output", "-o", help="The file to write (default: standard output).")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        for records in ("entities", "vessels"):
            if options[records] and options["format"] != "ftm":
                raise CommandError(f"--{records} goes with the ftm format.")
        context = {"user": user}
        # many=True builds Meta.list_serializer_class (a ListSerializer), which the stubs
        # cannot tell: hence the casts.
        incidents = Incident.objects.visible_to(user).for_api().order_by("-occurred_from", "-id")
        if options["format"] == "stix":
            approved = incidents.filter(status=Incident.Status.APPROVED)
            listing = IncidentSerializer(many=True, context=context)
            serialize = cast(IncidentListSerializer, listing).to_representation
            shown = (list(serialize(chunk)) for chunk in exports.chunks(approved))
            # The bundle's id, like the API's, from what decides its content.
            key = stix.bundle_id(f"{view_key(user)}:{FeedPosition.head()}")
            lines = stix.bundle_lines(shown, user, key)
        elif options["entities"]:
            entity_listing = cast(
                ListSerializer, EntityRecordSerializer(many=True, context=context)
            )
            lines = ftm.lines(
                proxy
                for chunk in exports.chunks(entity_records(user).order_by("pk"))
                for entity in entity_listing.to_representation(chunk)
                for proxy in ftm.entity_proxies(entity)
            )
        elif options["vessels"]:
            vessel_listing = cast(ListSerializer, VesselSerializer(many=True, context=context))
            visible = Entity.objects.visible_to(user).filter(kind=Entity.Kind.VESSEL)
            lines = ftm.lines(
                proxy
                for chunk in exports.chunks(vessels.for_api(user, visible).order_by("pk"))
                for vessel in vessel_listing.to_representation(chunk)
                for proxy in ftm.vessel_proxies(vessel)
            )
        else:
            listing = IncidentSerializer(many=True, context=context)
            lines = ftm.lines(
                proxy
                for chunk in exports.chunks(incidents)
                for incident in cast(IncidentListSerializer, listing).to_representation(chunk)
                for proxy in ftm.incident_proxies(incident)
            )
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as file:
                file.writelines(lines)
        else:
            for line in lines:
                self.stdout.write(line, ending="")
