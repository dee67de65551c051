import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.date_input import MUST_INCLUDE

from . import selectors

# The trail starts long after the first year and nobody searches beyond the last; years outside
# would also overflow the date arithmetic of the search.
FIRST_YEAR = 2000
LAST_YEAR = 2100

PARTS = ("day", "month", "year")


def _part(label):
    # Text, not a number field: the whole date is checked at once in ``AuditSearchForm._date`` so the
    # messages follow the GOV.UK date input pattern rather than Django's number messages.
    return forms.CharField(label=label, required=False)


class AuditSearchForm(forms.Form):
    who = forms.CharField(
        label=_("Who"),
        required=False,
        max_length=254,
        help_text=_("All or part of the person's email address"),
        error_messages={"max_length": _("Email address must be 254 characters or fewer")},
    )
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[
            ("", _("Any action")),
            ("create", _("Created")),
            ("update", _("Changed")),
            ("delete", _("Deleted")),
            ("access", _("Opened (viewed)")),
        ],
        error_messages={"invalid_choice": _("Select an action from the list")},
    )
    record_type = forms.TypedChoiceField(
        label=_("Type of record"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Select a type of record from the list")},
    )
    record_id = forms.CharField(
        label=_("Record ID"),
        required=False,
        max_length=255,
        error_messages={"max_length": _("Record ID must be 255 characters or fewer")},
    )
    from_day = _part(_("Day"))
    from_month = _part(_("Month"))
    from_year = _part(_("Year"))
    to_day = _part(_("Day"))
    to_month = _part(_("Month"))
    to_year = _part(_("Year"))

    DATES = {"from": _("From date"), "to": _("To date")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [("", _("Any type")), *selectors.record_types()]

    def _date(self, prefix):
        """The date typed in the three boxes, or None (with an error on the box at fault)."""
        texts = {part: (self.cleaned_data.get(f"{prefix}_{part}") or "").strip() for part in PARTS}
        if not any(texts.values()):
            return None
        label = self.DATES[prefix]
        missing = tuple(part for part in PARTS if not texts[part])
        if missing:
            self.add_error(f"{prefix}_{missing[0]}", MUST_INCLUDE[missing] % {"label": label})
            return None

        not_real = _("%(label)s must be a real date") % {"label": label}
        limits = {"day": (1, 31), "month": (1, 12), "year": (1000, 9999)}  # a year has 4 numbers
        numbers = {}
        for part in PARTS:
            text = texts[part]
            low, high = limits[part]
            if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
                self.add_error(f"{prefix}_{part}", not_real)
                return None
            numbers[part] = int(text)
        if not FIRST_YEAR <= numbers["year"] <= LAST_YEAR:
            self.add_error(
                f"{prefix}_year",
                _("%(label)s must be between %(first)s and %(last)s")
                % {"label": label, "first": FIRST_YEAR, "last": LAST_YEAR},
            )
            return None
        try:
            return datetime.date(numbers["year"], numbers["month"], numbers["day"])
        except ValueError:
            self.add_error(f"{prefix}_day", not_real)
            return None

    def clean(self):
        cleaned = super().clean()
        cleaned["date_from"] = self._date("from")
        cleaned["date_to"] = self._date("to")
        if cleaned["date_from"] and cleaned["date_to"] and cleaned["date_to"] < cleaned["date_from"]:
            self.add_error("to_day", _("To date must be the same as or after the from date"))
        return cleaned

    def filters(self):
        """Keyword arguments for ``selectors.search_entries``. Only call on a valid form."""
        data = self.cleaned_data
        return {
            "who": data.get("who", "").strip(),
            "action": data.get("action", ""),
            "record_type": data.get("record_type"),
            "record_id": data.get("record_id", "").strip(),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
