from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.format_enum import FormatEnum






T = TypeVar("T", bound="ReportFile")



@_attrs_define
class ReportFile:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            format_ (FormatEnum): * `html` - HTML
                * `pdf` - PDF
                * `docx` - Word (DOCX)
            url (str): Download it here, with the same token.
            size (int):
            sha256 (str):
     """

    format_: FormatEnum
    url: str
    size: int
    sha256: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        url = self.url

        size = self.size

        sha256 = self.sha256


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "format": format_,
            "url": url,
            "size": size,
            "sha256": sha256,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = FormatEnum(d.pop("format"))




        url = d.pop("url")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        report_file = cls(
            format_=format_,
            url=url,
            size=size,
            sha256=sha256,
        )


        report_file.additional_properties = d
        return report_file

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
