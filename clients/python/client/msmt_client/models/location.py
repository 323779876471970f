from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.location_kind_enum import LocationKindEnum
from ..models.precision_enum import PrecisionEnum
from typing import cast






T = TypeVar("T", bound="Location")



@_attrs_define
class Location:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            name (str):
            kind (LocationKindEnum): * `port` - Port
                * `rail_crossing` - Rail crossing
                * `airfield` - Airfield
                * `training_ground` - Training ground
                * `front_line_area` - Front-line area
                * `military_base` - Military base
                * `depot` - Depot
                * `shipyard` - Shipyard
                * `anchorage` - Anchorage
                * `impact_site` - Impact site
                * `city` - City
                * `region` - Region
                * `other` - Other
            country (str):
            latitude (None | str):
            longitude (None | str):
            precision (PrecisionEnum): * `exact` - Exact (within 100 m)
                * `approximate` - Approximate (within a few km)
                * `area` - Area (town or region)
     """

    id: int
    name: str
    kind: LocationKindEnum
    country: str
    latitude: None | str
    longitude: None | str
    precision: PrecisionEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value

        country = self.country

        latitude: None | str
        latitude = self.latitude

        longitude: None | str
        longitude = self.longitude

        precision = self.precision.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "kind": kind,
            "country": country,
            "latitude": latitude,
            "longitude": longitude,
            "precision": precision,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = LocationKindEnum(d.pop("kind"))




        country = d.pop("country")

        def _parse_latitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latitude = _parse_latitude(d.pop("latitude"))


        def _parse_longitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        longitude = _parse_longitude(d.pop("longitude"))


        precision = PrecisionEnum(d.pop("precision"))




        location = cls(
            id=id,
            name=name,
            kind=kind,
            country=country,
            latitude=latitude,
            longitude=longitude,
            precision=precision,
        )


        location.additional_properties = d
        return location

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
