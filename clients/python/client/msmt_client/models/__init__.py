""" Contains all the data models used in inputs/outputs """

from .actor import Actor
from .ais_period import AISPeriod
from .ais_period_kind_enum import AISPeriodKindEnum
from .attempt import Attempt
from .attribution_enum import AttributionEnum
from .blank_enum import BlankEnum
from .change import Change
from .change_enum import ChangeEnum
from .change_page import ChangePage
from .citation import Citation
from .citation_write import CitationWrite
from .citation_write_source_type_1 import CitationWriteSourceType1
from .confidence_enum import ConfidenceEnum
from .contribution import Contribution
from .contribution_write import ContributionWrite
from .country_enum import CountryEnum
from .credibility_enum import CredibilityEnum
from .custody_step import CustodyStep
from .date_precision_enum import DatePrecisionEnum
from .delivery import Delivery
from .delivery_state_enum import DeliveryStateEnum
from .designation import Designation
from .endpoint import Endpoint
from .entities_list_format import EntitiesListFormat
from .entities_list_kind_item import EntitiesListKindItem
from .entity import Entity
from .entity_kind_enum import EntityKindEnum
from .entity_record import EntityRecord
from .error import Error
from .error_errors import ErrorErrors
from .evidence import Evidence
from .evidence_kind_enum import EvidenceKindEnum
from .finding import Finding
from .finding_write import FindingWrite
from .finding_write_actor_type_1 import FindingWriteActorType1
from .force_enum import ForceEnum
from .format_enum import FormatEnum
from .incident import Incident
from .incident_location import IncidentLocation
from .incident_location_write import IncidentLocationWrite
from .incident_location_write_location_type_1 import IncidentLocationWriteLocationType1
from .incident_relation import IncidentRelation
from .incident_relation_write import IncidentRelationWrite
from .incident_status_enum import IncidentStatusEnum
from .incident_type import IncidentType
from .incident_write import IncidentWrite
from .incidents_list_format import IncidentsListFormat
from .incidents_list_ordering import IncidentsListOrdering
from .incidents_list_sharing_level_item import IncidentsListSharingLevelItem
from .incidents_list_status_item import IncidentsListStatusItem
from .incidents_retrieve_format import IncidentsRetrieveFormat
from .involvement import Involvement
from .involvement_role_enum import InvolvementRoleEnum
from .involvement_write import InvolvementWrite
from .involvement_write_entity_type_1 import InvolvementWriteEntityType1
from .letter import Letter
from .letter_kind_enum import LetterKindEnum
from .letter_state_enum import LetterStateEnum
from .letters_list_kind_item import LettersListKindItem
from .letters_list_state import LettersListState
from .likelihood_enum import LikelihoodEnum
from .limb_enum import LimbEnum
from .list_enum import ListEnum
from .location import Location
from .location_kind_enum import LocationKindEnum
from .location_role_enum import LocationRoleEnum
from .materiel import Materiel
from .materiel_line_write import MaterielLineWrite
from .materiel_unit_enum import MaterielUnitEnum
from .paginated_delivery_list import PaginatedDeliveryList
from .paginated_endpoint_list import PaginatedEndpointList
from .paginated_entity_record_list import PaginatedEntityRecordList
from .paginated_incident_list import PaginatedIncidentList
from .paginated_letter_list import PaginatedLetterList
from .paginated_report_list import PaginatedReportList
from .paginated_source_record_list import PaginatedSourceRecordList
from .paginated_vessel_list import PaginatedVesselList
from .patched_endpoint import PatchedEndpoint
from .patched_incident_write import PatchedIncidentWrite
from .port_call import PortCall
from .precision_enum import PrecisionEnum
from .provision import Provision
from .relation_kind_enum import RelationKindEnum
from .reliability_enum import ReliabilityEnum
from .reminder import Reminder
from .report import Report
from .report_file import ReportFile
from .report_status_enum import ReportStatusEnum
from .reports_files_retrieve_kind import ReportsFilesRetrieveKind
from .sharing_level_enum import SharingLevelEnum
from .ship_to_ship_transfer import ShipToShipTransfer
from .ship_type_enum import ShipTypeEnum
from .source import Source
from .source_kind_enum import SourceKindEnum
from .source_record import SourceRecord
from .sources_list_kind_item import SourcesListKindItem
from .sources_list_reliability_item import SourcesListReliabilityItem
from .sources_list_sharing_level_item import SourcesListSharingLevelItem
from .standing_enum import StandingEnum
from .state import State
from .step import Step
from .subscribable_event_enum import SubscribableEventEnum
from .unit_enum import UnitEnum
from .verb_enum import VerbEnum
from .verification_enum import VerificationEnum
from .vessel import Vessel
from .vessel_flag import VesselFlag
from .vessel_name import VesselName
from .vessel_ownership import VesselOwnership
from .vessel_ownership_role_enum import VesselOwnershipRoleEnum
from .vessel_particulars import VesselParticulars
from .vessels_list_format import VesselsListFormat
from .webhook_event_enum import WebhookEventEnum

__all__ = (
    "Actor",
    "AISPeriod",
    "AISPeriodKindEnum",
    "Attempt",
    "AttributionEnum",
    "BlankEnum",
    "Change",
    "ChangeEnum",
    "ChangePage",
    "Citation",
    "CitationWrite",
    "CitationWriteSourceType1",
    "ConfidenceEnum",
    "Contribution",
    "ContributionWrite",
    "CountryEnum",
    "CredibilityEnum",
    "CustodyStep",
    "DatePrecisionEnum",
    "Delivery",
    "DeliveryStateEnum",
    "Designation",
    "Endpoint",
    "EntitiesListFormat",
    "EntitiesListKindItem",
    "Entity",
    "EntityKindEnum",
    "EntityRecord",
    "Error",
    "ErrorErrors",
    "Evidence",
    "EvidenceKindEnum",
    "Finding",
    "FindingWrite",
    "FindingWriteActorType1",
    "ForceEnum",
    "FormatEnum",
    "Incident",
    "IncidentLocation",
    "IncidentLocationWrite",
    "IncidentLocationWriteLocationType1",
    "IncidentRelation",
    "IncidentRelationWrite",
    "IncidentsListFormat",
    "IncidentsListOrdering",
    "IncidentsListSharingLevelItem",
    "IncidentsListStatusItem",
    "IncidentsRetrieveFormat",
    "IncidentStatusEnum",
    "IncidentType",
    "IncidentWrite",
    "Involvement",
    "InvolvementRoleEnum",
    "InvolvementWrite",
    "InvolvementWriteEntityType1",
    "Letter",
    "LetterKindEnum",
    "LettersListKindItem",
    "LettersListState",
    "LetterStateEnum",
    "LikelihoodEnum",
    "LimbEnum",
    "ListEnum",
    "Location",
    "LocationKindEnum",
    "LocationRoleEnum",
    "Materiel",
    "MaterielLineWrite",
    "MaterielUnitEnum",
    "PaginatedDeliveryList",
    "PaginatedEndpointList",
    "PaginatedEntityRecordList",
    "PaginatedIncidentList",
    "PaginatedLetterList",
    "PaginatedReportList",
    "PaginatedSourceRecordList",
    "PaginatedVesselList",
    "PatchedEndpoint",
    "PatchedIncidentWrite",
    "PortCall",
    "PrecisionEnum",
    "Provision",
    "RelationKindEnum",
    "ReliabilityEnum",
    "Reminder",
    "Report",
    "ReportFile",
    "ReportsFilesRetrieveKind",
    "ReportStatusEnum",
    "SharingLevelEnum",
    "ShipToShipTransfer",
    "ShipTypeEnum",
    "Source",
    "SourceKindEnum",
    "SourceRecord",
    "SourcesListKindItem",
    "SourcesListReliabilityItem",
    "SourcesListSharingLevelItem",
    "StandingEnum",
    "State",
    "Step",
    "SubscribableEventEnum",
    "UnitEnum",
    "VerbEnum",
    "VerificationEnum",
    "Vessel",
    "VesselFlag",
    "VesselName",
    "VesselOwnership",
    "VesselOwnershipRoleEnum",
    "VesselParticulars",
    "VesselsListFormat",
    "WebhookEventEnum",
)
