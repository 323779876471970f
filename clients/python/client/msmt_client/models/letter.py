from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.letter_kind_enum import LetterKindEnum
from ..models.letter_state_enum import LetterStateEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.reminder import Reminder





T = TypeVar("T", bound="Letter")



@_attrs_define
class Letter:
    """ A letter at /api/v1/letters/ (the team's only): as its page shows it, with the
    incidents and entities it concerns that the reader may see; its files are on its
    page, not here.

        Attributes:
            id (int):
            reference (str): The team's reference on it, e.g. MSMT/L/2025/014.
            kind (LetterKindEnum): * `request` - Request for information
                * `letter` - Letter
            addressee (str):
            addressee_entity (int): The entity written to, if the addressee is one.
            subject (str):
            sent_on (datetime.date):
            deadline (datetime.date): The date by which a reply is asked.
            state (LetterStateEnum): * `awaiting` - Awaiting a reply
                * `overdue` - No reply by the deadline
                * `replied` - Replied
            author (str):
            incidents (list[str]): References of the incidents it concerns that you may see.
            entities (list[int]): Ids of the entities it concerns that you may see.
            text (str): The letter's text, or upload its file.
            has_file (bool):
            reminders (list[Reminder]):
            replied_on (datetime.date | None):
            reply_text (str):
            reply_has_file (bool):
            reply_summary (str): What the reply says, as a report states it after “In its reply of 3 March 2025, the State
                stated that”: e.g. “the vessel did not call at Rajin”.
            reply_publishable (bool): The sender agreed that the reply be reproduced in a report's annex.
            updated_at (datetime.datetime):
     """

    id: int
    reference: str
    kind: LetterKindEnum
    addressee: str
    addressee_entity: int
    subject: str
    sent_on: datetime.date
    deadline: datetime.date
    state: LetterStateEnum
    author: str
    incidents: list[str]
    entities: list[int]
    text: str
    has_file: bool
    reminders: list[Reminder]
    replied_on: datetime.date | None
    reply_text: str
    reply_has_file: bool
    reply_summary: str
    reply_publishable: bool
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reminder import Reminder # noqa: PLC0415
        id = self.id

        reference = self.reference

        kind = self.kind.value

        addressee = self.addressee

        addressee_entity = self.addressee_entity

        subject = self.subject

        sent_on = self.sent_on.isoformat()

        deadline = self.deadline.isoformat()

        state = self.state.value

        author = self.author

        incidents = self.incidents



        entities = self.entities



        text = self.text

        has_file = self.has_file

        reminders = []
        for reminders_item_data in self.reminders:
            reminders_item = reminders_item_data.to_dict()
            reminders.append(reminders_item)



        replied_on: None | str
        if isinstance(self.replied_on, datetime.date):
            replied_on = self.replied_on.isoformat()
        else:
            replied_on = self.replied_on

        reply_text = self.reply_text

        reply_has_file = self.reply_has_file

        reply_summary = self.reply_summary

        reply_publishable = self.reply_publishable

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "reference": reference,
            "kind": kind,
            "addressee": addressee,
            "addressee_entity": addressee_entity,
            "subject": subject,
            "sent_on": sent_on,
            "deadline": deadline,
            "state": state,
            "author": author,
            "incidents": incidents,
            "entities": entities,
            "text": text,
            "has_file": has_file,
            "reminders": reminders,
            "replied_on": replied_on,
            "reply_text": reply_text,
            "reply_has_file": reply_has_file,
            "reply_summary": reply_summary,
            "reply_publishable": reply_publishable,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reminder import Reminder # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        kind = LetterKindEnum(d.pop("kind"))




        addressee = d.pop("addressee")

        addressee_entity = d.pop("addressee_entity")

        subject = d.pop("subject")

        sent_on = datetime.date.fromisoformat(d.pop("sent_on"))




        deadline = datetime.date.fromisoformat(d.pop("deadline"))




        state = LetterStateEnum(d.pop("state"))




        author = d.pop("author")

        incidents = cast(list[str], d.pop("incidents"))


        entities = cast(list[int], d.pop("entities"))


        text = d.pop("text")

        has_file = d.pop("has_file")

        reminders = []
        _reminders = d.pop("reminders")
        for reminders_item_data in (_reminders):
            reminders_item = Reminder.from_dict(reminders_item_data)



            reminders.append(reminders_item)


        def _parse_replied_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replied_on_type_0 = datetime.date.fromisoformat(data)



                return replied_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        replied_on = _parse_replied_on(d.pop("replied_on"))


        reply_text = d.pop("reply_text")

        reply_has_file = d.pop("reply_has_file")

        reply_summary = d.pop("reply_summary")

        reply_publishable = d.pop("reply_publishable")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        letter = cls(
            id=id,
            reference=reference,
            kind=kind,
            addressee=addressee,
            addressee_entity=addressee_entity,
            subject=subject,
            sent_on=sent_on,
            deadline=deadline,
            state=state,
            author=author,
            incidents=incidents,
            entities=entities,
            text=text,
            has_file=has_file,
            reminders=reminders,
            replied_on=replied_on,
            reply_text=reply_text,
            reply_has_file=reply_has_file,
            reply_summary=reply_summary,
            reply_publishable=reply_publishable,
            updated_at=updated_at,
        )


        letter.additional_properties = d
        return letter

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
