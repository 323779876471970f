from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.unit_enum import UnitEnum
from typing import cast
import datetime






T = TypeVar("T", bound="ShipToShipTransfer")



@_attrs_define
class ShipToShipTransfer:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            incident (str):
            from_vessel_id (int):
            from_vessel (str):
            to_vessel_id (int):
            to_vessel (str):
            started_on (datetime.date):
            ended_on (datetime.date | None):
            latitude (None | str):
            longitude (None | str):
            cargo (str):
            volume (None | str):
            unit (BlankEnum | UnitEnum):
            source (int | None):
            note (str):
     """

    id: int
    incident: str
    from_vessel_id: int
    from_vessel: str
    to_vessel_id: int
    to_vessel: str
    started_on: datetime.date
    ended_on: datetime.date | None
    latitude: None | str
    longitude: None | str
    cargo: str
    volume: None | str
    unit: BlankEnum | UnitEnum
    source: int | None
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        incident = self.incident

        from_vessel_id = self.from_vessel_id

        from_vessel = self.from_vessel

        to_vessel_id = self.to_vessel_id

        to_vessel = self.to_vessel

        started_on = self.started_on.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        latitude: None | str
        latitude = self.latitude

        longitude: None | str
        longitude = self.longitude

        cargo = self.cargo

        volume: None | str
        volume = self.volume

        unit: str
        if isinstance(self.unit, UnitEnum):
            unit = self.unit.value
        else:
            unit = self.unit.value


        source: int | None
        source = self.source

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "incident": incident,
            "from_vessel_id": from_vessel_id,
            "from_vessel": from_vessel,
            "to_vessel_id": to_vessel_id,
            "to_vessel": to_vessel,
            "started_on": started_on,
            "ended_on": ended_on,
            "latitude": latitude,
            "longitude": longitude,
            "cargo": cargo,
            "volume": volume,
            "unit": unit,
            "source": source,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        incident = d.pop("incident")

        from_vessel_id = d.pop("from_vessel_id")

        from_vessel = d.pop("from_vessel")

        to_vessel_id = d.pop("to_vessel_id")

        to_vessel = d.pop("to_vessel")

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


        def _parse_latitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latitude = _parse_latitude(d.pop("latitude"))


        def _parse_longitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        longitude = _parse_longitude(d.pop("longitude"))


        cargo = d.pop("cargo")

        def _parse_volume(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        volume = _parse_volume(d.pop("volume"))


        def _parse_unit(data: object) -> BlankEnum | UnitEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = UnitEnum(data)



                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            unit_type_1 = BlankEnum(data)



            return unit_type_1

        unit = _parse_unit(d.pop("unit"))


        def _parse_source(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        source = _parse_source(d.pop("source"))


        note = d.pop("note")

        ship_to_ship_transfer = cls(
            id=id,
            incident=incident,
            from_vessel_id=from_vessel_id,
            from_vessel=from_vessel,
            to_vessel_id=to_vessel_id,
            to_vessel=to_vessel,
            started_on=started_on,
            ended_on=ended_on,
            latitude=latitude,
            longitude=longitude,
            cargo=cargo,
            volume=volume,
            unit=unit,
            source=source,
            note=note,
        )


        ship_to_ship_transfer.additional_properties = d
        return ship_to_ship_transfer

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
