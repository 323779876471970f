from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts import tokens
from accounts.forms import TokenForm


@login_required
def token_list(request):
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
def token_revoke(request, pk):
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    tokens.revoke(token)
    messages.success(request, f"Token {token} revoked.")
    return redirect("accounts:token_list")
