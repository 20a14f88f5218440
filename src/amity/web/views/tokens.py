"""The user's API tokens: create (the key is shown once), list, revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from amity.accounts.models import ApiToken
from amity.web.access import signed_in_required


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100,
                           help_text=gettext_lazy("what the token is for, e.g. “yearly report script”"))
    read_only = forms.BooleanField(label=gettext_lazy("Read only"), required=False)


@signed_in_required
def tokens(request):
    new_key = None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            token, new_key = ApiToken.issue(request.user, form.cleaned_data["name"].strip(),
                                            read_only=form.cleaned_data["read_only"])
            form = TokenForm()
    else:
        form = TokenForm()
    response = render(request, "web/tokens.html", {
        "form": form, "new_key": new_key, "tokens": ApiToken.objects.filter(user=request.user)})
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@signed_in_required
def revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("web:tokens")
