"""Agreements with their parties, signatories and status history."""

from amity.api.crud import PARTY, Part, Resource, build_router
from amity.api.registry.filters import choice, country, field, record
from amity.registry import models as m
from amity.registry import services


def _add_status(agreement, values: dict, actor: str):
    # A new step also moves the agreement's current status (and signing date).
    return services.set_agreement_status(agreement, values["status"], values.get("date"), actor=actor)


agreements = Resource(
    m.Agreement, "agreements", date_field="signed_date",
    search=("title", "parties__place__name", "parties__place__aliases", "parties__organization__name"),
    filters={"type": choice(m.Agreement, "type"), "status": choice(m.Agreement, "status"),
             "field": field("fields__code"),
             "country": country("parties__place__country_code", "parties__organization__country_code"),
             "place": record("parties__place", "signed_place", what="place"),
             "organization": record("parties__organization", what="organization"),
             "person": record("signatories__person", what="person")},
    parts=(Part(m.AgreementParty, "agreement", one_of=PARTY, only_one=True), Part(m.AgreementSignatory, "agreement"),
           Part(m.AgreementStatusChange, "agreement", create=_add_status)),
    prefetch=("parties__place", "parties__organization"),
)

agreements_router = build_router(agreements, "agreements")
