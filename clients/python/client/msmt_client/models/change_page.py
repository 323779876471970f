from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.change import Change





T = TypeVar("T", bound="ChangePage")



@_attrs_define
class ChangePage:
    """ 
        Attributes:
            next_ (str): Where to ask next, as given (it carries your cursor and your view); the same cursor when nothing is
                new.
            has_more (bool): Whether more changes follow now: ask `next` again at once. False: you are up to date. A page is
                never empty while more follows.
            results (list[Change]):
     """

    next_: str
    has_more: bool
    results: list[Change]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change import Change # noqa: PLC0415
        next_ = self.next_

        has_more = self.has_more

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "next": next_,
            "has_more": has_more,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change import Change # noqa: PLC0415
        d = dict(src_dict)
        next_ = d.pop("next")

        has_more = d.pop("has_more")

        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = Change.from_dict(results_item_data)



            results.append(results_item)


        change_page = cls(
            next_=next_,
            has_more=has_more,
            results=results,
        )


        change_page.additional_properties = d
        return change_page

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
