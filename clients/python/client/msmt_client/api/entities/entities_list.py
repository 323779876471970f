from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country_enum import CountryEnum
from ...models.entities_list_format import EntitiesListFormat
from ...models.entities_list_kind_item import EntitiesListKindItem
from ...models.error import Error
from ...models.paginated_entity_record_list import PaginatedEntityRecordList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    country: CountryEnum | Unset = UNSET,
    cursor: str | Unset = UNSET,
    designated_national: bool | Unset = UNSET,
    designated_un: bool | Unset = UNSET,
    format_: EntitiesListFormat | Unset = UNSET,
    kind: list[EntitiesListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    params["cursor"] = cursor

    params["designated_national"] = designated_national

    params["designated_un"] = designated_un

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    params["page_size"] = page_size

    params["q"] = q

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/entities/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedEntityRecordList | None:
    if response.status_code == 200:
        response_200 = PaginatedEntityRecordList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedEntityRecordList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    country: CountryEnum | Unset = UNSET,
    cursor: str | Unset = UNSET,
    designated_national: bool | Unset = UNSET,
    designated_un: bool | Unset = UNSET,
    format_: EntitiesListFormat | Unset = UNSET,
    kind: list[EntitiesListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[Error | PaginatedEntityRecordList]:
    """  Entities the caller may see: those in incidents they see (and, for a team member,
    their own and the team's reference records).

    Args:
        country (CountryEnum | Unset):
        cursor (str | Unset):
        designated_national (bool | Unset):
        designated_un (bool | Unset):
        format_ (EntitiesListFormat | Unset):
        kind (list[EntitiesListKindItem] | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedEntityRecordList]
     """


    kwargs = _get_kwargs(
        country=country,
cursor=cursor,
designated_national=designated_national,
designated_un=designated_un,
format_=format_,
kind=kind,
page_size=page_size,
q=q,
updated_since=updated_since,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    country: CountryEnum | Unset = UNSET,
    cursor: str | Unset = UNSET,
    designated_national: bool | Unset = UNSET,
    designated_un: bool | Unset = UNSET,
    format_: EntitiesListFormat | Unset = UNSET,
    kind: list[EntitiesListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Error | PaginatedEntityRecordList | None:
    """  Entities the caller may see: those in incidents they see (and, for a team member,
    their own and the team's reference records).

    Args:
        country (CountryEnum | Unset):
        cursor (str | Unset):
        designated_national (bool | Unset):
        designated_un (bool | Unset):
        format_ (EntitiesListFormat | Unset):
        kind (list[EntitiesListKindItem] | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedEntityRecordList
     """


    return sync_detailed(
        client=client,
country=country,
cursor=cursor,
designated_national=designated_national,
designated_un=designated_un,
format_=format_,
kind=kind,
page_size=page_size,
q=q,
updated_since=updated_since,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    country: CountryEnum | Unset = UNSET,
    cursor: str | Unset = UNSET,
    designated_national: bool | Unset = UNSET,
    designated_un: bool | Unset = UNSET,
    format_: EntitiesListFormat | Unset = UNSET,
    kind: list[EntitiesListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[Error | PaginatedEntityRecordList]:
    """  Entities the caller may see: those in incidents they see (and, for a team member,
    their own and the team's reference records).

    Args:
        country (CountryEnum | Unset):
        cursor (str | Unset):
        designated_national (bool | Unset):
        designated_un (bool | Unset):
        format_ (EntitiesListFormat | Unset):
        kind (list[EntitiesListKindItem] | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedEntityRecordList]
     """


    kwargs = _get_kwargs(
        country=country,
cursor=cursor,
designated_national=designated_national,
designated_un=designated_un,
format_=format_,
kind=kind,
page_size=page_size,
q=q,
updated_since=updated_since,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    country: CountryEnum | Unset = UNSET,
    cursor: str | Unset = UNSET,
    designated_national: bool | Unset = UNSET,
    designated_un: bool | Unset = UNSET,
    format_: EntitiesListFormat | Unset = UNSET,
    kind: list[EntitiesListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Error | PaginatedEntityRecordList | None:
    """  Entities the caller may see: those in incidents they see (and, for a team member,
    their own and the team's reference records).

    Args:
        country (CountryEnum | Unset):
        cursor (str | Unset):
        designated_national (bool | Unset):
        designated_un (bool | Unset):
        format_ (EntitiesListFormat | Unset):
        kind (list[EntitiesListKindItem] | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedEntityRecordList
     """


    return (await asyncio_detailed(
        client=client,
country=country,
cursor=cursor,
designated_national=designated_national,
designated_un=designated_un,
format_=format_,
kind=kind,
page_size=page_size,
q=q,
updated_since=updated_since,

    )).parsed
