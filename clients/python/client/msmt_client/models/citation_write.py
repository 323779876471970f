from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.credibility_enum import CredibilityEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.citation_write_source_type_1 import CitationWriteSourceType1





T = TypeVar("T", bound="CitationWrite")



@_attrs_define
class CitationWrite:
    """ A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines).

        Attributes:
            source (CitationWriteSourceType1 | int):
            claim (str): The passage or claim this source supports.
            id (int | Unset): The line's id as read. Leave it out for a new line.
            locator (str | Unset): Where in the source: page, paragraph, timestamp.
            credibility (CredibilityEnum | Unset): * `1` - 1 – confirmed by other sources
                * `2` - 2 – probably true
                * `3` - 3 – possibly true
                * `4` - 4 – doubtful
                * `5` - 5 – improbable
                * `6` - 6 – truth cannot be judged
            in_release (bool | Unset): Readers of the releasable text see this citation with it.
     """

    source: CitationWriteSourceType1 | int
    claim: str
    id: int | Unset = UNSET
    locator: str | Unset = UNSET
    credibility: CredibilityEnum | Unset = UNSET
    in_release: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation_write_source_type_1 import CitationWriteSourceType1 # noqa: PLC0415
        source: dict[str, Any] | int
        if isinstance(self.source, CitationWriteSourceType1):
            source = self.source.to_dict()
        else:
            source = self.source

        claim = self.claim

        id = self.id

        locator = self.locator

        credibility: int | Unset = UNSET
        if not isinstance(self.credibility, Unset):
            credibility = self.credibility.value


        in_release = self.in_release


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "source": source,
            "claim": claim,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if locator is not UNSET:
            field_dict["locator"] = locator
        if credibility is not UNSET:
            field_dict["credibility"] = credibility
        if in_release is not UNSET:
            field_dict["in_release"] = in_release

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_write_source_type_1 import CitationWriteSourceType1 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_source(data: object) -> CitationWriteSourceType1 | int:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_1 = CitationWriteSourceType1.from_dict(data)



                return source_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CitationWriteSourceType1 | int, data)

        source = _parse_source(d.pop("source"))


        claim = d.pop("claim")

        id = d.pop("id", UNSET)

        locator = d.pop("locator", UNSET)

        _credibility = d.pop("credibility", UNSET)
        credibility: CredibilityEnum | Unset
        if isinstance(_credibility,  Unset):
            credibility = UNSET
        else:
            credibility = CredibilityEnum(_credibility)




        in_release = d.pop("in_release", UNSET)

        citation_write = cls(
            source=source,
            claim=claim,
            id=id,
            locator=locator,
            credibility=credibility,
            in_release=in_release,
        )


        citation_write.additional_properties = d
        return citation_write

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
