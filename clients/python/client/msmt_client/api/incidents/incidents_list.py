from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country_enum import CountryEnum
from ...models.error import Error
from ...models.incidents_list_format import IncidentsListFormat
from ...models.incidents_list_ordering import IncidentsListOrdering
from ...models.incidents_list_sharing_level_item import IncidentsListSharingLevelItem
from ...models.incidents_list_status_item import IncidentsListStatusItem
from ...models.paginated_incident_list import PaginatedIncidentList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    destination: CountryEnum | Unset = UNSET,
    entity: int | Unset = UNSET,
    format_: IncidentsListFormat | Unset = UNSET,
    imo: str | Unset = UNSET,
    occurred_after: datetime.date | Unset = UNSET,
    occurred_before: datetime.date | Unset = UNSET,
    ordering: IncidentsListOrdering | Unset = UNSET,
    origin: CountryEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    provision: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sharing_level: list[IncidentsListSharingLevelItem] | Unset = UNSET,
    state: CountryEnum | Unset = UNSET,
    status: list[IncidentsListStatusItem] | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    json_destination: str | Unset = UNSET
    if not isinstance(destination, Unset):
        json_destination = destination.value

    params["destination"] = json_destination

    params["entity"] = entity

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["imo"] = imo

    json_occurred_after: str | Unset = UNSET
    if not isinstance(occurred_after, Unset):
        json_occurred_after = occurred_after.isoformat()
    params["occurred_after"] = json_occurred_after

    json_occurred_before: str | Unset = UNSET
    if not isinstance(occurred_before, Unset):
        json_occurred_before = occurred_before.isoformat()
    params["occurred_before"] = json_occurred_before

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    json_origin: str | Unset = UNSET
    if not isinstance(origin, Unset):
        json_origin = origin.value

    params["origin"] = json_origin

    params["page_size"] = page_size

    params["provision"] = provision

    params["q"] = q

    params["reference"] = reference

    json_sharing_level: list[str] | Unset = UNSET
    if not isinstance(sharing_level, Unset):
        json_sharing_level = []
        for sharing_level_item_data in sharing_level:
            sharing_level_item = sharing_level_item_data.value
            json_sharing_level.append(sharing_level_item)


    params["sharing_level"] = json_sharing_level

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_


    params["type"] = json_type_

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/incidents/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedIncidentList | None:
    if response.status_code == 200:
        response_200 = PaginatedIncidentList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedIncidentList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    destination: CountryEnum | Unset = UNSET,
    entity: int | Unset = UNSET,
    format_: IncidentsListFormat | Unset = UNSET,
    imo: str | Unset = UNSET,
    occurred_after: datetime.date | Unset = UNSET,
    occurred_before: datetime.date | Unset = UNSET,
    ordering: IncidentsListOrdering | Unset = UNSET,
    origin: CountryEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    provision: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sharing_level: list[IncidentsListSharingLevelItem] | Unset = UNSET,
    state: CountryEnum | Unset = UNSET,
    status: list[IncidentsListStatusItem] | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[Error | PaginatedIncidentList]:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        cursor (str | Unset):
        destination (CountryEnum | Unset):
        entity (int | Unset):
        format_ (IncidentsListFormat | Unset):
        imo (str | Unset):
        occurred_after (datetime.date | Unset):
        occurred_before (datetime.date | Unset):
        ordering (IncidentsListOrdering | Unset):
        origin (CountryEnum | Unset):
        page_size (int | Unset):
        provision (str | Unset):
        q (str | Unset):
        reference (str | Unset):
        sharing_level (list[IncidentsListSharingLevelItem] | Unset):
        state (CountryEnum | Unset):
        status (list[IncidentsListStatusItem] | Unset):
        type_ (list[str] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedIncidentList]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
destination=destination,
entity=entity,
format_=format_,
imo=imo,
occurred_after=occurred_after,
occurred_before=occurred_before,
ordering=ordering,
origin=origin,
page_size=page_size,
provision=provision,
q=q,
reference=reference,
sharing_level=sharing_level,
state=state,
status=status,
type_=type_,
updated_since=updated_since,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    destination: CountryEnum | Unset = UNSET,
    entity: int | Unset = UNSET,
    format_: IncidentsListFormat | Unset = UNSET,
    imo: str | Unset = UNSET,
    occurred_after: datetime.date | Unset = UNSET,
    occurred_before: datetime.date | Unset = UNSET,
    ordering: IncidentsListOrdering | Unset = UNSET,
    origin: CountryEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    provision: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sharing_level: list[IncidentsListSharingLevelItem] | Unset = UNSET,
    state: CountryEnum | Unset = UNSET,
    status: list[IncidentsListStatusItem] | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Error | PaginatedIncidentList | None:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        cursor (str | Unset):
        destination (CountryEnum | Unset):
        entity (int | Unset):
        format_ (IncidentsListFormat | Unset):
        imo (str | Unset):
        occurred_after (datetime.date | Unset):
        occurred_before (datetime.date | Unset):
        ordering (IncidentsListOrdering | Unset):
        origin (CountryEnum | Unset):
        page_size (int | Unset):
        provision (str | Unset):
        q (str | Unset):
        reference (str | Unset):
        sharing_level (list[IncidentsListSharingLevelItem] | Unset):
        state (CountryEnum | Unset):
        status (list[IncidentsListStatusItem] | Unset):
        type_ (list[str] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedIncidentList
     """


    return sync_detailed(
        client=client,
cursor=cursor,
destination=destination,
entity=entity,
format_=format_,
imo=imo,
occurred_after=occurred_after,
occurred_before=occurred_before,
ordering=ordering,
origin=origin,
page_size=page_size,
provision=provision,
q=q,
reference=reference,
sharing_level=sharing_level,
state=state,
status=status,
type_=type_,
updated_since=updated_since,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    destination: CountryEnum | Unset = UNSET,
    entity: int | Unset = UNSET,
    format_: IncidentsListFormat | Unset = UNSET,
    imo: str | Unset = UNSET,
    occurred_after: datetime.date | Unset = UNSET,
    occurred_before: datetime.date | Unset = UNSET,
    ordering: IncidentsListOrdering | Unset = UNSET,
    origin: CountryEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    provision: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sharing_level: list[IncidentsListSharingLevelItem] | Unset = UNSET,
    state: CountryEnum | Unset = UNSET,
    status: list[IncidentsListStatusItem] | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[Error | PaginatedIncidentList]:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        cursor (str | Unset):
        destination (CountryEnum | Unset):
        entity (int | Unset):
        format_ (IncidentsListFormat | Unset):
        imo (str | Unset):
        occurred_after (datetime.date | Unset):
        occurred_before (datetime.date | Unset):
        ordering (IncidentsListOrdering | Unset):
        origin (CountryEnum | Unset):
        page_size (int | Unset):
        provision (str | Unset):
        q (str | Unset):
        reference (str | Unset):
        sharing_level (list[IncidentsListSharingLevelItem] | Unset):
        state (CountryEnum | Unset):
        status (list[IncidentsListStatusItem] | Unset):
        type_ (list[str] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedIncidentList]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
destination=destination,
entity=entity,
format_=format_,
imo=imo,
occurred_after=occurred_after,
occurred_before=occurred_before,
ordering=ordering,
origin=origin,
page_size=page_size,
provision=provision,
q=q,
reference=reference,
sharing_level=sharing_level,
state=state,
status=status,
type_=type_,
updated_since=updated_since,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    destination: CountryEnum | Unset = UNSET,
    entity: int | Unset = UNSET,
    format_: IncidentsListFormat | Unset = UNSET,
    imo: str | Unset = UNSET,
    occurred_after: datetime.date | Unset = UNSET,
    occurred_before: datetime.date | Unset = UNSET,
    ordering: IncidentsListOrdering | Unset = UNSET,
    origin: CountryEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    provision: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sharing_level: list[IncidentsListSharingLevelItem] | Unset = UNSET,
    state: CountryEnum | Unset = UNSET,
    status: list[IncidentsListStatusItem] | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Error | PaginatedIncidentList | None:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        cursor (str | Unset):
        destination (CountryEnum | Unset):
        entity (int | Unset):
        format_ (IncidentsListFormat | Unset):
        imo (str | Unset):
        occurred_after (datetime.date | Unset):
        occurred_before (datetime.date | Unset):
        ordering (IncidentsListOrdering | Unset):
        origin (CountryEnum | Unset):
        page_size (int | Unset):
        provision (str | Unset):
        q (str | Unset):
        reference (str | Unset):
        sharing_level (list[IncidentsListSharingLevelItem] | Unset):
        state (CountryEnum | Unset):
        status (list[IncidentsListStatusItem] | Unset):
        type_ (list[str] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedIncidentList
     """


    return (await asyncio_detailed(
        client=client,
cursor=cursor,
destination=destination,
entity=entity,
format_=format_,
imo=imo,
occurred_after=occurred_after,
occurred_before=occurred_before,
ordering=ordering,
origin=origin,
page_size=page_size,
provision=provision,
q=q,
reference=reference,
sharing_level=sharing_level,
state=state,
status=status,
type_=type_,
updated_since=updated_since,

    )).parsed
