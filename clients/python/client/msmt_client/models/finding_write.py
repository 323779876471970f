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
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.finding_write_actor_type_1 import FindingWriteActorType1





T = TypeVar("T", bound="FindingWrite")



@_attrs_define
class FindingWrite:
    """ A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines).

        Attributes:
            actor (FindingWriteActorType1 | int): The state or entity that breached the paragraph: one of the entities
                involved in the incident.
            provision (str): One of the incident's `provisions`, as its key.
            limb (LimbEnum): * `export` - Export or supply
                * `import` - Import or receipt
                * `procurement` - Procurement
                * `facilitation` - Facilitation
                * `services` - Provision of services
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
            id (int | Unset): The line's id as read. Leave it out for a new line.
            standing (StandingEnum | Unset): * `established` - Established
                * `if_confirmed` - Would constitute a violation if confirmed
            exemptions (str | Unset): Exemptions weighed and why they do not apply, e.g. coal of non-DPRK origin transiting
                Rajin.
            reasoning (str | Unset): The Team's legal reasoning, as the report is to give it.
     """

    actor: FindingWriteActorType1 | int
    provision: str
    limb: LimbEnum
    likelihood: LikelihoodEnum
    confidence: ConfidenceEnum
    id: int | Unset = UNSET
    standing: StandingEnum | Unset = UNSET
    exemptions: str | Unset = UNSET
    reasoning: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_write_actor_type_1 import FindingWriteActorType1 # noqa: PLC0415
        actor: dict[str, Any] | int
        if isinstance(self.actor, FindingWriteActorType1):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        provision = self.provision

        limb = self.limb.value

        likelihood = self.likelihood.value

        confidence = self.confidence.value

        id = self.id

        standing: str | Unset = UNSET
        if not isinstance(self.standing, Unset):
            standing = self.standing.value


        exemptions = self.exemptions

        reasoning = self.reasoning


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor": actor,
            "provision": provision,
            "limb": limb,
            "likelihood": likelihood,
            "confidence": confidence,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if standing is not UNSET:
            field_dict["standing"] = standing
        if exemptions is not UNSET:
            field_dict["exemptions"] = exemptions
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_write_actor_type_1 import FindingWriteActorType1 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_actor(data: object) -> FindingWriteActorType1 | int:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_1 = FindingWriteActorType1.from_dict(data)



                return actor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingWriteActorType1 | int, data)

        actor = _parse_actor(d.pop("actor"))


        provision = d.pop("provision")

        limb = LimbEnum(d.pop("limb"))




        likelihood = LikelihoodEnum(d.pop("likelihood"))




        confidence = ConfidenceEnum(d.pop("confidence"))




        id = d.pop("id", UNSET)

        _standing = d.pop("standing", UNSET)
        standing: StandingEnum | Unset
        if isinstance(_standing,  Unset):
            standing = UNSET
        else:
            standing = StandingEnum(_standing)




        exemptions = d.pop("exemptions", UNSET)

        reasoning = d.pop("reasoning", UNSET)

        finding_write = cls(
            actor=actor,
            provision=provision,
            limb=limb,
            likelihood=likelihood,
            confidence=confidence,
            id=id,
            standing=standing,
            exemptions=exemptions,
            reasoning=reasoning,
        )


        finding_write.additional_properties = d
        return finding_write

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
