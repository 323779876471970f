from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from accounts import tokens
from accounts.models import User
from core.forms import StyledForm


class TokenForm(StyledForm, forms.Form):
    name = forms.CharField(max_length=100, help_text="What the token is for, e.g. nightly mirror.")
    days = forms.IntegerField(
        min_value=1, max_value=366, initial=tokens.DEFAULT_DAYS, label="Valid for (days)"
    )
    can_write = forms.BooleanField(required=False, label="May write drafts and take workflow steps")
    allowed_addresses = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Addresses or networks it may be used from, one per line; any if empty.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not user.has_perm("cases.change_incident"):
            del self.fields["can_write"]  # only those who may write can have writing tokens

    def clean_allowed_addresses(self) -> str:
        value = self.cleaned_data["allowed_addresses"]
        try:
            tokens.check_networks(value)
        except ValueError as error:
            raise forms.ValidationError(f"Not an address or network: {error}") from None
        return value


class CodeForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\d{6}$",
        label="Code",
        error_messages={"invalid": "Give the six digits your authenticator app shows."},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "class": "form-control"}
        ),
    )


class PasswordChangeForm(StyledForm, auth_forms.PasswordChangeForm):
    """Django's: the current password, then the new one twice."""
