"""The GOV.UK date input: day, month and year boxes, and the GOV.UK messages for what is wrong.

Every date the project asks people to type (the audit search, 5 Ps checks, buddies' records and the
date a reported incident happened) is a ``GovukDateField``, so the boxes, their messages and which
boxes are shown in error are the same everywhere. ``{% govuk_date_input field %}`` draws it.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PARTS = ("day", "month", "year")

# GOV.UK date input messages for a date with parts missing, by which parts are missing.
MUST_INCLUDE = {
    ("day",): _("%(label)s must include a day"),
    ("month",): _("%(label)s must include a month"),
    ("year",): _("%(label)s must include a year"),
    ("day", "month"): _("%(label)s must include a day and month"),
    ("day", "year"): _("%(label)s must include a day and year"),
    ("month", "year"): _("%(label)s must include a month and year"),
}


class GovukDateWidget(forms.MultiWidget):
    """Three text boxes named ``<name>_day``, ``<name>_month`` and ``<name>_year``."""

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in PARTS}, attrs)

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]


class GovukDateField(forms.Field):
    """A date typed into three boxes.

    ``error_name`` names the date in messages when the label is not a name for it (a question, say);
    it defaults to the label. ``not_future`` and ``not_past`` add the GOV.UK rules "must be today or
    in the past/future". Years outside ``first_year`` to ``last_year`` are typing mistakes for the
    dates this project records, and would overflow date arithmetic done on them (a DBS check valid
    three years after 31 December 9999). After cleaning, ``parts_at_fault`` names the boxes to show
    in error (each form has its own copy of its fields, so this is per form).
    """

    widget = GovukDateWidget
    is_govuk_date = True

    def __init__(self, *, error_name=None, not_future=False, not_past=False, first_year=1900, last_year=2100, **kwargs):
        kwargs["error_messages"] = {"required": _("Enter the date"), **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)
        self.error_name = error_name
        self.not_future = not_future
        self.not_past = not_past
        self.first_year = first_year
        self.last_year = last_year
        self.parts_at_fault = ()

    def prepare_value(self, value):
        """The three boxes' contents: what was typed, or the parts of an initial date."""
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        if isinstance(value, (list, tuple)):
            return [str(part or "") for part in value]
        return ["", "", ""]

    def _fail(self, message, parts):
        self.parts_at_fault = parts
        raise forms.ValidationError(message)

    def clean(self, value):
        texts = dict(zip(PARTS, (text.strip()[:20] for text in self.prepare_value(value)), strict=True))
        name = {"label": self.error_name or self.label}
        if not any(texts.values()):
            if self.required:
                self._fail(self.error_messages["required"], PARTS)
            self.parts_at_fault = ()
            return None
        missing = tuple(part for part in PARTS if not texts[part])
        if missing:
            self._fail(MUST_INCLUDE[missing] % name, missing)
        not_real = _("%(label)s must be a real date") % name
        for part, (low, high) in (("day", (1, 31)), ("month", (1, 12))):
            text = texts[part]
            if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
                self._fail(not_real, (part,))
        year = texts["year"]
        if not (year.isascii() and year.isdigit()):
            self._fail(not_real, ("year",))
        if len(year) != 4:
            self._fail(_("Year must include 4 numbers"), ("year",))
        try:
            day = datetime.date(int(year), int(texts["month"]), int(texts["day"]))
        except ValueError:
            self._fail(not_real, PARTS)
        # Before the year bounds: "must be today or in the past" is the truer message for the year 2999.
        today = timezone.localdate()
        if self.not_future and day > today:
            self._fail(_("%(label)s must be today or in the past") % name, PARTS)
        if self.not_past and day < today:
            self._fail(_("%(label)s must be today or in the future") % name, PARTS)
        if not self.first_year <= day.year <= self.last_year:
            self._fail(
                _("%(label)s must be between %(first)s and %(last)s")
                % {**name, "first": self.first_year, "last": self.last_year},
                ("year",),
            )
        self.parts_at_fault = ()
        return day


def box_ids(bound_field):
    """The id of each box: the day box carries the field's own id, so its label and links land in the date."""
    return {part: bound_field.auto_id if part == "day" else f"{bound_field.auto_id}_{part}" for part in PARTS}


def boxes_at_fault(bound_field):
    """The boxes to show in error: those the field found at fault, or all of them for an error the
    form added about the whole date (a range the wrong way round, a date the form requires)."""
    if not bound_field.errors:
        return ()
    return bound_field.field.parts_at_fault or PARTS
