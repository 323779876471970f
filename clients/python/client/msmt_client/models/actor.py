from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.entity_kind_enum import EntityKindEnum






T = TypeVar("T", bound="Actor")



@_attrs_define
class Actor:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            kind (EntityKindEnum): * `person` - Person
                * `organisation` - Organisation or company
                * `state` - State
                * `military_unit` - Military unit
                * `vessel` - Vessel
                * `aircraft` - Aircraft
            name (str): Current name, as the team refers to it.
            country (str):
     """

    id: int
    kind: EntityKindEnum
    name: str
    country: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        country = self.country


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "name": name,
            "country": country,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = EntityKindEnum(d.pop("kind"))




        name = d.pop("name")

        country = d.pop("country")

        actor = cls(
            id=id,
            kind=kind,
            name=name,
            country=country,
        )


        actor.additional_properties = d
        return actor

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
