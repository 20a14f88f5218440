"""Model field storing a PartialDate as sortable ISO text."""

from __future__ import annotations

from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import models

from amity.core.partialdate import InvalidPartialDate, PartialDate

# Rows are read by the thousand (timelines, panels, lists) and hold few distinct dates; PartialDate is
# immutable, so each stored text is parsed once per process.
_parse_stored = lru_cache(maxsize=65536)(PartialDate.parse)


class PartialDateField(models.CharField):
    description = "A date known to the year, month or day"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("null", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return None if value in (None, "") else _parse_stored(value)

    def to_python(self, value):
        try:
            return PartialDate.coerce(value)
        except InvalidPartialDate as error:
            raise ValidationError(str(error), code="invalid_partial_date") from error

    def get_prep_value(self, value):
        value = self.to_python(value)
        return None if value is None else value.isoformat()

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else value.isoformat()

    def formfield(self, **kwargs):
        kwargs.setdefault("help_text", "YYYY, YYYY-MM or YYYY-MM-DD")
        return super().formfield(**kwargs)

    def run_validators(self, value):
        super().run_validators(None if value is None else PartialDate.coerce(value).isoformat())

    def validate(self, value, model_instance):
        # CharField's max_length validator expects text; the value here is a PartialDate.
        if value is None and not self.null:
            raise ValidationError(self.error_messages["null"], code="null")
