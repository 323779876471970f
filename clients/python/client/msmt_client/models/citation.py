from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.credibility_enum import CredibilityEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.source import Source





T = TypeVar("T", bound="Citation")



@_attrs_define
class Citation:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            id (int):
            source (Source): A record as the API reads it: every field is always there (null where empty), so
                the schema marks each one read-only and required.
            locator (str): Where in the source: page, paragraph, timestamp.
            claim (str): The passage or claim this source supports.
            credibility (CredibilityEnum): * `1` - 1 – confirmed by other sources
                * `2` - 2 – probably true
                * `3` - 3 – possibly true
                * `4` - 4 – doubtful
                * `5` - 5 – improbable
                * `6` - 6 – truth cannot be judged
            in_release (bool): Readers of the releasable text see this citation with it.
     """

    id: int
    source: Source
    locator: str
    claim: str
    credibility: CredibilityEnum
    in_release: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source import Source # noqa: PLC0415
        id = self.id

        source = self.source.to_dict()

        locator = self.locator

        claim = self.claim

        credibility = self.credibility.value

        in_release = self.in_release


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "source": source,
            "locator": locator,
            "claim": claim,
            "credibility": credibility,
            "in_release": in_release,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source import Source # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        source = Source.from_dict(d.pop("source"))




        locator = d.pop("locator")

        claim = d.pop("claim")

        credibility = CredibilityEnum(d.pop("credibility"))




        in_release = d.pop("in_release")

        citation = cls(
            id=id,
            source=source,
            locator=locator,
            claim=claim,
            credibility=credibility,
            in_release=in_release,
        )


        citation.additional_properties = d
        return citation

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
