from django import forms
from django.utils.translation import gettext_lazy as _

from core.date_input import GovukDateField

from . import selectors

# The trail starts long after the first year and nobody searches beyond the last; years outside
# would also overflow the date arithmetic of the search (the day after 31 December 9999).
FIRST_YEAR = 2000
LAST_YEAR = 2100


def _date(label):
    return GovukDateField(label=label, required=False, first_year=FIRST_YEAR, last_year=LAST_YEAR)


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
    date_from = _date(_("From date"))
    date_to = _date(_("To date"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [("", _("Any type")), *selectors.record_types()]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("To date must be the same as or after the from date"))
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
