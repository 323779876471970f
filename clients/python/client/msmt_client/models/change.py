from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_enum import ChangeEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.incident import Incident





T = TypeVar("T", bound="Change")



@_attrs_define
class Change:
    """ 
        Attributes:
            position (int):
            at (datetime.datetime):
            reference (None | str): Null for a resync.
            change (ChangeEnum): * `upsert` - upsert
                * `removed` - removed
                * `resync` - resync
            incident (Incident | None): Null unless an upsert.
     """

    position: int
    at: datetime.datetime
    reference: None | str
    change: ChangeEnum
    incident: Incident | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.incident import Incident # noqa: PLC0415
        position = self.position

        at = self.at.isoformat()

        reference: None | str
        reference = self.reference

        change = self.change.value

        incident: dict[str, Any] | None
        if isinstance(self.incident, Incident):
            incident = self.incident.to_dict()
        else:
            incident = self.incident


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "at": at,
            "reference": reference,
            "change": change,
            "incident": incident,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident import Incident # noqa: PLC0415
        d = dict(src_dict)
        position = d.pop("position")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        change = ChangeEnum(d.pop("change"))




        def _parse_incident(data: object) -> Incident | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                incident_type_1 = Incident.from_dict(data)



                return incident_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Incident | None, data)

        incident = _parse_incident(d.pop("incident"))


        change = cls(
            position=position,
            at=at,
            reference=reference,
            change=change,
            incident=incident,
        )


        change.additional_properties = d
        return change

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
