"""A user's webhook endpoints at /account/webhooks/: register, change, pause or resume
one, give it a new secret, and read its delivery log and send a delivery again. The
rules are webhooks.delivery's; these pages only ask."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.requests import SignedInRequest
from webhooks import delivery, tasks
from webhooks.forms import EndpointForm
from webhooks.models import Delivery, Endpoint

# The latest deliveries an endpoint's page shows; the API pages through them all.
LOG_LENGTH = 50


@login_required
def endpoint_list(request: SignedInRequest) -> HttpResponse:
    form = EndpointForm(request.POST or None, instance=Endpoint(owner=request.user))
    # The form checks what Endpoint.clean does; saving starts the endpoint at the feed's
    # present position.
    if request.method == "POST" and form.is_valid():
        delivery.save(form.instance)
        messages.success(request, f"Endpoint {form.instance} registered.")
        return redirect("webhooks:detail", pk=form.instance.pk)
    endpoints = request.user.webhook_endpoints.all()
    return render(request, "webhooks/endpoint_list.html", {"form": form, "endpoints": endpoints})


@login_required
def endpoint_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(request.user.webhook_endpoints, pk=pk)
    form = EndpointForm(request.POST or None, instance=endpoint)
    if request.method == "POST" and form.is_valid():
        delivery.save(form.instance)
        messages.success(request, f"Endpoint {endpoint} saved.")
        return redirect("webhooks:detail", pk=endpoint.pk)
    log = endpoint.deliveries.prefetch_related("attempt_log")[:LOG_LENGTH]
    return render(
        request, "webhooks/endpoint_detail.html", {"endpoint": endpoint, "form": form, "log": log}
    )


@require_POST
@login_required
def endpoint_pause(request: SignedInRequest, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(request.user.webhook_endpoints, pk=pk)
    delivery.pause(endpoint)
    messages.success(request, f"Endpoint {endpoint} paused: nothing is sent to it.")
    return redirect("webhooks:detail", pk=pk)


@require_POST
@login_required
def endpoint_resume(request: SignedInRequest, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(request.user.webhook_endpoints, pk=pk)
    try:
        tasks.send_all(delivery.resume(endpoint))
    except ValidationError as error:
        messages.error(request, f"Not resumed: {error.messages[0]}")
    else:
        messages.success(request, f"Endpoint {endpoint} resumed.")
    return redirect("webhooks:detail", pk=pk)


@require_POST
@login_required
def endpoint_rotate_secret(request: SignedInRequest, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(request.user.webhook_endpoints, pk=pk)
    delivery.rotate_secret(endpoint)
    messages.success(request, "New secret made: deliveries are signed with it from now on.")
    return redirect("webhooks:detail", pk=pk)


@require_POST
@login_required
def endpoint_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(request.user.webhook_endpoints, pk=pk)
    endpoint.delete()
    messages.success(request, f"Endpoint {endpoint} deleted, with its delivery log.")
    return redirect("webhooks:list")


@require_POST
@login_required
def delivery_replay(request: SignedInRequest, pk: int) -> HttpResponse:
    sent = get_object_or_404(
        Delivery.objects.filter(endpoint__owner=request.user).select_related("endpoint"), pk=pk
    )
    try:
        delivery.replay(sent)
    except delivery.NotAllowed as error:
        messages.error(request, f"Not sent again: {error}")
    else:
        tasks.send.enqueue(sent.pk)
        messages.success(request, f"{sent.event} {sent.reference} queued to be sent again.")
    return redirect("webhooks:detail", pk=sent.endpoint_id)
