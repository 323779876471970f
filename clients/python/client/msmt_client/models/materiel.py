from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.materiel_unit_enum import MaterielUnitEnum
from typing import cast






T = TypeVar("T", bound="Materiel")



@_attrs_define
class Materiel:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            category (str):
            description (str):
            quantity_low (int | None):
            quantity_high (int | None):
            unit (BlankEnum | MaterielUnitEnum):
     """

    id: int
    category: str
    description: str
    quantity_low: int | None
    quantity_high: int | None
    unit: BlankEnum | MaterielUnitEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        category = self.category

        description = self.description

        quantity_low: int | None
        quantity_low = self.quantity_low

        quantity_high: int | None
        quantity_high = self.quantity_high

        unit: str
        if isinstance(self.unit, MaterielUnitEnum):
            unit = self.unit.value
        else:
            unit = self.unit.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "category": category,
            "description": description,
            "quantity_low": quantity_low,
            "quantity_high": quantity_high,
            "unit": unit,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        category = d.pop("category")

        description = d.pop("description")

        def _parse_quantity_low(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quantity_low = _parse_quantity_low(d.pop("quantity_low"))


        def _parse_quantity_high(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quantity_high = _parse_quantity_high(d.pop("quantity_high"))


        def _parse_unit(data: object) -> BlankEnum | MaterielUnitEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = MaterielUnitEnum(data)



                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            unit_type_1 = BlankEnum(data)



            return unit_type_1

        unit = _parse_unit(d.pop("unit"))


        materiel = cls(
            id=id,
            category=category,
            description=description,
            quantity_low=quantity_low,
            quantity_high=quantity_high,
            unit=unit,
        )


        materiel.additional_properties = d
        return materiel

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
