"""`amity serve` (gunicorn, a production WSGI server) and `amity demo`."""

from __future__ import annotations

import os
import sys
from importlib import resources

from amity.commands.setup import init_database


def _collect_static() -> None:
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def serve(args) -> int:
    _collect_static()
    from gunicorn.app.wsgiapp import run

    workers = str(args.workers or min(4, (os.cpu_count() or 1) * 2))
    sys.argv = ["gunicorn", "amity.wsgi:application", "--bind", args.bind, "--workers", workers,
                "--access-logfile", "-", "--timeout", "120", "--config", "python:amity.commands.gunicorn_hooks"]
    print(f"Amity is serving on http://{args.bind}/ (Ctrl-C stops it)", flush=True)
    run()
    return 0


def load_demo() -> None:
    """Demo records (written for Amity, in the style of real city press releases)."""
    import json

    from django.contrib.auth import get_user_model

    from amity.registry.models import Alliance
    from amity.transfer import import_registry

    init_database()
    if not Alliance.objects.filter(name="Haeoreum Alliance").exists():
        data = json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8"))
        import_registry(data, actor="bot:demo")
        print("Demo records loaded.")
    # Press releases written for the demo: their claims wait in the review queue.
    from amity.review.intake import ingest_text

    articles = sorted(resources.files("amity").joinpath("demo/articles").iterdir(), key=lambda p: p.name)
    new = sum(ingest_text(article.read_text("utf-8"), actor="bot:demo").created
              for article in articles if article.name.endswith(".txt"))
    if new:
        print(f"Demo press releases ingested: {new}; their claims wait for review.")
    user_model = get_user_model()
    if not user_model.objects.filter(username="admin").exists():
        user_model.objects.create_superuser("admin", "admin@example.org", "amity-demo")
        print("Demo administrator: user 'admin', password 'amity-demo' (change it).")


def demo(args) -> int:
    load_demo()
    if args.no_serve:
        return 0
    return serve(args)
