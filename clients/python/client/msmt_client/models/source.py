from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reliability_enum import ReliabilityEnum
from ..models.sharing_level_enum import SharingLevelEnum
from ..models.source_kind_enum import SourceKindEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Source")



@_attrs_define
class Source:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            title (str):
            originator (str): The originator, or "A participating state" where it may not be named.
            kind (SourceKindEnum): * `state_information` - Information from a participating state
                * `osint_report` - Open-source intelligence report
                * `media` - Media report
                * `satellite_imagery` - Satellite imagery
                * `official_document` - Official document
                * `other` - Other
            published_on (datetime.date | None): Date of the document or of the information.
            url (str): Left empty where the originator may not be named.
            published_by (str): The outlet whose copy `url` leads to, when it is not the originator's own (an aggregator or
                a reprint). Left empty where the originator may not be named.
            reliability (ReliabilityEnum): * `A` - A – completely reliable
                * `B` - B – usually reliable
                * `C` - C – fairly reliable
                * `D` - D – not usually reliable
                * `E` - E – unreliable
                * `F` - F – reliability cannot be judged
            sharing_level (SharingLevelEnum): * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            derived_from (int | None): The id of the source this one retells or copies, if you may see it; null for an
                original (or one whose original you may not see). Sources that lead back to the same original are one line of
                reporting.
     """

    id: int
    title: str
    originator: str
    kind: SourceKindEnum
    published_on: datetime.date | None
    url: str
    published_by: str
    reliability: ReliabilityEnum
    sharing_level: SharingLevelEnum
    derived_from: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        originator = self.originator

        kind = self.kind.value

        published_on: None | str
        if isinstance(self.published_on, datetime.date):
            published_on = self.published_on.isoformat()
        else:
            published_on = self.published_on

        url = self.url

        published_by = self.published_by

        reliability = self.reliability.value

        sharing_level = self.sharing_level.value

        derived_from: int | None
        derived_from = self.derived_from


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "originator": originator,
            "kind": kind,
            "published_on": published_on,
            "url": url,
            "published_by": published_by,
            "reliability": reliability,
            "sharing_level": sharing_level,
            "derived_from": derived_from,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        originator = d.pop("originator")

        kind = SourceKindEnum(d.pop("kind"))




        def _parse_published_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_on_type_0 = datetime.date.fromisoformat(data)



                return published_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_on = _parse_published_on(d.pop("published_on"))


        url = d.pop("url")

        published_by = d.pop("published_by")

        reliability = ReliabilityEnum(d.pop("reliability"))




        sharing_level = SharingLevelEnum(d.pop("sharing_level"))




        def _parse_derived_from(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        derived_from = _parse_derived_from(d.pop("derived_from"))


        source = cls(
            id=id,
            title=title,
            originator=originator,
            kind=kind,
            published_on=published_on,
            url=url,
            published_by=published_by,
            reliability=reliability,
            sharing_level=sharing_level,
            derived_from=derived_from,
        )


        source.additional_properties = d
        return source

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
