from cases.models.attachments import Attachment, CustodyStep
from cases.models.correspondence import Letter, Reminder
from cases.models.designations import Designation, ListEntry, ListImport, SanctionsList
from cases.models.entities import Entity, EntityAlias, VesselFlag, VesselName
from cases.models.estimates import Estimate
from cases.models.feed import FeedEntry, FeedPosition
from cases.models.findings import Finding, check_findings
from cases.models.incidents import (
    Citation,
    Contribution,
    Incident,
    IncidentLocation,
    Involvement,
    MaterielLine,
    ReferenceSequence,
    check_release,
)
from cases.models.locations import Location
from cases.models.matching import MatchKey, NotDuplicate, NotListedAs
from cases.models.merges import EntityMerge
from cases.models.notifications import Notification
from cases.models.organisations import Organisation
from cases.models.reference import IncidentType, MaterielCategory, Provision, Resolution
from cases.models.relations import IncidentRelation, check_relations
from cases.models.searches import AlertCursor, SavedSearch, SearchMatch, Subscription
from cases.models.sources import Source
from cases.models.transitions import Transition
from cases.models.vessels import (
    AISPeriod,
    PortCall,
    ShipToShipTransfer,
    VesselOwnership,
    VesselParticulars,
)

__all__ = [
    "AISPeriod",
    "AlertCursor",
    "Attachment",
    "Citation",
    "Contribution",
    "CustodyStep",
    "Designation",
    "Entity",
    "EntityAlias",
    "EntityMerge",
    "Estimate",
    "FeedEntry",
    "FeedPosition",
    "Finding",
    "Incident",
    "IncidentLocation",
    "IncidentRelation",
    "IncidentType",
    "Involvement",
    "Letter",
    "ListEntry",
    "ListImport",
    "Location",
    "MatchKey",
    "MaterielCategory",
    "MaterielLine",
    "NotDuplicate",
    "NotListedAs",
    "Notification",
    "Organisation",
    "PortCall",
    "Provision",
    "ReferenceSequence",
    "Reminder",
    "Resolution",
    "SanctionsList",
    "SavedSearch",
    "SearchMatch",
    "ShipToShipTransfer",
    "Source",
    "Subscription",
    "Transition",
    "VesselFlag",
    "VesselName",
    "VesselOwnership",
    "VesselParticulars",
    "check_findings",
    "check_relations",
    "check_release",
]
