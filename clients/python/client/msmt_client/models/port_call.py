from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PortCall")



@_attrs_define
class PortCall:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            port (str):
            port_country (str):
            arrived_on (datetime.date):
            departed_on (datetime.date | None):
            source (int | None):
            note (str):
     """

    id: int
    port: str
    port_country: str
    arrived_on: datetime.date
    departed_on: datetime.date | None
    source: int | None
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        port = self.port

        port_country = self.port_country

        arrived_on = self.arrived_on.isoformat()

        departed_on: None | str
        if isinstance(self.departed_on, datetime.date):
            departed_on = self.departed_on.isoformat()
        else:
            departed_on = self.departed_on

        source: int | None
        source = self.source

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "port": port,
            "port_country": port_country,
            "arrived_on": arrived_on,
            "departed_on": departed_on,
            "source": source,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        port = d.pop("port")

        port_country = d.pop("port_country")

        arrived_on = datetime.date.fromisoformat(d.pop("arrived_on"))




        def _parse_departed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                departed_on_type_0 = datetime.date.fromisoformat(data)



                return departed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        departed_on = _parse_departed_on(d.pop("departed_on"))


        def _parse_source(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        source = _parse_source(d.pop("source"))


        note = d.pop("note")

        port_call = cls(
            id=id,
            port=port,
            port_country=port_country,
            arrived_on=arrived_on,
            departed_on=departed_on,
            source=source,
            note=note,
        )


        port_call.additional_properties = d
        return port_call

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
