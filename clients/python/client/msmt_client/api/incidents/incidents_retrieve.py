from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.incident import Incident
from ...models.incidents_retrieve_format import IncidentsRetrieveFormat
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    reference: str,
    *,
    format_: IncidentsRetrieveFormat | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/incidents/{reference}/".format(reference=quote(str(reference), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Incident | None:
    if response.status_code == 200:
        response_200 = Incident.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Incident]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reference: str,
    *,
    client: AuthenticatedClient,
    format_: IncidentsRetrieveFormat | Unset = UNSET,

) -> Response[Error | Incident]:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        reference (str):
        format_ (IncidentsRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Incident]
     """


    kwargs = _get_kwargs(
        reference=reference,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    reference: str,
    *,
    client: AuthenticatedClient,
    format_: IncidentsRetrieveFormat | Unset = UNSET,

) -> Error | Incident | None:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        reference (str):
        format_ (IncidentsRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Incident
     """


    return sync_detailed(
        reference=reference,
client=client,
format_=format_,

    ).parsed

async def asyncio_detailed(
    reference: str,
    *,
    client: AuthenticatedClient,
    format_: IncidentsRetrieveFormat | Unset = UNSET,

) -> Response[Error | Incident]:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        reference (str):
        format_ (IncidentsRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Incident]
     """


    kwargs = _get_kwargs(
        reference=reference,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    reference: str,
    *,
    client: AuthenticatedClient,
    format_: IncidentsRetrieveFormat | Unset = UNSET,

) -> Error | Incident | None:
    """  Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow).

    Args:
        reference (str):
        format_ (IncidentsRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Incident
     """


    return (await asyncio_detailed(
        reference=reference,
client=client,
format_=format_,

    )).parsed
