from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_state_enum import DeliveryStateEnum
from ..models.webhook_event_enum import WebhookEventEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attempt import Attempt





T = TypeVar("T", bound="Delivery")



@_attrs_define
class Delivery:
    """ 
        Attributes:
            id (int):
            message_id (str):
            event (WebhookEventEnum): * `incident.entered` - An incident entered my view
                * `incident.changed` - An incident I see changed
                * `incident.left` - An incident left my view
                * `report.published` - A report I may read was published
                * `search.matched` - An incident newly matches a saved search I follow
                * `feed.resync` - What I may see changed: rebuild my copy
            reference (str): The incident's reference or the report's symbol.
            position (int | None): The change feed's position, for incident events.
            created_at (datetime.datetime):
            state (DeliveryStateEnum): * `pending` - Waiting to be sent
                * `delivered` - Delivered
                * `failed` - Failed
                * `cancelled` - Not sent
            attempts (int): Attempts since it was made, or since it was last sent again.
            next_attempt_at (datetime.datetime | None):
            delivered_at (datetime.datetime | None):
            outcome (str):
            attempt_log (list[Attempt]):
     """

    id: int
    message_id: str
    event: WebhookEventEnum
    reference: str
    position: int | None
    created_at: datetime.datetime
    state: DeliveryStateEnum
    attempts: int
    next_attempt_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    outcome: str
    attempt_log: list[Attempt]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt import Attempt # noqa: PLC0415
        id = self.id

        message_id = self.message_id

        event = self.event.value

        reference = self.reference

        position: int | None
        position = self.position

        created_at = self.created_at.isoformat()

        state = self.state.value

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        outcome = self.outcome

        attempt_log = []
        for attempt_log_item_data in self.attempt_log:
            attempt_log_item = attempt_log_item_data.to_dict()
            attempt_log.append(attempt_log_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "message_id": message_id,
            "event": event,
            "reference": reference,
            "position": position,
            "created_at": created_at,
            "state": state,
            "attempts": attempts,
            "next_attempt_at": next_attempt_at,
            "delivered_at": delivered_at,
            "outcome": outcome,
            "attempt_log": attempt_log,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt import Attempt # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        message_id = d.pop("message_id")

        event = WebhookEventEnum(d.pop("event"))




        reference = d.pop("reference")

        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        state = DeliveryStateEnum(d.pop("state"))




        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        outcome = d.pop("outcome")

        attempt_log = []
        _attempt_log = d.pop("attempt_log")
        for attempt_log_item_data in (_attempt_log):
            attempt_log_item = Attempt.from_dict(attempt_log_item_data)



            attempt_log.append(attempt_log_item)


        delivery = cls(
            id=id,
            message_id=message_id,
            event=event,
            reference=reference,
            position=position,
            created_at=created_at,
            state=state,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            delivered_at=delivered_at,
            outcome=outcome,
            attempt_log=attempt_log,
        )


        delivery.additional_properties = d
        return delivery

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
