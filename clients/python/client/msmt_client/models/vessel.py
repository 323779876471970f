from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.entity_kind_enum import EntityKindEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.ais_period import AISPeriod
  from ..models.designation import Designation
  from ..models.port_call import PortCall
  from ..models.ship_to_ship_transfer import ShipToShipTransfer
  from ..models.vessel_flag import VesselFlag
  from ..models.vessel_name import VesselName
  from ..models.vessel_ownership import VesselOwnership
  from ..models.vessel_particulars import VesselParticulars





T = TypeVar("T", bound="Vessel")



@_attrs_define
class Vessel:
    """ A vessel at /api/v1/vessels/: its identity, particulars and history, each record
    as the reader may see it (cases.visibility). Sources are given by id
    (/api/v1/sources/).

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
            imo_number (str): Seven digits, the last being the check digit. Vessels only.
            mmsi (str): Nine digits.
            call_sign (str):
            aircraft_registration (str):
            un_list_reference (str): Reference on the 1718 Committee's sanctions list, e.g. KPe.028.
            aliases (list[str]):
            past_names (list[str]):
            particulars (None | VesselParticulars):
            designations (list[Designation]): Its listings on the UN 1718 list and the participating states' and the EU's
                lists; a delisted one has its delisted_on.
            flags (list[VesselFlag]):
            name_history (list[VesselName]):
            ownerships (list[VesselOwnership]):
            port_calls (list[PortCall]):
            ais_periods (list[AISPeriod]):
            transfers (list[ShipToShipTransfer]): The ship-to-ship transfers it gave or received cargo in.
     """

    id: int
    kind: EntityKindEnum
    name: str
    country: str
    imo_number: str
    mmsi: str
    call_sign: str
    aircraft_registration: str
    un_list_reference: str
    aliases: list[str]
    past_names: list[str]
    particulars: None | VesselParticulars
    designations: list[Designation]
    flags: list[VesselFlag]
    name_history: list[VesselName]
    ownerships: list[VesselOwnership]
    port_calls: list[PortCall]
    ais_periods: list[AISPeriod]
    transfers: list[ShipToShipTransfer]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ais_period import AISPeriod # noqa: PLC0415
        from ..models.designation import Designation # noqa: PLC0415
        from ..models.port_call import PortCall # noqa: PLC0415
        from ..models.ship_to_ship_transfer import ShipToShipTransfer # noqa: PLC0415
        from ..models.vessel_flag import VesselFlag # noqa: PLC0415
        from ..models.vessel_name import VesselName # noqa: PLC0415
        from ..models.vessel_ownership import VesselOwnership # noqa: PLC0415
        from ..models.vessel_particulars import VesselParticulars # noqa: PLC0415
        id = self.id

        kind = self.kind.value

        name = self.name

        country = self.country

        imo_number = self.imo_number

        mmsi = self.mmsi

        call_sign = self.call_sign

        aircraft_registration = self.aircraft_registration

        un_list_reference = self.un_list_reference

        aliases = self.aliases



        past_names = self.past_names



        particulars: dict[str, Any] | None
        if isinstance(self.particulars, VesselParticulars):
            particulars = self.particulars.to_dict()
        else:
            particulars = self.particulars

        designations = []
        for designations_item_data in self.designations:
            designations_item = designations_item_data.to_dict()
            designations.append(designations_item)



        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.to_dict()
            flags.append(flags_item)



        name_history = []
        for name_history_item_data in self.name_history:
            name_history_item = name_history_item_data.to_dict()
            name_history.append(name_history_item)



        ownerships = []
        for ownerships_item_data in self.ownerships:
            ownerships_item = ownerships_item_data.to_dict()
            ownerships.append(ownerships_item)



        port_calls = []
        for port_calls_item_data in self.port_calls:
            port_calls_item = port_calls_item_data.to_dict()
            port_calls.append(port_calls_item)



        ais_periods = []
        for ais_periods_item_data in self.ais_periods:
            ais_periods_item = ais_periods_item_data.to_dict()
            ais_periods.append(ais_periods_item)



        transfers = []
        for transfers_item_data in self.transfers:
            transfers_item = transfers_item_data.to_dict()
            transfers.append(transfers_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "name": name,
            "country": country,
            "imo_number": imo_number,
            "mmsi": mmsi,
            "call_sign": call_sign,
            "aircraft_registration": aircraft_registration,
            "un_list_reference": un_list_reference,
            "aliases": aliases,
            "past_names": past_names,
            "particulars": particulars,
            "designations": designations,
            "flags": flags,
            "name_history": name_history,
            "ownerships": ownerships,
            "port_calls": port_calls,
            "ais_periods": ais_periods,
            "transfers": transfers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ais_period import AISPeriod # noqa: PLC0415
        from ..models.designation import Designation # noqa: PLC0415
        from ..models.port_call import PortCall # noqa: PLC0415
        from ..models.ship_to_ship_transfer import ShipToShipTransfer # noqa: PLC0415
        from ..models.vessel_flag import VesselFlag # noqa: PLC0415
        from ..models.vessel_name import VesselName # noqa: PLC0415
        from ..models.vessel_ownership import VesselOwnership # noqa: PLC0415
        from ..models.vessel_particulars import VesselParticulars # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = EntityKindEnum(d.pop("kind"))




        name = d.pop("name")

        country = d.pop("country")

        imo_number = d.pop("imo_number")

        mmsi = d.pop("mmsi")

        call_sign = d.pop("call_sign")

        aircraft_registration = d.pop("aircraft_registration")

        un_list_reference = d.pop("un_list_reference")

        aliases = cast(list[str], d.pop("aliases"))


        past_names = cast(list[str], d.pop("past_names"))


        def _parse_particulars(data: object) -> None | VesselParticulars:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                particulars_type_1 = VesselParticulars.from_dict(data)



                return particulars_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VesselParticulars, data)

        particulars = _parse_particulars(d.pop("particulars"))


        designations = []
        _designations = d.pop("designations")
        for designations_item_data in (_designations):
            designations_item = Designation.from_dict(designations_item_data)



            designations.append(designations_item)


        flags = []
        _flags = d.pop("flags")
        for flags_item_data in (_flags):
            flags_item = VesselFlag.from_dict(flags_item_data)



            flags.append(flags_item)


        name_history = []
        _name_history = d.pop("name_history")
        for name_history_item_data in (_name_history):
            name_history_item = VesselName.from_dict(name_history_item_data)



            name_history.append(name_history_item)


        ownerships = []
        _ownerships = d.pop("ownerships")
        for ownerships_item_data in (_ownerships):
            ownerships_item = VesselOwnership.from_dict(ownerships_item_data)



            ownerships.append(ownerships_item)


        port_calls = []
        _port_calls = d.pop("port_calls")
        for port_calls_item_data in (_port_calls):
            port_calls_item = PortCall.from_dict(port_calls_item_data)



            port_calls.append(port_calls_item)


        ais_periods = []
        _ais_periods = d.pop("ais_periods")
        for ais_periods_item_data in (_ais_periods):
            ais_periods_item = AISPeriod.from_dict(ais_periods_item_data)



            ais_periods.append(ais_periods_item)


        transfers = []
        _transfers = d.pop("transfers")
        for transfers_item_data in (_transfers):
            transfers_item = ShipToShipTransfer.from_dict(transfers_item_data)



            transfers.append(transfers_item)


        vessel = cls(
            id=id,
            kind=kind,
            name=name,
            country=country,
            imo_number=imo_number,
            mmsi=mmsi,
            call_sign=call_sign,
            aircraft_registration=aircraft_registration,
            un_list_reference=un_list_reference,
            aliases=aliases,
            past_names=past_names,
            particulars=particulars,
            designations=designations,
            flags=flags,
            name_history=name_history,
            ownerships=ownerships,
            port_calls=port_calls,
            ais_periods=ais_periods,
            transfers=transfers,
        )


        vessel.additional_properties = d
        return vessel

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
