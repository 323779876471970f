from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.incident import Incident
from ...models.step import Step
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    reference: str,
    *,
    body:    Step  |     Step  |     Step  | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/incidents/{reference}/withdraw/".format(reference=quote(str(reference), safe=""),),
    }

    if isinstance(body, Step):
        
        if not isinstance(body, Unset):
            _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, Step):
        if not isinstance(body, Unset):
            _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if isinstance(body, Step):
        if not isinstance(body, Unset):
            _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

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
    body:    Step  |     Step  |     Step  | Unset = UNSET,

) -> Response[Error | Incident]:
    """  Withdraw: from changes requested or draft or submitted for review to withdrawn. For the incident's
    author only.

    Args:
        reference (str):
        body (Step | Unset):
        body (Step | Unset):
        body (Step | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Incident]
     """


    kwargs = _get_kwargs(
        reference=reference,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    reference: str,
    *,
    client: AuthenticatedClient,
    body:    Step  |     Step  |     Step  | Unset = UNSET,

) -> Error | Incident | None:
    """  Withdraw: from changes requested or draft or submitted for review to withdrawn. For the incident's
    author only.

    Args:
        reference (str):
        body (Step | Unset):
        body (Step | Unset):
        body (Step | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Incident
     """


    return sync_detailed(
        reference=reference,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    reference: str,
    *,
    client: AuthenticatedClient,
    body:    Step  |     Step  |     Step  | Unset = UNSET,

) -> Response[Error | Incident]:
    """  Withdraw: from changes requested or draft or submitted for review to withdrawn. For the incident's
    author only.

    Args:
        reference (str):
        body (Step | Unset):
        body (Step | Unset):
        body (Step | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Incident]
     """


    kwargs = _get_kwargs(
        reference=reference,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    reference: str,
    *,
    client: AuthenticatedClient,
    body:    Step  |     Step  |     Step  | Unset = UNSET,

) -> Error | Incident | None:
    """  Withdraw: from changes requested or draft or submitted for review to withdrawn. For the incident's
    author only.

    Args:
        reference (str):
        body (Step | Unset):
        body (Step | Unset):
        body (Step | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Incident
     """


    return (await asyncio_detailed(
        reference=reference,
client=client,
body=body,

    )).parsed
