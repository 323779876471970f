from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.involvement_role_enum import InvolvementRoleEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.involvement_write_entity_type_1 import InvolvementWriteEntityType1





T = TypeVar("T", bound="InvolvementWrite")



@_attrs_define
class InvolvementWrite:
    """ A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines).

        Attributes:
            entity (int | InvolvementWriteEntityType1):
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
            id (int | Unset): The line's id as read. Leave it out for a new line.
            note (str | Unset):
     """

    entity: int | InvolvementWriteEntityType1
    role: InvolvementRoleEnum
    id: int | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.involvement_write_entity_type_1 import InvolvementWriteEntityType1 # noqa: PLC0415
        entity: dict[str, Any] | int
        if isinstance(self.entity, InvolvementWriteEntityType1):
            entity = self.entity.to_dict()
        else:
            entity = self.entity

        role = self.role.value

        id = self.id

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entity": entity,
            "role": role,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.involvement_write_entity_type_1 import InvolvementWriteEntityType1 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_entity(data: object) -> int | InvolvementWriteEntityType1:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                entity_type_1 = InvolvementWriteEntityType1.from_dict(data)



                return entity_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | InvolvementWriteEntityType1, data)

        entity = _parse_entity(d.pop("entity"))


        role = InvolvementRoleEnum(d.pop("role"))




        id = d.pop("id", UNSET)

        note = d.pop("note", UNSET)

        involvement_write = cls(
            entity=entity,
            role=role,
            id=id,
            note=note,
        )


        involvement_write.additional_properties = d
        return involvement_write

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
