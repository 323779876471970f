from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.evidence_kind_enum import EvidenceKindEnum
from ..models.sharing_level_enum import SharingLevelEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.custody_step import CustodyStep





T = TypeVar("T", bound="Evidence")



@_attrs_define
class Evidence:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            content_type (str):
            size (int): In bytes.
            sha256 (str):
            sharing_level (SharingLevelEnum): * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            for_publication (bool): Reproduce it as a figure in reports (images only, with its caption).
            kind (BlankEnum | EvidenceKindEnum):
            caption (str):
            provider (str): Who produced it: the imagery or tracking provider, the laboratory, the agency.
            captured_at (datetime.datetime | None): When the image was taken.
            latitude (None | str):
            longitude (None | str):
            footprint (str): The area it covers, e.g. 4 km × 3 km over Rajin.
            resolution (str): Ground resolution, e.g. 0.5 m.
            vessel (int | None): The id of the vessel tracked.
            period_from (datetime.date | None):
            period_to (datetime.date | None):
            obtained_by (str): Who obtained it for the team.
            obtained_on (datetime.date | None):
            licence (str): The terms under which it may be reproduced.
            publishable_to (BlankEnum | SharingLevelEnum): The widest audience its licence lets a report reach with it:
                TLP:CLEAR for a public report. Empty: it may not be reproduced.

                * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            credit (str): What a report prints under it, e.g. “Image © 2024 Planet Labs PBC”.
            custody (list[CustodyStep]): Each hand it passed through on its way to the team, in order.
     """

    id: int
    content_type: str
    size: int
    sha256: str
    sharing_level: SharingLevelEnum
    for_publication: bool
    kind: BlankEnum | EvidenceKindEnum
    caption: str
    provider: str
    captured_at: datetime.datetime | None
    latitude: None | str
    longitude: None | str
    footprint: str
    resolution: str
    vessel: int | None
    period_from: datetime.date | None
    period_to: datetime.date | None
    obtained_by: str
    obtained_on: datetime.date | None
    licence: str
    publishable_to: BlankEnum | SharingLevelEnum
    credit: str
    custody: list[CustodyStep]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.custody_step import CustodyStep # noqa: PLC0415
        id = self.id

        content_type = self.content_type

        size = self.size

        sha256 = self.sha256

        sharing_level = self.sharing_level.value

        for_publication = self.for_publication

        kind: str
        if isinstance(self.kind, EvidenceKindEnum):
            kind = self.kind.value
        else:
            kind = self.kind.value


        caption = self.caption

        provider = self.provider

        captured_at: None | str
        if isinstance(self.captured_at, datetime.datetime):
            captured_at = self.captured_at.isoformat()
        else:
            captured_at = self.captured_at

        latitude: None | str
        latitude = self.latitude

        longitude: None | str
        longitude = self.longitude

        footprint = self.footprint

        resolution = self.resolution

        vessel: int | None
        vessel = self.vessel

        period_from: None | str
        if isinstance(self.period_from, datetime.date):
            period_from = self.period_from.isoformat()
        else:
            period_from = self.period_from

        period_to: None | str
        if isinstance(self.period_to, datetime.date):
            period_to = self.period_to.isoformat()
        else:
            period_to = self.period_to

        obtained_by = self.obtained_by

        obtained_on: None | str
        if isinstance(self.obtained_on, datetime.date):
            obtained_on = self.obtained_on.isoformat()
        else:
            obtained_on = self.obtained_on

        licence = self.licence

        publishable_to: str
        if isinstance(self.publishable_to, SharingLevelEnum):
            publishable_to = self.publishable_to.value
        else:
            publishable_to = self.publishable_to.value


        credit = self.credit

        custody = []
        for custody_item_data in self.custody:
            custody_item = custody_item_data.to_dict()
            custody.append(custody_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "content_type": content_type,
            "size": size,
            "sha256": sha256,
            "sharing_level": sharing_level,
            "for_publication": for_publication,
            "kind": kind,
            "caption": caption,
            "provider": provider,
            "captured_at": captured_at,
            "latitude": latitude,
            "longitude": longitude,
            "footprint": footprint,
            "resolution": resolution,
            "vessel": vessel,
            "period_from": period_from,
            "period_to": period_to,
            "obtained_by": obtained_by,
            "obtained_on": obtained_on,
            "licence": licence,
            "publishable_to": publishable_to,
            "credit": credit,
            "custody": custody,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custody_step import CustodyStep # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        content_type = d.pop("content_type")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        sharing_level = SharingLevelEnum(d.pop("sharing_level"))




        for_publication = d.pop("for_publication")

        def _parse_kind(data: object) -> BlankEnum | EvidenceKindEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = EvidenceKindEnum(data)



                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            kind_type_1 = BlankEnum(data)



            return kind_type_1

        kind = _parse_kind(d.pop("kind"))


        caption = d.pop("caption")

        provider = d.pop("provider")

        def _parse_captured_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                captured_at_type_0 = datetime.datetime.fromisoformat(data)



                return captured_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        captured_at = _parse_captured_at(d.pop("captured_at"))


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


        footprint = d.pop("footprint")

        resolution = d.pop("resolution")

        def _parse_vessel(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        vessel = _parse_vessel(d.pop("vessel"))


        def _parse_period_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_from_type_0 = datetime.date.fromisoformat(data)



                return period_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_from = _parse_period_from(d.pop("period_from"))


        def _parse_period_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_to_type_0 = datetime.date.fromisoformat(data)



                return period_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_to = _parse_period_to(d.pop("period_to"))


        obtained_by = d.pop("obtained_by")

        def _parse_obtained_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                obtained_on_type_0 = datetime.date.fromisoformat(data)



                return obtained_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        obtained_on = _parse_obtained_on(d.pop("obtained_on"))


        licence = d.pop("licence")

        def _parse_publishable_to(data: object) -> BlankEnum | SharingLevelEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                publishable_to_type_0 = SharingLevelEnum(data)



                return publishable_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            publishable_to_type_1 = BlankEnum(data)



            return publishable_to_type_1

        publishable_to = _parse_publishable_to(d.pop("publishable_to"))


        credit = d.pop("credit")

        custody = []
        _custody = d.pop("custody")
        for custody_item_data in (_custody):
            custody_item = CustodyStep.from_dict(custody_item_data)



            custody.append(custody_item)


        evidence = cls(
            id=id,
            content_type=content_type,
            size=size,
            sha256=sha256,
            sharing_level=sharing_level,
            for_publication=for_publication,
            kind=kind,
            caption=caption,
            provider=provider,
            captured_at=captured_at,
            latitude=latitude,
            longitude=longitude,
            footprint=footprint,
            resolution=resolution,
            vessel=vessel,
            period_from=period_from,
            period_to=period_to,
            obtained_by=obtained_by,
            obtained_on=obtained_on,
            licence=licence,
            publishable_to=publishable_to,
            credit=credit,
            custody=custody,
        )


        evidence.additional_properties = d
        return evidence

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
