from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.ship_type_enum import ShipTypeEnum
from typing import cast






T = TypeVar("T", bound="VesselParticulars")



@_attrs_define
class VesselParticulars:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            ship_type (BlankEnum | ShipTypeEnum):
            gross_tonnage (int | None):
            deadweight (int | None): Summer deadweight, in tonnes.
            year_built (int | None):
     """

    ship_type: BlankEnum | ShipTypeEnum
    gross_tonnage: int | None
    deadweight: int | None
    year_built: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ship_type: str
        if isinstance(self.ship_type, ShipTypeEnum):
            ship_type = self.ship_type.value
        else:
            ship_type = self.ship_type.value


        gross_tonnage: int | None
        gross_tonnage = self.gross_tonnage

        deadweight: int | None
        deadweight = self.deadweight

        year_built: int | None
        year_built = self.year_built


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ship_type": ship_type,
            "gross_tonnage": gross_tonnage,
            "deadweight": deadweight,
            "year_built": year_built,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_ship_type(data: object) -> BlankEnum | ShipTypeEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ship_type_type_0 = ShipTypeEnum(data)



                return ship_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            ship_type_type_1 = BlankEnum(data)



            return ship_type_type_1

        ship_type = _parse_ship_type(d.pop("ship_type"))


        def _parse_gross_tonnage(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        gross_tonnage = _parse_gross_tonnage(d.pop("gross_tonnage"))


        def _parse_deadweight(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        deadweight = _parse_deadweight(d.pop("deadweight"))


        def _parse_year_built(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        year_built = _parse_year_built(d.pop("year_built"))


        vessel_particulars = cls(
            ship_type=ship_type,
            gross_tonnage=gross_tonnage,
            deadweight=deadweight,
            year_built=year_built,
        )


        vessel_particulars.additional_properties = d
        return vessel_particulars

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
