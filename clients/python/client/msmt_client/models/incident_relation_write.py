from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="IncidentRelationWrite")



@_attrs_define
class IncidentRelationWrite:
    """ A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines).

        Attributes:
            related (str): The other incident's reference.
            kind (RelationKindEnum): * `part_of` - Part of
                * `overlaps` - Overlaps
            id (int | Unset): The line's id as read. Leave it out for a new line.
            note (str | Unset): What the two share, or how this one fits in.
     """

    related: str
    kind: RelationKindEnum
    id: int | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        related = self.related

        kind = self.kind.value

        id = self.id

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "related": related,
            "kind": kind,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        related = d.pop("related")

        kind = RelationKindEnum(d.pop("kind"))




        id = d.pop("id", UNSET)

        note = d.pop("note", UNSET)

        incident_relation_write = cls(
            related=related,
            kind=kind,
            id=id,
            note=note,
        )


        incident_relation_write.additional_properties = d
        return incident_relation_write

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
