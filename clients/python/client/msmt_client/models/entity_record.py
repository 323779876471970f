from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.entity_kind_enum import EntityKindEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.designation import Designation





T = TypeVar("T", bound="EntityRecord")



@_attrs_define
class EntityRecord:
    """ An entity at /api/v1/entities/: as inside an incident, with when it last changed,
    the incidents the reader may see it in, and its designations.

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
            updated_at (datetime.datetime):
            incidents (list[str]): References of the incidents you may see that involve it.
            designations (list[Designation]): Its listings on the UN 1718 list and the participating states' and the EU's
                lists; a delisted one has its delisted_on.
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
    updated_at: datetime.datetime
    incidents: list[str]
    designations: list[Designation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.designation import Designation # noqa: PLC0415
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



        updated_at = self.updated_at.isoformat()

        incidents = self.incidents



        designations = []
        for designations_item_data in self.designations:
            designations_item = designations_item_data.to_dict()
            designations.append(designations_item)




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
            "updated_at": updated_at,
            "incidents": incidents,
            "designations": designations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.designation import Designation # noqa: PLC0415
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


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        incidents = cast(list[str], d.pop("incidents"))


        designations = []
        _designations = d.pop("designations")
        for designations_item_data in (_designations):
            designations_item = Designation.from_dict(designations_item_data)



            designations.append(designations_item)


        entity_record = cls(
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
            updated_at=updated_at,
            incidents=incidents,
            designations=designations,
        )


        entity_record.additional_properties = d
        return entity_record

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
