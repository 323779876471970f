from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.location_role_enum import LocationRoleEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.incident_location_write_location_type_1 import IncidentLocationWriteLocationType1





T = TypeVar("T", bound="IncidentLocationWrite")



@_attrs_define
class IncidentLocationWrite:
    """ A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines).

        Attributes:
            location (IncidentLocationWriteLocationType1 | int):
            role (LocationRoleEnum): * `origin` - Origin
                * `destination` - Destination
                * `transit` - Transit
                * `site` - Site
            id (int | Unset): The line's id as read. Leave it out for a new line.
            note (str | Unset):
     """

    location: IncidentLocationWriteLocationType1 | int
    role: LocationRoleEnum
    id: int | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.incident_location_write_location_type_1 import IncidentLocationWriteLocationType1 # noqa: PLC0415
        location: dict[str, Any] | int
        if isinstance(self.location, IncidentLocationWriteLocationType1):
            location = self.location.to_dict()
        else:
            location = self.location

        role = self.role.value

        id = self.id

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "location": location,
            "role": role,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident_location_write_location_type_1 import IncidentLocationWriteLocationType1 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_location(data: object) -> IncidentLocationWriteLocationType1 | int:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                location_type_1 = IncidentLocationWriteLocationType1.from_dict(data)



                return location_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IncidentLocationWriteLocationType1 | int, data)

        location = _parse_location(d.pop("location"))


        role = LocationRoleEnum(d.pop("role"))




        id = d.pop("id", UNSET)

        note = d.pop("note", UNSET)

        incident_location_write = cls(
            location=location,
            role=role,
            id=id,
            note=note,
        )


        incident_location_write.additional_properties = d
        return incident_location_write

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
