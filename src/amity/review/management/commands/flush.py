"""Django's flush, allowed to empty the append-only review log (it wipes every table)."""

from django.core.management.commands.flush import Command as DjangoFlush

from amity.review.append_only import unlocked


class Command(DjangoFlush):
    def handle(self, **options):
        with unlocked():
            return super().handle(**options)
