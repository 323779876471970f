from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.force_enum import ForceEnum
from ..models.verb_enum import VerbEnum
from ..models.verification_enum import VerificationEnum






T = TypeVar("T", bound="Provision")



@_attrs_define
class Provision:
    """ A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required.

        Attributes:
            key (str): Use as ?provision= on incidents.
            resolution (int):
            year (int):
            paragraph (str): Operative paragraph as written, e.g. 8(b) or 9.
            label (str):
            summary (str): The obligation in a sentence or two.
            verb (VerbEnum): * `decides` - Decides
                * `demands` - Demands
                * `calls_upon` - Calls upon
                * `other` - Other (clarifies, affirms, requests, expresses...)
            force (ForceEnum): * `binding` - Binding: can be breached
                * `hortatory` - Hortatory: a call, cited as context only
                * `institutional` - Institutional: sets up a body or task, context only
            verification (VerificationEnum): * `verified` - Number and content verified
                * `content_verified` - Content verified, number not yet verified
                * `unverified` - Not verified
     """

    key: str
    resolution: int
    year: int
    paragraph: str
    label: str
    summary: str
    verb: VerbEnum
    force: ForceEnum
    verification: VerificationEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key = self.key

        resolution = self.resolution

        year = self.year

        paragraph = self.paragraph

        label = self.label

        summary = self.summary

        verb = self.verb.value

        force = self.force.value

        verification = self.verification.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "resolution": resolution,
            "year": year,
            "paragraph": paragraph,
            "label": label,
            "summary": summary,
            "verb": verb,
            "force": force,
            "verification": verification,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        resolution = d.pop("resolution")

        year = d.pop("year")

        paragraph = d.pop("paragraph")

        label = d.pop("label")

        summary = d.pop("summary")

        verb = VerbEnum(d.pop("verb"))




        force = ForceEnum(d.pop("force"))




        verification = VerificationEnum(d.pop("verification"))




        provision = cls(
            key=key,
            resolution=resolution,
            year=year,
            paragraph=paragraph,
            label=label,
            summary=summary,
            verb=verb,
            force=force,
            verification=verification,
        )


        provision.additional_properties = d
        return provision

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
