from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import tokens, two_factor
from accounts.forms import CodeForm, TokenForm
from accounts.requests import SignedInRequest


@login_required
def token_list(request: SignedInRequest) -> HttpResponse:
    """A user's own API tokens: issue one (its key is shown this once) or revoke one."""
    form = TokenForm(request.POST or None, user=request.user)
    new_key = None
    if request.method == "POST" and form.is_valid():
        token, new_key = tokens.issue(
            request.user,
            name=form.cleaned_data["name"],
            days=form.cleaned_data["days"],
            can_write=form.cleaned_data.get("can_write", False),
            allowed_addresses=form.cleaned_data["allowed_addresses"],
        )
        messages.success(request, f"Token {token} issued. Copy its key now: it is not stored.")
        form = TokenForm(user=request.user)
    return render(
        request,
        "accounts/token_list.html",
        {"form": form, "tokens": request.user.api_tokens.all(), "new_key": new_key},
    )


@require_POST
@login_required
def token_revoke(request: SignedInRequest, pk: int) -> HttpResponseRedirect:
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    tokens.revoke(token)
    messages.success(request, f"Token {token} revoked.")
    return redirect("accounts:token_list")


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe and target.startswith("/") else reverse("cases:home")


@login_required
def two_factor_setup(request: SignedInRequest) -> HttpResponse:
    """Set up the second factor: scan the code into an authenticator app, then give the
    six digits it shows. Until then the device is not used."""
    if two_factor.has_device(request.user):
        return redirect("accounts:two_factor_verify")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Two-factor sign-in is set up.")
            return redirect(_next(request))
        form.add_error("code", "That code is not right: check the app's clock and try again.")
    qr = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr": mark_safe(qr.to_string(encoding="unicode")),  # our own SVG, no user text
            "secret": b32encode(device.bin_key).decode(),
            "next": _next(request),
        },
    )


@login_required
def two_factor_verify(request: SignedInRequest) -> HttpResponse:
    """The second step of signing in: the code from the authenticator app."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", "That code is not right, or came too late: try the next one.")
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )
