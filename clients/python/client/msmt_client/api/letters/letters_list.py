from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.letters_list_kind_item import LettersListKindItem
from ...models.letters_list_state import LettersListState
from ...models.paginated_letter_list import PaginatedLetterList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    kind: list[LettersListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    state: LettersListState | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    params["page_size"] = page_size

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/letters/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedLetterList | None:
    if response.status_code == 200:
        response_200 = PaginatedLetterList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedLetterList]:
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
    kind: list[LettersListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    state: LettersListState | Unset = UNSET,

) -> Response[Error | PaginatedLetterList]:
    """  The team's letters and replies, filtered as on /letters/ (`state`, `kind`); the
    newest first. Partners are refused.

    Args:
        cursor (str | Unset):
        kind (list[LettersListKindItem] | Unset):
        page_size (int | Unset):
        state (LettersListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLetterList]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
kind=kind,
page_size=page_size,
state=state,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    kind: list[LettersListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    state: LettersListState | Unset = UNSET,

) -> Error | PaginatedLetterList | None:
    """  The team's letters and replies, filtered as on /letters/ (`state`, `kind`); the
    newest first. Partners are refused.

    Args:
        cursor (str | Unset):
        kind (list[LettersListKindItem] | Unset):
        page_size (int | Unset):
        state (LettersListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLetterList
     """


    return sync_detailed(
        client=client,
cursor=cursor,
kind=kind,
page_size=page_size,
state=state,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    kind: list[LettersListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    state: LettersListState | Unset = UNSET,

) -> Response[Error | PaginatedLetterList]:
    """  The team's letters and replies, filtered as on /letters/ (`state`, `kind`); the
    newest first. Partners are refused.

    Args:
        cursor (str | Unset):
        kind (list[LettersListKindItem] | Unset):
        page_size (int | Unset):
        state (LettersListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLetterList]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
kind=kind,
page_size=page_size,
state=state,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    kind: list[LettersListKindItem] | Unset = UNSET,
    page_size: int | Unset = UNSET,
    state: LettersListState | Unset = UNSET,

) -> Error | PaginatedLetterList | None:
    """  The team's letters and replies, filtered as on /letters/ (`state`, `kind`); the
    newest first. Partners are refused.

    Args:
        cursor (str | Unset):
        kind (list[LettersListKindItem] | Unset):
        page_size (int | Unset):
        state (LettersListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLetterList
     """


    return (await asyncio_detailed(
        client=client,
cursor=cursor,
kind=kind,
page_size=page_size,
state=state,

    )).parsed
