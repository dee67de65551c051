import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors


def _part(label, max_value):
    return forms.IntegerField(label=label, required=False, min_value=1, max_value=max_value)


class AuditSearchForm(forms.Form):
    who = forms.CharField(
        label=_("Who"), required=False, max_length=254, help_text=_("All or part of the person's email address")
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
    )
    record_type = forms.TypedChoiceField(label=_("Type of record"), required=False, coerce=int, empty_value=None)
    record_id = forms.CharField(label=_("Record ID"), required=False, max_length=255)
    from_day = _part(_("Day"), 31)
    from_month = _part(_("Month"), 12)
    from_year = _part(_("Year"), 9999)
    to_day = _part(_("Day"), 31)
    to_month = _part(_("Month"), 12)
    to_year = _part(_("Year"), 9999)

    DATES = {"from": _("From date"), "to": _("To date")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [("", _("Any type")), *selectors.record_types()]

    def _date(self, prefix):
        parts = [self.cleaned_data.get(f"{prefix}_{name}") for name in ("day", "month", "year")]
        if not any(parts):
            return None
        label = self.DATES[prefix]
        if not all(parts):
            self.add_error(f"{prefix}_day", _("%(label)s must include a day, month and year") % {"label": label})
            return None
        day, month, year = parts
        try:
            return datetime.date(year, month, day)
        except ValueError:
            self.add_error(f"{prefix}_day", _("%(label)s must be a real date") % {"label": label})
            return None

    def clean(self):
        cleaned = super().clean()
        if any(f"{prefix}_{name}" in self.errors for prefix in self.DATES for name in ("day", "month", "year")):
            return cleaned
        cleaned["date_from"] = self._date("from")
        cleaned["date_to"] = self._date("to")
        if cleaned["date_from"] and cleaned["date_to"] and cleaned["date_to"] < cleaned["date_from"]:
            self.add_error("to_day", _("To date must be the same as or after the from date"))
        return cleaned

    def filters(self):
        """Keyword arguments for ``selectors.search_entries`` (only valid filters)."""
        data = self.cleaned_data
        return {
            "who": data.get("who", "").strip(),
            "action": data.get("action", ""),
            "record_type": data.get("record_type"),
            "record_id": data.get("record_id", "").strip(),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
