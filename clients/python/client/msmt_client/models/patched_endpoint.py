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






T = TypeVar("T", bound="PatchedEndpoint")



@_attrs_define
class PatchedEndpoint:
    """ 
        Attributes:
            id (int | Unset):
            name (str | Unset): What it is for, e.g. production mirror.
            url (str | Unset): Where to send events: an https:// address.
            events (list[SubscribableEventEnum] | Unset): What to send. Endpoints that follow incidents are also sent
                feed.resync.
            is_active (bool | Unset): A paused endpoint is sent nothing; when it resumes, it is told to rebuild its copy
                (feed.resync).
            secret (str | Unset): Check each delivery's webhook-signature with it.
            created_at (datetime.datetime | Unset):
     """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    url: str | Unset = UNSET
    events: list[SubscribableEventEnum] | Unset = UNSET
    is_active: bool | Unset = UNSET
    secret: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)



        is_active = self.is_active

        secret = self.secret

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if secret is not UNSET:
            field_dict["secret"] = secret
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.id, Unset):
            files.append(("id", (None, str(self.id).encode(), "text/plain")))



        if not isinstance(self.name, Unset):
            files.append(("name", (None, str(self.name).encode(), "text/plain")))



        if not isinstance(self.url, Unset):
            files.append(("url", (None, str(self.url).encode(), "text/plain")))



        if not isinstance(self.events, Unset):
            for events_item_element in self.events:
                files.append(("events",  (None, str(events_item_element.value).encode(), "text/plain")))




        if not isinstance(self.is_active, Unset):
            files.append(("is_active", (None, str(self.is_active).encode(), "text/plain")))



        if not isinstance(self.secret, Unset):
            files.append(("secret", (None, str(self.secret).encode(), "text/plain")))



        if not isinstance(self.created_at, Unset):
            files.append(("created_at", (None, self.created_at.isoformat().encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        url = d.pop("url", UNSET)

        _events = d.pop("events", UNSET)
        events: list[SubscribableEventEnum] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = SubscribableEventEnum(events_item_data)



                events.append(events_item)


        is_active = d.pop("is_active", UNSET)

        secret = d.pop("secret", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        patched_endpoint = cls(
            id=id,
            name=name,
            url=url,
            events=events,
            is_active=is_active,
            secret=secret,
            created_at=created_at,
        )


        patched_endpoint.additional_properties = d
        return patched_endpoint

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
