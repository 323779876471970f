from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.involvement_role_enum import InvolvementRoleEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.entity import Entity





T = TypeVar("T", bound="Involvement")



@_attrs_define
class Involvement:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            entity (Entity): A record as the API reads it: every field is always there (null where empty), so
                the schema marks each one read-only and required.
            role (InvolvementRoleEnum): * `supplier` - Supplier
                * `recipient` - Recipient
                * `carrier` - Carrier
                * `facilitator` - Facilitator
                * `trainer` - Trainer
                * `trainee_unit` - Trainee unit
                * `deployed_unit` - Deployed unit
                * `owner_operator` - Owner or operator
                * `perpetrator` - Perpetrator
                * `victim` - Victim
                * `other` - Other
            note (str):
     """

    id: int
    entity: Entity
    role: InvolvementRoleEnum
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entity import Entity # noqa: PLC0415
        id = self.id

        entity = self.entity.to_dict()

        role = self.role.value

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "entity": entity,
            "role": role,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entity import Entity # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        entity = Entity.from_dict(d.pop("entity"))




        role = InvolvementRoleEnum(d.pop("role"))




        note = d.pop("note")

        involvement = cls(
            id=id,
            entity=entity,
            role=role,
            note=note,
        )


        involvement.additional_properties = d
        return involvement

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
