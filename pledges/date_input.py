"""The GOV.UK date input: day, month and year boxes, and the GOV.UK messages for what is wrong.

The project had one date input before this, inside the audit search form (three separate fields
checked in that form's ``clean``), which other forms cannot use as a field. This is the same pattern
as one form field, so any form can ask for a date with ``GovukDateField``: pledges and buddies (above
pledges) use it; it would move to ``core`` if a third app needs it. Its messages are the audit form's.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.forms import MUST_INCLUDE

PARTS = ("day", "month", "year")
# Years outside these are typing mistakes for every date the scheme records, and would overflow the
# date arithmetic done on them (a DBS check valid three years after 31 December 9999).
FIRST_YEAR = 1900
LAST_YEAR = 2100


class GovukDateWidget(forms.MultiWidget):
    """Three text boxes named ``<name>_day``, ``<name>_month`` and ``<name>_year``."""

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in PARTS}, attrs)

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]


class GovukDateField(forms.Field):
    """A date typed into three boxes.

    ``not_future`` and ``not_past`` add the GOV.UK rules "must be today or in the past/future".
    After cleaning, ``parts_at_fault`` names the boxes to show in error (each form has its own copy
    of its fields, so this is per form).
    """

    widget = GovukDateWidget
    is_govuk_date = True

    def __init__(self, *, not_future=False, not_past=False, **kwargs):
        kwargs["error_messages"] = {"required": _("Enter the date"), **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)
        self.not_future = not_future
        self.not_past = not_past
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
        label = self.label
        if not any(texts.values()):
            if self.required:
                self._fail(self.error_messages["required"], PARTS)
            return None
        missing = tuple(part for part in PARTS if not texts[part])
        if missing:
            self._fail(MUST_INCLUDE[missing] % {"label": label}, missing)
        not_real = _("%(label)s must be a real date") % {"label": label}
        limits = {"day": (1, 31), "month": (1, 12), "year": (1000, 9999)}
        numbers = {}
        for part in PARTS:
            text, (low, high) = texts[part], limits[part]
            if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
                self._fail(not_real, (part,))
            numbers[part] = int(text)
        if not FIRST_YEAR <= numbers["year"] <= LAST_YEAR:
            self._fail(
                _("%(label)s must be between %(first)s and %(last)s")
                % {"label": label, "first": FIRST_YEAR, "last": LAST_YEAR},
                ("year",),
            )
        try:
            day = datetime.date(numbers["year"], numbers["month"], numbers["day"])
        except ValueError:
            self._fail(not_real, PARTS)
        today = timezone.localdate()
        if self.not_future and day > today:
            self._fail(_("%(label)s must be today or in the past") % {"label": label}, PARTS)
        if self.not_past and day < today:
            self._fail(_("%(label)s must be today or in the future") % {"label": label}, PARTS)
        self.parts_at_fault = ()
        return day
