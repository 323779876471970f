from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.materiel_unit_enum import MaterielUnitEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MaterielLineWrite")



@_attrs_define
class MaterielLineWrite:
    """ A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines).

        Attributes:
            category (str):
            id (int | Unset): The line's id as read. Leave it out for a new line.
            description (str | Unset):
            quantity_low (int | None | Unset):
            quantity_high (int | None | Unset):
            unit (BlankEnum | MaterielUnitEnum | Unset):
     """

    category: str
    id: int | Unset = UNSET
    description: str | Unset = UNSET
    quantity_low: int | None | Unset = UNSET
    quantity_high: int | None | Unset = UNSET
    unit: BlankEnum | MaterielUnitEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        category = self.category

        id = self.id

        description = self.description

        quantity_low: int | None | Unset
        if isinstance(self.quantity_low, Unset):
            quantity_low = UNSET
        else:
            quantity_low = self.quantity_low

        quantity_high: int | None | Unset
        if isinstance(self.quantity_high, Unset):
            quantity_high = UNSET
        else:
            quantity_high = self.quantity_high

        unit: str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, MaterielUnitEnum):
            unit = self.unit.value
        else:
            unit = self.unit.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "category": category,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if description is not UNSET:
            field_dict["description"] = description
        if quantity_low is not UNSET:
            field_dict["quantity_low"] = quantity_low
        if quantity_high is not UNSET:
            field_dict["quantity_high"] = quantity_high
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = d.pop("category")

        id = d.pop("id", UNSET)

        description = d.pop("description", UNSET)

        def _parse_quantity_low(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity_low = _parse_quantity_low(d.pop("quantity_low", UNSET))


        def _parse_quantity_high(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity_high = _parse_quantity_high(d.pop("quantity_high", UNSET))


        def _parse_unit(data: object) -> BlankEnum | MaterielUnitEnum | Unset:
            if isinstance(data, Unset):
                return data
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

        unit = _parse_unit(d.pop("unit", UNSET))


        materiel_line_write = cls(
            category=category,
            id=id,
            description=description,
            quantity_low=quantity_low,
            quantity_high=quantity_high,
            unit=unit,
        )


        materiel_line_write.additional_properties = d
        return materiel_line_write

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
