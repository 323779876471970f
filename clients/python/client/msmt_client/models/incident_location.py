from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.location_role_enum import LocationRoleEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="IncidentLocation")



@_attrs_define
class IncidentLocation:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            location (Location): A record as the API reads it: every field is always there (null where empty), so
                the schema marks each one read-only and required.
            role (LocationRoleEnum): * `origin` - Origin
                * `destination` - Destination
                * `transit` - Transit
                * `site` - Site
            note (str):
     """

    id: int
    location: Location
    role: LocationRoleEnum
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        id = self.id

        location = self.location.to_dict()

        role = self.role.value

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "location": location,
            "role": role,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        location = Location.from_dict(d.pop("location"))




        role = LocationRoleEnum(d.pop("role"))




        note = d.pop("note")

        incident_location = cls(
            id=id,
            location=location,
            role=role,
            note=note,
        )


        incident_location.additional_properties = d
        return incident_location

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
