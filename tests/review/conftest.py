from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parents[2] / "src" / "amity" / "demo" / "articles"


def article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture
def ingest():
    from amity.review.intake import ingest_text

    def run(name: str, **kwargs):
        kwargs.setdefault("actor", "bot:test-ingest")
        return ingest_text(article(name), **kwargs)

    return run


@pytest.fixture
def accept_all():
    from amity.review import services
    from amity.sources.models import Claim

    def run(document=None, actor="user:reviewer"):
        claims = services.pending_claims(document=document)
        for claim in sorted(claims, key=lambda c: services.SLOT_ORDER.index(c.slot)):
            claim.refresh_from_db()
            if claim.status == Claim.Status.PENDING:
                try:
                    services.accept(claim, actor=actor)
                except services.ReviewError:
                    pass

    return run
