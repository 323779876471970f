from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.list_enum import ListEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Designation")



@_attrs_define
class Designation:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            list_ (ListEnum): * `UN` - UN Security Council 1718 list
                * `US` - United States
                * `UK` - United Kingdom
                * `EU` - European Union
                * `JP` - Japan
                * `KR` - Republic of Korea
                * `AU` - Australia
                * `CA` - Canada
                * `NZ` - New Zealand
                * `FR` - France
            reference (str): The list's reference, e.g. KPe.031 on the UN list.
            programme (str): The regime or programme, e.g. DPRK3, RUSSIA-EO14024.
            listed_on (datetime.date | None):
            delisted_on (datetime.date | None):
            source (str): Where the listing was checked: the list's notice or page, with its address.
     """

    list_: ListEnum
    reference: str
    programme: str
    listed_on: datetime.date | None
    delisted_on: datetime.date | None
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        list_ = self.list_.value

        reference = self.reference

        programme = self.programme

        listed_on: None | str
        if isinstance(self.listed_on, datetime.date):
            listed_on = self.listed_on.isoformat()
        else:
            listed_on = self.listed_on

        delisted_on: None | str
        if isinstance(self.delisted_on, datetime.date):
            delisted_on = self.delisted_on.isoformat()
        else:
            delisted_on = self.delisted_on

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "list": list_,
            "reference": reference,
            "programme": programme,
            "listed_on": listed_on,
            "delisted_on": delisted_on,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_ = ListEnum(d.pop("list"))




        reference = d.pop("reference")

        programme = d.pop("programme")

        def _parse_listed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                listed_on_type_0 = datetime.date.fromisoformat(data)



                return listed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        listed_on = _parse_listed_on(d.pop("listed_on"))


        def _parse_delisted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delisted_on_type_0 = datetime.date.fromisoformat(data)



                return delisted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        delisted_on = _parse_delisted_on(d.pop("delisted_on"))


        source = d.pop("source")

        designation = cls(
            list_=list_,
            reference=reference,
            programme=programme,
            listed_on=listed_on,
            delisted_on=delisted_on,
            source=source,
        )


        designation.additional_properties = d
        return designation

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
