from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.change_page import ChangePage
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    after: int | Unset = 0,
    page_size: int | Unset = 100,
    view: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["after"] = after

    params["page_size"] = page_size

    params["view"] = view


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePage | Error | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChangePage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    page_size: int | Unset = 100,
    view: str | Unset = UNSET,

) -> Response[ChangePage | Error]:
    """  Every incident that entered, changed in or left your view, in order, so that a
    mirror stays exact. Start with `?after=0`; store each `upsert` (the incident as you
    see it now), delete each `removed`, and on a `resync` replace your whole mirror with
    the listing (`/api/v1/incidents/`, every page) before going on. Then ask again at the
    `next` address, as given; when `has_more` is false you are up to date (a page is
    never empty while more follows). A `resync` comes when what you may see changed for
    a reason outside the incidents (your clearance, organisation or role, or the rules
    themselves), or when a cursor is asked without the `view` that `next` carries.
    Changes to incidents you were never allowed to see are never announced.

    Args:
        after (int | Unset):  Default: 0.
        page_size (int | Unset):  Default: 100.
        view (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Error]
     """


    kwargs = _get_kwargs(
        after=after,
page_size=page_size,
view=view,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    page_size: int | Unset = 100,
    view: str | Unset = UNSET,

) -> ChangePage | Error | None:
    """  Every incident that entered, changed in or left your view, in order, so that a
    mirror stays exact. Start with `?after=0`; store each `upsert` (the incident as you
    see it now), delete each `removed`, and on a `resync` replace your whole mirror with
    the listing (`/api/v1/incidents/`, every page) before going on. Then ask again at the
    `next` address, as given; when `has_more` is false you are up to date (a page is
    never empty while more follows). A `resync` comes when what you may see changed for
    a reason outside the incidents (your clearance, organisation or role, or the rules
    themselves), or when a cursor is asked without the `view` that `next` carries.
    Changes to incidents you were never allowed to see are never announced.

    Args:
        after (int | Unset):  Default: 0.
        page_size (int | Unset):  Default: 100.
        view (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Error
     """


    return sync_detailed(
        client=client,
after=after,
page_size=page_size,
view=view,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    page_size: int | Unset = 100,
    view: str | Unset = UNSET,

) -> Response[ChangePage | Error]:
    """  Every incident that entered, changed in or left your view, in order, so that a
    mirror stays exact. Start with `?after=0`; store each `upsert` (the incident as you
    see it now), delete each `removed`, and on a `resync` replace your whole mirror with
    the listing (`/api/v1/incidents/`, every page) before going on. Then ask again at the
    `next` address, as given; when `has_more` is false you are up to date (a page is
    never empty while more follows). A `resync` comes when what you may see changed for
    a reason outside the incidents (your clearance, organisation or role, or the rules
    themselves), or when a cursor is asked without the `view` that `next` carries.
    Changes to incidents you were never allowed to see are never announced.

    Args:
        after (int | Unset):  Default: 0.
        page_size (int | Unset):  Default: 100.
        view (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Error]
     """


    kwargs = _get_kwargs(
        after=after,
page_size=page_size,
view=view,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    page_size: int | Unset = 100,
    view: str | Unset = UNSET,

) -> ChangePage | Error | None:
    """  Every incident that entered, changed in or left your view, in order, so that a
    mirror stays exact. Start with `?after=0`; store each `upsert` (the incident as you
    see it now), delete each `removed`, and on a `resync` replace your whole mirror with
    the listing (`/api/v1/incidents/`, every page) before going on. Then ask again at the
    `next` address, as given; when `has_more` is false you are up to date (a page is
    never empty while more follows). A `resync` comes when what you may see changed for
    a reason outside the incidents (your clearance, organisation or role, or the rules
    themselves), or when a cursor is asked without the `view` that `next` carries.
    Changes to incidents you were never allowed to see are never announced.

    Args:
        after (int | Unset):  Default: 0.
        page_size (int | Unset):  Default: 100.
        view (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Error
     """


    return (await asyncio_detailed(
        client=client,
after=after,
page_size=page_size,
view=view,

    )).parsed
