from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.confidence_enum import ConfidenceEnum
from ..models.likelihood_enum import LikelihoodEnum
from ..models.limb_enum import LimbEnum
from ..models.standing_enum import StandingEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.actor import Actor





T = TypeVar("T", bound="Finding")



@_attrs_define
class Finding:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            actor (Actor): A record as the API reads it: every field is always there (null where empty), so
                the schema marks each one read-only and required.
            provision (str): The paragraph breached, as its key.
            limb (LimbEnum): * `export` - Export or supply
                * `import` - Import or receipt
                * `procurement` - Procurement
                * `facilitation` - Facilitation
                * `services` - Provision of services
            standing (StandingEnum): * `established` - Established
                * `if_confirmed` - Would constitute a violation if confirmed
            likelihood (LikelihoodEnum): * `remote_chance` - Remote chance (0–5 %)
                * `highly_unlikely` - Highly unlikely (10–20 %)
                * `unlikely` - Unlikely (25–35 %)
                * `realistic_possibility` - Realistic possibility (40–50 %)
                * `likely` - Likely (55–75 %)
                * `highly_likely` - Highly likely (80–90 %)
                * `almost_certain` - Almost certain (95–100 %)
            confidence (ConfidenceEnum): * `high` - High
                * `moderate` - Moderate
                * `low` - Low
            exemptions (str): Exemptions weighed and why they do not apply, e.g. coal of non-DPRK origin transiting Rajin.
            reasoning (str): The Team's legal reasoning, as the report is to give it.
     """

    id: int
    actor: Actor
    provision: str
    limb: LimbEnum
    standing: StandingEnum
    likelihood: LikelihoodEnum
    confidence: ConfidenceEnum
    exemptions: str
    reasoning: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.actor import Actor # noqa: PLC0415
        id = self.id

        actor = self.actor.to_dict()

        provision = self.provision

        limb = self.limb.value

        standing = self.standing.value

        likelihood = self.likelihood.value

        confidence = self.confidence.value

        exemptions = self.exemptions

        reasoning = self.reasoning


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "actor": actor,
            "provision": provision,
            "limb": limb,
            "standing": standing,
            "likelihood": likelihood,
            "confidence": confidence,
            "exemptions": exemptions,
            "reasoning": reasoning,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor import Actor # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        actor = Actor.from_dict(d.pop("actor"))




        provision = d.pop("provision")

        limb = LimbEnum(d.pop("limb"))




        standing = StandingEnum(d.pop("standing"))




        likelihood = LikelihoodEnum(d.pop("likelihood"))




        confidence = ConfidenceEnum(d.pop("confidence"))




        exemptions = d.pop("exemptions")

        reasoning = d.pop("reasoning")

        finding = cls(
            id=id,
            actor=actor,
            provision=provision,
            limb=limb,
            standing=standing,
            likelihood=likelihood,
            confidence=confidence,
            exemptions=exemptions,
            reasoning=reasoning,
        )


        finding.additional_properties = d
        return finding

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
