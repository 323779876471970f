from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vessel_ownership_role_enum import VesselOwnershipRoleEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.actor import Actor





T = TypeVar("T", bound="VesselOwnership")



@_attrs_define
class VesselOwnership:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            holder (Actor): A record as the API reads it: every field is always there (null where empty), so
                the schema marks each one read-only and required.
            role (VesselOwnershipRoleEnum): * `registered_owner` - Registered owner
                * `ship_manager` - Ship manager
                * `operator` - Operator
            since (datetime.date | None):
            until (datetime.date | None):
            source (int | None):
            note (str):
     """

    id: int
    holder: Actor
    role: VesselOwnershipRoleEnum
    since: datetime.date | None
    until: datetime.date | None
    source: int | None
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.actor import Actor # noqa: PLC0415
        id = self.id

        holder = self.holder.to_dict()

        role = self.role.value

        since: None | str
        if isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        until: None | str
        if isinstance(self.until, datetime.date):
            until = self.until.isoformat()
        else:
            until = self.until

        source: int | None
        source = self.source

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "holder": holder,
            "role": role,
            "since": since,
            "until": until,
            "source": source,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor import Actor # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        holder = Actor.from_dict(d.pop("holder"))




        role = VesselOwnershipRoleEnum(d.pop("role"))




        def _parse_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)



                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        since = _parse_since(d.pop("since"))


        def _parse_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.date.fromisoformat(data)



                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        until = _parse_until(d.pop("until"))


        def _parse_source(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        source = _parse_source(d.pop("source"))


        note = d.pop("note")

        vessel_ownership = cls(
            id=id,
            holder=holder,
            role=role,
            since=since,
            until=until,
            source=source,
            note=note,
        )


        vessel_ownership.additional_properties = d
        return vessel_ownership

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
