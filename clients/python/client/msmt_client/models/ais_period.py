from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ais_period_kind_enum import AISPeriodKindEnum
from typing import cast
import datetime






T = TypeVar("T", bound="AISPeriod")



@_attrs_define
class AISPeriod:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            kind (AISPeriodKindEnum): * `dark` - AIS dark period
                * `spoofing` - AIS spoofing
            started_on (datetime.date):
            ended_on (datetime.date | None):
            last_latitude (None | str):
            last_longitude (None | str):
            next_latitude (None | str):
            next_longitude (None | str):
            source (int | None):
            note (str):
     """

    id: int
    kind: AISPeriodKindEnum
    started_on: datetime.date
    ended_on: datetime.date | None
    last_latitude: None | str
    last_longitude: None | str
    next_latitude: None | str
    next_longitude: None | str
    source: int | None
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        started_on = self.started_on.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        last_latitude: None | str
        last_latitude = self.last_latitude

        last_longitude: None | str
        last_longitude = self.last_longitude

        next_latitude: None | str
        next_latitude = self.next_latitude

        next_longitude: None | str
        next_longitude = self.next_longitude

        source: int | None
        source = self.source

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "started_on": started_on,
            "ended_on": ended_on,
            "last_latitude": last_latitude,
            "last_longitude": last_longitude,
            "next_latitude": next_latitude,
            "next_longitude": next_longitude,
            "source": source,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = AISPeriodKindEnum(d.pop("kind"))




        started_on = datetime.date.fromisoformat(d.pop("started_on"))




        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)



                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))


        def _parse_last_latitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_latitude = _parse_last_latitude(d.pop("last_latitude"))


        def _parse_last_longitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_longitude = _parse_last_longitude(d.pop("last_longitude"))


        def _parse_next_latitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_latitude = _parse_next_latitude(d.pop("next_latitude"))


        def _parse_next_longitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_longitude = _parse_next_longitude(d.pop("next_longitude"))


        def _parse_source(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        source = _parse_source(d.pop("source"))


        note = d.pop("note")

        ais_period = cls(
            id=id,
            kind=kind,
            started_on=started_on,
            ended_on=ended_on,
            last_latitude=last_latitude,
            last_longitude=last_longitude,
            next_latitude=next_latitude,
            next_longitude=next_longitude,
            source=source,
            note=note,
        )


        ais_period.additional_properties = d
        return ais_period

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
