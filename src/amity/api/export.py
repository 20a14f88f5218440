"""GET /export: the whole registry in the re-importable JSON format of `amity export`."""

from typing import Any

from ninja import Router

from amity.api import access
from amity.api.errors import ERRORS
from amity.transfer import export_registry

router = Router(tags=["export"])


@router.get("", response={200: dict[str, Any], **ERRORS}, operation_id="export_registry",
            summary="Export the registry (same format as `amity export`; `amity import` reads it)")
def export(request):
    access.require_view(request)
    return export_registry()
