"""A merged-away record's old address leads to the record that absorbed it.

Links, bookmarks and exported URLs keep working after a merge: a record page that would
answer 404 looks up the merge decision (amity.review.merge.survivor_of) and redirects.
Temporary (302), because undoing the merge brings the old record back at its address.
"""

from __future__ import annotations

from django.shortcuts import redirect

from amity.review.merge import survivor_of
from amity.web.links import KIND_MODEL, kind_url


class MergedRecordRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        match = getattr(request, "resolver_match", None)
        if match is None or match.namespace != "web" or "pk" not in match.kwargs:
            return response
        model = KIND_MODEL.get(match.url_name)
        if model is None or model._meta.app_label != "registry":
            return response
        survivor = survivor_of(model._meta.label_lower, match.kwargs["pk"])
        return redirect(kind_url(match.url_name, survivor.pk)) if survivor is not None else response
