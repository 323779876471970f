"""Factories that arrange the records tests need; tests act through the public entry points."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from accounts.roles import Role
from cases.demo.seed import placeholder_png
from cases.markings import Confidence, Likelihood, SharingLevel
from cases.models import (
    Attachment,
    Citation,
    Contribution,
    CustodyStep,
    Entity,
    Finding,
    Incident,
    IncidentLocation,
    IncidentRelation,
    IncidentType,
    Involvement,
    Letter,
    Location,
    MaterielCategory,
    MaterielLine,
    Organisation,
    Provision,
    Source,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Open-source group {n}")
    kind = Organisation.Kind.OSINT


class PartnerOrganisationFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Partner ministry {n}")
    kind = Organisation.Kind.PARTNER
    clearance = SharingLevel.GREEN


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def role(self, create, role: Role | None, **kwargs):
        if create and role:
            self.groups.add(Group.objects.get(name=role.label))


def participating_state(country: str = "US") -> Organisation:
    """The participating states come with the migrations."""
    return Organisation.objects.get(kind=Organisation.Kind.PARTICIPATING_STATE, country=country)


def incident_type(code: str = "arms_transfer_from_dprk") -> IncidentType:
    return IncidentType.objects.get(code=code)


def provision(key: str = "1718/8(b)") -> Provision:
    number, paragraph = key.split("/")
    return Provision.objects.get(resolution__number=number, paragraph=paragraph)


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity

    kind = Entity.Kind.ORGANISATION
    name = factory.Sequence(lambda n: f"Trading company {n}")


class VesselFactory(EntityFactory):
    kind = Entity.Kind.VESSEL
    name = factory.Sequence(lambda n: f"VESSEL {n}")
    country = "RU"


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Port {n}")
    kind = Location.Kind.PORT
    country = "KP"
    latitude = "42.24000"
    longitude = "130.30000"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Report {n}")
    originator = factory.SubFactory(OrganisationFactory)
    kind = Source.Kind.OSINT_REPORT
    published_on = datetime.date(2024, 3, 1)
    reliability = "B"
    sharing_level = SharingLevel.GREEN


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    title = factory.Sequence(lambda n: f"Containers shipped from Rajin, voyage {n}")
    summary = "Imagery shows containers loaded at Rajin and unloaded at Dunai."
    incident_type = factory.LazyFunction(incident_type)
    occurred_from = datetime.date(2023, 9, 7)
    occurred_to = datetime.date(2023, 10, 1)
    origin_country = "KP"
    destination_country = "RU"
    sharing_level = SharingLevel.GREEN
    created_by = factory.SubFactory(UserFactory, role=Role.ANALYST)


class MaterielLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaterielLine

    incident = factory.SubFactory(IncidentFactory)
    category = factory.LazyFunction(lambda: MaterielCategory.objects.get(code="ballistic_missile"))
    quantity_low = 10
    quantity_high = 20
    unit = "missiles"


class InvolvementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Involvement

    incident = factory.SubFactory(IncidentFactory)
    entity = factory.SubFactory(VesselFactory)
    role = Involvement.Role.CARRIER


class IncidentLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncidentLocation

    incident = factory.SubFactory(IncidentFactory)
    location = factory.SubFactory(LocationFactory)
    role = IncidentLocation.Role.ORIGIN


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    incident = factory.SubFactory(IncidentFactory)
    source = factory.SubFactory(SourceFactory)
    locator = "p. 4"
    claim = "Containers were loaded at Rajin."
    credibility = 2


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    incident = factory.SubFactory(IncidentFactory)
    state = factory.LazyFunction(participating_state)
    attribution = Contribution._meta.get_field("attribution").default


class IncidentRelationFactory(factory.django.DjangoModelFactory):
    """One incident as a part of another (a delivery inside a campaign)."""

    class Meta:
        model = IncidentRelation

    incident = factory.SubFactory(IncidentFactory)
    related = factory.SubFactory(IncidentFactory)
    kind = IncidentRelation.Kind.PART_OF


class FindingFactory(factory.django.DjangoModelFactory):
    """A finding as the rules allow it: its actor is involved in the incident and its
    paragraph is among those breached (both are added when missing)."""

    class Meta:
        model = Finding

    incident = factory.SubFactory(IncidentFactory)
    actor = factory.SubFactory(
        EntityFactory, kind=Entity.Kind.STATE, name=factory.Sequence(lambda n: f"State {n}")
    )
    provision = factory.LazyFunction(provision)
    limb = Finding.Limb.EXPORT
    likelihood = Likelihood.LIKELY
    confidence = Confidence.MODERATE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        incident, actor = kwargs["incident"], kwargs["actor"]
        if not incident.involvements.filter(entity=actor).exists():
            Involvement.objects.create(
                incident=incident, entity=actor, role=Involvement.Role.SUPPLIER
            )
        incident.provisions.add(kwargs["provision"])
        return super()._create(model_class, *args, **kwargs)


def png_bytes() -> bytes:
    """A valid 1x1 PNG."""
    return placeholder_png()


class EvidenceFactory(factory.django.DjangoModelFactory):
    """Satellite imagery on an incident, described as its kind needs, with one hand in
    its chain of custody."""

    class Meta:
        model = Attachment
        skip_postgeneration_save = True

    incident = factory.SubFactory(IncidentFactory)
    file = factory.LazyFunction(lambda: SimpleUploadedFile("rajin.png", png_bytes()))
    kind = Attachment.Kind.IMAGERY
    caption = "Rajin port, containers on the quay"
    sharing_level = SharingLevel.GREEN
    provider = "Planet Labs PBC"
    captured_at = datetime.datetime(2024, 4, 2, 1, 30, tzinfo=datetime.UTC)
    latitude = "42.24000"
    longitude = "130.30000"
    resolution = "3 m"
    obtained_by = "The team's imagery analyst"
    obtained_on = datetime.date(2024, 4, 3)

    @factory.post_generation
    def custody(self, create, extracted, **kwargs):
        if create:
            CustodyStep.objects.create(
                attachment=self, holder="Planet Labs PBC", received_on=self.obtained_on
            )


class LetterFactory(factory.django.DjangoModelFactory):
    """A request for information to a participating state, sent ten days ago, due in
    twenty: awaiting its reply."""

    class Meta:
        model = Letter
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"MSMT/L/2025/{n:03}")
    addressee_organisation = factory.LazyFunction(lambda: participating_state("JP"))
    sent_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=20))
    subject = "Request for information on a transfer"
    text = "The Team would be grateful for any information on the transfer."
    created_by = factory.SubFactory(UserFactory, role=Role.ANALYST)

    @factory.post_generation
    def incidents(self, create, extracted, **kwargs):
        if create and extracted:
            self.incidents.set(extracted)

    @factory.post_generation
    def entities(self, create, extracted, **kwargs):
        if create and extracted:
            self.entities.set(extracted)
