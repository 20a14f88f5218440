"""The sign-in form, throttled per account and per address (amity.accounts.throttle)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from amity.accounts import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    throttled = ""  # the refusal, when locked (the page shows it instead of "did not match")

    def clean(self):
        username = self.cleaned_data.get("username")
        address = throttle.address_of(self.request)
        wait = throttle.locked_for(username, address)
        if wait:
            self.throttled = throttle.refusal(wait)
            raise forms.ValidationError(self.throttled, code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, address)
            raise
        throttle.record_success(username, address)
        return cleaned
