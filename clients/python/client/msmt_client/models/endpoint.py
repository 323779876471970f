from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.subscribable_event_enum import SubscribableEventEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Endpoint")



@_attrs_define
class Endpoint:
    """ 
        Attributes:
            id (int):
            name (str): What it is for, e.g. production mirror.
            url (str): Where to send events: an https:// address.
            events (list[SubscribableEventEnum]): What to send. Endpoints that follow incidents are also sent feed.resync.
            secret (str): Check each delivery's webhook-signature with it.
            created_at (datetime.datetime):
            is_active (bool | Unset): A paused endpoint is sent nothing; when it resumes, it is told to rebuild its copy
                (feed.resync).
     """

    id: int
    name: str
    url: str
    events: list[SubscribableEventEnum]
    secret: str
    created_at: datetime.datetime
    is_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        secret = self.secret

        created_at = self.created_at.isoformat()

        is_active = self.is_active


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "url": url,
            "events": events,
            "secret": secret,
            "created_at": created_at,
        })
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("id", (None, str(self.id).encode(), "text/plain")))



        files.append(("name", (None, str(self.name).encode(), "text/plain")))



        files.append(("url", (None, str(self.url).encode(), "text/plain")))



        for events_item_element in self.events:
            files.append(("events",  (None, str(events_item_element.value).encode(), "text/plain")))




        files.append(("secret", (None, str(self.secret).encode(), "text/plain")))



        files.append(("created_at", (None, self.created_at.isoformat().encode(), "text/plain")))



        if not isinstance(self.is_active, Unset):
            files.append(("is_active", (None, str(self.is_active).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = SubscribableEventEnum(events_item_data)



            events.append(events_item)


        secret = d.pop("secret")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        is_active = d.pop("is_active", UNSET)

        endpoint = cls(
            id=id,
            name=name,
            url=url,
            events=events,
            secret=secret,
            created_at=created_at,
            is_active=is_active,
        )


        endpoint.additional_properties = d
        return endpoint

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
