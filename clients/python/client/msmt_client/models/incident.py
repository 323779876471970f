from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.confidence_enum import ConfidenceEnum
from ..models.date_precision_enum import DatePrecisionEnum
from ..models.incident_status_enum import IncidentStatusEnum
from ..models.sharing_level_enum import SharingLevelEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.citation import Citation
  from ..models.contribution import Contribution
  from ..models.evidence import Evidence
  from ..models.finding import Finding
  from ..models.incident_location import IncidentLocation
  from ..models.incident_relation import IncidentRelation
  from ..models.involvement import Involvement
  from ..models.materiel import Materiel





T = TypeVar("T", bound="Incident")



@_attrs_define
class Incident:
    """ An incident as the caller may see it. Its rows are loaded by load_shown, for a
    whole page at once (IncidentListSerializer) or for the one incident.

        Attributes:
            reference (str):
            released (bool): True when you read the incident's releasable text rather than the incident, which is above your
                clearance: `title`, `summary` and `sharing_level` are the release's, `citations` those marked for it, `type` and
                the dates the incident's; every other field is empty (countries) or null (confidence), and filters on them never
                find it.
            title (str):
            summary (str):
            type_ (str):
            occurred_from (datetime.date):
            occurred_to (datetime.date | None):
            date_precision (DatePrecisionEnum): * `day` - Day
                * `month` - Month
                * `year` - Year
                * `approximate` - Approximate
            origin_country (str):
            destination_country (str):
            confidence (ConfidenceEnum | None): The analytic confidence of the least certain of its `findings` (each finding
                has its own); null without a finding, and when `released`.

                * `high` - High
                * `moderate` - Moderate
                * `low` - Low
            sharing_level (SharingLevelEnum): * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            release_title (str):
            release_summary (str): A text that may be shared more widely than the incident: readers below the incident's
                level see this, the incident's type and dates and the citations marked for it, and nothing else of the incident.
            release_level (BlankEnum | SharingLevelEnum): The level of the incident's releasable text, empty when it has
                none; below `sharing_level` unless `released`.

                * `` - None
                * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            status (IncidentStatusEnum): * `draft` - Draft
                * `submitted` - Submitted for review
                * `changes_requested` - Changes requested
                * `approved` - Approved
                * `rejected` - Rejected
                * `withdrawn` - Withdrawn
            materiel (list[Materiel]):
            involvements (list[Involvement]):
            locations (list[IncidentLocation]):
            provisions (list[str]): The binding paragraphs breached, as keys (resolution/paragraph).
            context_provisions (list[str]): Paragraphs cited for context, not as breached.
            citations (list[Citation]):
            contributions (list[Contribution]): The participating states that provided information, each with how far
                outside the team it may be named. Outside the team, only those that may be named.
            findings (list[Finding]): Who breached which of the paragraphs in `provisions`, in which limb, how likely and
                with what confidence.
            relations (list[IncidentRelation]): The incidents this one is part of (`part_of`: a delivery inside a campaign)
                or overlaps (`overlaps`: they may describe partly the same events), among those you may see.
            evidence (list[Evidence]): The incident's evidence, described: for the team only (files are never served to
                partners); empty for a partner. Files are uploaded on the team's pages.
            contributing_states (list[str]): ISO 3166 codes of the contributing states you may see named; write
                `contributions` to change them.
            contributing_states_unnamed (int): How many more participating states contributed that are cited only as "a
                participating state" outside the team: counted, not named. Always 0 for the team.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            approved_at (datetime.datetime | None):
            version (int): record revision number
     """

    reference: str
    released: bool
    title: str
    summary: str
    type_: str
    occurred_from: datetime.date
    occurred_to: datetime.date | None
    date_precision: DatePrecisionEnum
    origin_country: str
    destination_country: str
    confidence: ConfidenceEnum | None
    sharing_level: SharingLevelEnum
    release_title: str
    release_summary: str
    release_level: BlankEnum | SharingLevelEnum
    status: IncidentStatusEnum
    materiel: list[Materiel]
    involvements: list[Involvement]
    locations: list[IncidentLocation]
    provisions: list[str]
    context_provisions: list[str]
    citations: list[Citation]
    contributions: list[Contribution]
    findings: list[Finding]
    relations: list[IncidentRelation]
    evidence: list[Evidence]
    contributing_states: list[str]
    contributing_states_unnamed: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    approved_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation import Citation # noqa: PLC0415
        from ..models.contribution import Contribution # noqa: PLC0415
        from ..models.evidence import Evidence # noqa: PLC0415
        from ..models.finding import Finding # noqa: PLC0415
        from ..models.incident_location import IncidentLocation # noqa: PLC0415
        from ..models.incident_relation import IncidentRelation # noqa: PLC0415
        from ..models.involvement import Involvement # noqa: PLC0415
        from ..models.materiel import Materiel # noqa: PLC0415
        reference = self.reference

        released = self.released

        title = self.title

        summary = self.summary

        type_ = self.type_

        occurred_from = self.occurred_from.isoformat()

        occurred_to: None | str
        if isinstance(self.occurred_to, datetime.date):
            occurred_to = self.occurred_to.isoformat()
        else:
            occurred_to = self.occurred_to

        date_precision = self.date_precision.value

        origin_country = self.origin_country

        destination_country = self.destination_country

        confidence: None | str
        if isinstance(self.confidence, ConfidenceEnum):
            confidence = self.confidence.value
        else:
            confidence = self.confidence

        sharing_level = self.sharing_level.value

        release_title = self.release_title

        release_summary = self.release_summary

        release_level: str
        if isinstance(self.release_level, SharingLevelEnum):
            release_level = self.release_level.value
        else:
            release_level = self.release_level.value


        status = self.status.value

        materiel = []
        for materiel_item_data in self.materiel:
            materiel_item = materiel_item_data.to_dict()
            materiel.append(materiel_item)



        involvements = []
        for involvements_item_data in self.involvements:
            involvements_item = involvements_item_data.to_dict()
            involvements.append(involvements_item)



        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)



        provisions = self.provisions



        context_provisions = self.context_provisions



        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)



        contributions = []
        for contributions_item_data in self.contributions:
            contributions_item = contributions_item_data.to_dict()
            contributions.append(contributions_item)



        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)



        relations = []
        for relations_item_data in self.relations:
            relations_item = relations_item_data.to_dict()
            relations.append(relations_item)



        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)



        contributing_states = self.contributing_states



        contributing_states_unnamed = self.contributing_states_unnamed

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reference": reference,
            "released": released,
            "title": title,
            "summary": summary,
            "type": type_,
            "occurred_from": occurred_from,
            "occurred_to": occurred_to,
            "date_precision": date_precision,
            "origin_country": origin_country,
            "destination_country": destination_country,
            "confidence": confidence,
            "sharing_level": sharing_level,
            "release_title": release_title,
            "release_summary": release_summary,
            "release_level": release_level,
            "status": status,
            "materiel": materiel,
            "involvements": involvements,
            "locations": locations,
            "provisions": provisions,
            "context_provisions": context_provisions,
            "citations": citations,
            "contributions": contributions,
            "findings": findings,
            "relations": relations,
            "evidence": evidence,
            "contributing_states": contributing_states,
            "contributing_states_unnamed": contributing_states_unnamed,
            "created_at": created_at,
            "updated_at": updated_at,
            "approved_at": approved_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation # noqa: PLC0415
        from ..models.contribution import Contribution # noqa: PLC0415
        from ..models.evidence import Evidence # noqa: PLC0415
        from ..models.finding import Finding # noqa: PLC0415
        from ..models.incident_location import IncidentLocation # noqa: PLC0415
        from ..models.incident_relation import IncidentRelation # noqa: PLC0415
        from ..models.involvement import Involvement # noqa: PLC0415
        from ..models.materiel import Materiel # noqa: PLC0415
        d = dict(src_dict)
        reference = d.pop("reference")

        released = d.pop("released")

        title = d.pop("title")

        summary = d.pop("summary")

        type_ = d.pop("type")

        occurred_from = datetime.date.fromisoformat(d.pop("occurred_from"))




        def _parse_occurred_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_to_type_0 = datetime.date.fromisoformat(data)



                return occurred_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        occurred_to = _parse_occurred_to(d.pop("occurred_to"))


        date_precision = DatePrecisionEnum(d.pop("date_precision"))




        origin_country = d.pop("origin_country")

        destination_country = d.pop("destination_country")

        def _parse_confidence(data: object) -> ConfidenceEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confidence_type_0 = ConfidenceEnum(data)



                return confidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConfidenceEnum | None, data)

        confidence = _parse_confidence(d.pop("confidence"))


        sharing_level = SharingLevelEnum(d.pop("sharing_level"))




        release_title = d.pop("release_title")

        release_summary = d.pop("release_summary")

        def _parse_release_level(data: object) -> BlankEnum | SharingLevelEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                release_level_type_0 = SharingLevelEnum(data)



                return release_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            release_level_type_1 = BlankEnum(data)



            return release_level_type_1

        release_level = _parse_release_level(d.pop("release_level"))


        status = IncidentStatusEnum(d.pop("status"))




        materiel = []
        _materiel = d.pop("materiel")
        for materiel_item_data in (_materiel):
            materiel_item = Materiel.from_dict(materiel_item_data)



            materiel.append(materiel_item)


        involvements = []
        _involvements = d.pop("involvements")
        for involvements_item_data in (_involvements):
            involvements_item = Involvement.from_dict(involvements_item_data)



            involvements.append(involvements_item)


        locations = []
        _locations = d.pop("locations")
        for locations_item_data in (_locations):
            locations_item = IncidentLocation.from_dict(locations_item_data)



            locations.append(locations_item)


        provisions = cast(list[str], d.pop("provisions"))


        context_provisions = cast(list[str], d.pop("context_provisions"))


        citations = []
        _citations = d.pop("citations")
        for citations_item_data in (_citations):
            citations_item = Citation.from_dict(citations_item_data)



            citations.append(citations_item)


        contributions = []
        _contributions = d.pop("contributions")
        for contributions_item_data in (_contributions):
            contributions_item = Contribution.from_dict(contributions_item_data)



            contributions.append(contributions_item)


        findings = []
        _findings = d.pop("findings")
        for findings_item_data in (_findings):
            findings_item = Finding.from_dict(findings_item_data)



            findings.append(findings_item)


        relations = []
        _relations = d.pop("relations")
        for relations_item_data in (_relations):
            relations_item = IncidentRelation.from_dict(relations_item_data)



            relations.append(relations_item)


        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in (_evidence):
            evidence_item = Evidence.from_dict(evidence_item_data)



            evidence.append(evidence_item)


        contributing_states = cast(list[str], d.pop("contributing_states"))


        contributing_states_unnamed = d.pop("contributing_states_unnamed")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)



                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))


        version = d.pop("version")

        incident = cls(
            reference=reference,
            released=released,
            title=title,
            summary=summary,
            type_=type_,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            date_precision=date_precision,
            origin_country=origin_country,
            destination_country=destination_country,
            confidence=confidence,
            sharing_level=sharing_level,
            release_title=release_title,
            release_summary=release_summary,
            release_level=release_level,
            status=status,
            materiel=materiel,
            involvements=involvements,
            locations=locations,
            provisions=provisions,
            context_provisions=context_provisions,
            citations=citations,
            contributions=contributions,
            findings=findings,
            relations=relations,
            evidence=evidence,
            contributing_states=contributing_states,
            contributing_states_unnamed=contributing_states_unnamed,
            created_at=created_at,
            updated_at=updated_at,
            approved_at=approved_at,
            version=version,
        )


        incident.additional_properties = d
        return incident

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
