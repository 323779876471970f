from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_enum import AttributionEnum
from ..models.blank_enum import BlankEnum
from ..models.country_enum import CountryEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ContributionWrite")



@_attrs_define
class ContributionWrite:
    """ A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines).

        Attributes:
            state (BlankEnum | CountryEnum): The participating state's ISO 3166 code.
            id (int | Unset): The line's id as read. Leave it out for a new line.
            attribution (AttributionEnum | Unset): * `named` - May be named
                * `participating_state` - Cite only as "a participating state"
                * `internal_only` - Not to be cited outside the team
     """

    state: BlankEnum | CountryEnum
    id: int | Unset = UNSET
    attribution: AttributionEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        state: str
        if isinstance(self.state, CountryEnum):
            state = self.state.value
        else:
            state = self.state.value


        id = self.id

        attribution: str | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "state": state,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if attribution is not UNSET:
            field_dict["attribution"] = attribution

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_state(data: object) -> BlankEnum | CountryEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = CountryEnum(data)



                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            state_type_1 = BlankEnum(data)



            return state_type_1

        state = _parse_state(d.pop("state"))


        id = d.pop("id", UNSET)

        _attribution = d.pop("attribution", UNSET)
        attribution: AttributionEnum | Unset
        if isinstance(_attribution,  Unset):
            attribution = UNSET
        else:
            attribution = AttributionEnum(_attribution)




        contribution_write = cls(
            state=state,
            id=id,
            attribution=attribution,
        )


        contribution_write.additional_properties = d
        return contribution_write

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
