from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.report_status_enum import ReportStatusEnum
from ..models.sharing_level_enum import SharingLevelEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.report_file import ReportFile





T = TypeVar("T", bound="Report")



@_attrs_define
class Report:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            symbol (str): Such as MSMT/2025/1. Editions of a report share its symbol.
            edition (int):  Default: 1.
            title (str):
            period_from (datetime.date):
            period_to (datetime.date):
            sharing_level (SharingLevelEnum): * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            status (ReportStatusEnum): * `draft` - Draft
                * `published` - Published
                * `superseded` - Superseded
            published_at (datetime.datetime | None):
            supersedes (int | None): The latest earlier edition you may read, which this one corrects.
            files (list[ReportFile]):
     """

    id: int
    symbol: str
    title: str
    period_from: datetime.date
    period_to: datetime.date
    sharing_level: SharingLevelEnum
    status: ReportStatusEnum
    published_at: datetime.datetime | None
    supersedes: int | None
    files: list[ReportFile]
    edition: int = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.report_file import ReportFile # noqa: PLC0415
        id = self.id

        symbol = self.symbol

        edition = self.edition

        title = self.title

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        sharing_level = self.sharing_level.value

        status = self.status.value

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        supersedes: int | None
        supersedes = self.supersedes

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "symbol": symbol,
            "edition": edition,
            "title": title,
            "period_from": period_from,
            "period_to": period_to,
            "sharing_level": sharing_level,
            "status": status,
            "published_at": published_at,
            "supersedes": supersedes,
            "files": files,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_file import ReportFile # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        symbol = d.pop("symbol")

        edition = d.pop("edition")

        title = d.pop("title")

        period_from = datetime.date.fromisoformat(d.pop("period_from"))




        period_to = datetime.date.fromisoformat(d.pop("period_to"))




        sharing_level = SharingLevelEnum(d.pop("sharing_level"))




        status = ReportStatusEnum(d.pop("status"))




        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        def _parse_supersedes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supersedes = _parse_supersedes(d.pop("supersedes"))


        files = []
        _files = d.pop("files")
        for files_item_data in (_files):
            files_item = ReportFile.from_dict(files_item_data)



            files.append(files_item)


        report = cls(
            id=id,
            symbol=symbol,
            edition=edition,
            title=title,
            period_from=period_from,
            period_to=period_to,
            sharing_level=sharing_level,
            status=status,
            published_at=published_at,
            supersedes=supersedes,
            files=files,
        )


        report.additional_properties = d
        return report

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
