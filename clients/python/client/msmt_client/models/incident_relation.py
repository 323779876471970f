from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum






T = TypeVar("T", bound="IncidentRelation")



@_attrs_define
class IncidentRelation:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            related (str): The other incident's reference. Shown only where you may see it.
            kind (RelationKindEnum): * `part_of` - Part of
                * `overlaps` - Overlaps
            note (str): What the two share, or how this one fits in.
     """

    id: int
    related: str
    kind: RelationKindEnum
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        related = self.related

        kind = self.kind.value

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "related": related,
            "kind": kind,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        related = d.pop("related")

        kind = RelationKindEnum(d.pop("kind"))




        note = d.pop("note")

        incident_relation = cls(
            id=id,
            related=related,
            kind=kind,
            note=note,
        )


        incident_relation.additional_properties = d
        return incident_relation

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
