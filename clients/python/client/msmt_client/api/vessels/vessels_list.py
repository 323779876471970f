from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.paginated_vessel_list import PaginatedVesselList
from ...models.vessels_list_format import VesselsListFormat
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    format_: VesselsListFormat | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vessels/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedVesselList | None:
    if response.status_code == 200:
        response_200 = PaginatedVesselList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedVesselList]:
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
    format_: VesselsListFormat | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[Error | PaginatedVesselList]:
    """  Vessels the caller may see, with their particulars, flag and name history, owners,
    port calls, AIS periods and ship-to-ship transfers: each record only when the caller
    may see every record it names (cases.visibility.referring_condition). As FtM, with
    their owners, managers and operators (cases.ftm.vessel_proxies).

    Args:
        cursor (str | Unset):
        format_ (VesselsListFormat | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedVesselList]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
format_=format_,
page_size=page_size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    format_: VesselsListFormat | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Error | PaginatedVesselList | None:
    """  Vessels the caller may see, with their particulars, flag and name history, owners,
    port calls, AIS periods and ship-to-ship transfers: each record only when the caller
    may see every record it names (cases.visibility.referring_condition). As FtM, with
    their owners, managers and operators (cases.ftm.vessel_proxies).

    Args:
        cursor (str | Unset):
        format_ (VesselsListFormat | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedVesselList
     """


    return sync_detailed(
        client=client,
cursor=cursor,
format_=format_,
page_size=page_size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    format_: VesselsListFormat | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[Error | PaginatedVesselList]:
    """  Vessels the caller may see, with their particulars, flag and name history, owners,
    port calls, AIS periods and ship-to-ship transfers: each record only when the caller
    may see every record it names (cases.visibility.referring_condition). As FtM, with
    their owners, managers and operators (cases.ftm.vessel_proxies).

    Args:
        cursor (str | Unset):
        format_ (VesselsListFormat | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedVesselList]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
format_=format_,
page_size=page_size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    format_: VesselsListFormat | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Error | PaginatedVesselList | None:
    """  Vessels the caller may see, with their particulars, flag and name history, owners,
    port calls, AIS periods and ship-to-ship transfers: each record only when the caller
    may see every record it names (cases.visibility.referring_condition). As FtM, with
    their owners, managers and operators (cases.ftm.vessel_proxies).

    Args:
        cursor (str | Unset):
        format_ (VesselsListFormat | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedVesselList
     """


    return (await asyncio_detailed(
        client=client,
cursor=cursor,
format_=format_,
page_size=page_size,

    )).parsed
