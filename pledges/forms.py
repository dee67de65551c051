"""Forms of the pledge and Places of Welcome: every message says what to do, in the user's language."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.date_input import GovukDateField
from directory.search import DAYS
from places import selectors as places_selectors
from places.postcodes import normalise_postcode

from .models import COMMITMENTS, FIVE_PS, PlaceOfWelcome, Pledge, Weekday

DAY_FILTER_CHOICES = [("", _("Any day"))] + [(code, name) for code, name in DAYS]
DAY_NUMBERS = {code: number for number, (code, _name) in enumerate(DAYS)}


class PledgeSignForm(forms.Form):
    """The pledge, signed in one grouped page (the answers are checked on the next page)."""

    kind = forms.ChoiceField(
        label=_("Who is signing the pledge?"),
        choices=Pledge.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether you are signing for an organisation or as an individual")},
    )
    organisation_name = forms.CharField(
        label=_("Name of your organisation or group"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Organisation name must be 200 characters or fewer")},
    )
    show_name = forms.ChoiceField(
        label=_("Can we show your name on the public list of signatories?"),
        help_text=_("Only if you are signing as an individual. Organisations are always listed by name."),
        choices=[("yes", _("Yes, show my name")), ("no", _("No, list me as 'A Walsall resident'"))],
        widget=forms.RadioSelect,
        required=False,
    )
    commitments = forms.MultipleChoiceField(
        label=_("What will you do?"),
        help_text=_("Select all that apply."),
        choices=COMMITMENTS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    own_words = forms.CharField(
        label=_("Your own commitments (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        required=False,
        error_messages={"max_length": _("Your own commitments must be 1,000 characters or fewer")},
    )
    contact_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={
            "required": _("Enter your full name"),
            "max_length": _("Full name must be 200 characters or fewer"),
        },
    )
    contact_email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address, so we can remind you when it is time to renew"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    contact_phone = forms.CharField(
        label=_("Phone number (optional)"),
        max_length=40,
        required=False,
        error_messages={"max_length": _("Phone number must be 40 characters or fewer")},
    )

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if phone and not all(ch.isdigit() or ch in " +()-" for ch in phone):
            raise forms.ValidationError(_("Enter a phone number, like 01632 960 001 or 07700 900 982"))
        return phone

    def clean(self):
        data = super().clean()
        if data.get("kind") == Pledge.Kind.ORGANISATION and not (data.get("organisation_name") or "").strip():
            self.add_error("organisation_name", _("Enter the name of your organisation or group"))
        if data.get("kind") == Pledge.Kind.INDIVIDUAL and not data.get("show_name"):
            self.add_error("show_name", _("Select whether we can show your name on the public list"))
        if not data.get("commitments") and not (data.get("own_words") or "").strip():
            self.add_error("commitments", _("Select at least one commitment, or write your own"))
        return data


class PledgeApproveForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Link to a partner organisation (optional)"),
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
        help_text=_("Partner users of the organisation will see this pledge and can put forward buddy volunteers."),
    )


class PledgeDecisionNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Reason (optional)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, required=False
    )


class PlaceFilterForm(forms.Form):
    ward = forms.ChoiceField(label=_("Ward"), required=False)
    day = forms.ChoiceField(label=_("Open on"), required=False, choices=DAY_FILTER_CHOICES)

    def __init__(self, *args, wards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].choices = [("", _("All of Walsall")), *wards]
        self.fields["ward"].error_messages["invalid_choice"] = _("Choose a ward from the list")
        self.fields["day"].error_messages["invalid_choice"] = _("Choose a day from the list")

    def weekday(self):
        code = self.cleaned_data.get("day") or ""
        return DAY_NUMBERS.get(code)


class PlaceDetailsForm(forms.Form):
    what_to_expect = forms.CharField(
        label=_("What to expect"),
        help_text=_("In plain words: what happens, who runs it, whether there is a drink and a chat."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=PlaceOfWelcome.Status.choices, widget=forms.RadioSelect)
    coordinator_name = forms.CharField(label=_("Coordinator's name"), max_length=200, required=False)
    coordinator_email = forms.EmailField(
        label=_("Coordinator's email"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    coordinator_phone = forms.CharField(label=_("Coordinator's phone"), max_length=40, required=False)


class PlaceAddForm(PlaceDetailsForm):
    """A new Place of Welcome: an existing directory location, or a new one made from name and postcode."""

    location = forms.ChoiceField(label=_("Venue in the directory"), required=False)
    new_name = forms.CharField(label=_("Or a new venue: name"), max_length=200, required=False)
    new_address = forms.CharField(label=_("Address line 1"), max_length=200, required=False)
    new_town = forms.CharField(label=_("Town"), max_length=100, required=False)
    new_postcode = forms.CharField(label=_("Postcode"), max_length=20, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Host organisation"),
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
    )
    field_order = ["location", "new_name", "new_address", "new_town", "new_postcode", "organisation"]

    def __init__(self, *args, locations=(), organisation_fixed=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.locations = {str(location.pk): location for location in locations}
        self.fields["location"].choices = [("", _("Choose a venue"))] + [
            (key, location.name or key) for key, location in self.locations.items()
        ]
        self.fields["location"].error_messages["invalid_choice"] = _("Choose a venue from the list")
        self.fields["status"].initial = PlaceOfWelcome.Status.PROPOSED
        self.organisation_fixed = organisation_fixed
        if organisation_fixed:
            del self.fields["organisation"]
        self.postcode_point = None

    def clean(self):
        data = super().clean()
        chosen = data.get("location")
        new_name = (data.get("new_name") or "").strip()
        if chosen and new_name:
            self.add_error("new_name", _("Choose a venue from the list or enter a new one, not both"))
        elif not chosen and not new_name:
            self.add_error("location", _("Choose a venue from the list, or enter the name of a new venue"))
        elif new_name:
            if not (data.get("new_address") or "").strip():
                self.add_error("new_address", _("Enter the first line of the venue's address"))
            postcode = normalise_postcode(data.get("new_postcode") or "")
            if postcode is None:
                self.add_error("new_postcode", _("Enter a full Walsall postcode, like WS1 1TP"))
            else:
                lookup = places_selectors.postcode_lookup(postcode)
                if lookup is None or lookup.postcode.lat is None:
                    self.add_error("new_postcode", _("We could not find that postcode. Check it is a Walsall postcode"))
                else:
                    data["new_postcode"] = postcode
                    self.postcode_point = (lookup.postcode.lat, lookup.postcode.lon)
        if not self.organisation_fixed and not data.get("organisation"):
            self.add_error("organisation", _("Choose the organisation that hosts the Place of Welcome"))
        return data


class OpeningTimeForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"),
        coerce=int,
        choices=[("", _("Choose a day")), *Weekday.choices],
        required=False,
    )
    opens = forms.TimeField(
        label=_("Opens (24-hour, like 09:30)"),
        required=False,
        error_messages={"invalid": _("Enter the opening time as hours and minutes, like 09:30")},
    )
    closes = forms.TimeField(
        label=_("Closes (24-hour, like 11:30)"),
        required=False,
        error_messages={"invalid": _("Enter the closing time as hours and minutes, like 11:30")},
    )
    notes = forms.CharField(label=_("Notes (optional)"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        day, opens, closes = data.get("weekday"), data.get("opens"), data.get("closes")
        filled = [value for value in (day, opens, closes) if value not in (None, "")]
        if not filled and not data.get("notes") and not self.errors:
            return data
        if day in (None, ""):
            self.add_error("weekday", _("Choose the day of this session"))
        if opens is None and "opens" not in self.errors:
            self.add_error("opens", _("Enter the opening time"))
        if closes is None and "closes" not in self.errors:
            self.add_error("closes", _("Enter the closing time"))
        if opens and closes and closes <= opens:
            self.add_error("closes", _("The closing time must be after the opening time"))
        return data

    def session(self):
        data = self.cleaned_data
        if data.get("weekday") in (None, "") or not data.get("opens"):
            return None
        return data["weekday"], data["opens"], data["closes"], data.get("notes") or ""


OpeningTimeFormSet = forms.formset_factory(OpeningTimeForm, extra=3, max_num=21, validate_max=True)


class FivePsForm(forms.Form):
    """A met / not met choice and a note for each of the 5 Ps, and the date of the check."""

    checked_on = GovukDateField(
        label=_("Date checked"), not_future=True, error_messages={"required": _("Enter the date of the check")}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name, meaning in FIVE_PS:
            self.fields[f"{code}_met"] = forms.ChoiceField(
                label=name,
                help_text=meaning,
                choices=[("yes", _("Met")), ("no", _("Not met"))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Select whether this place meets '%(name)s'") % {"name": name}},
            )
            self.fields[f"{code}_note"] = forms.CharField(
                label=_("Note on %(name)s (optional)") % {"name": name},
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=1000,
                required=False,
            )

    def clean_checked_on(self):
        value = self.cleaned_data["checked_on"]
        if value < timezone.localdate() - datetime.timedelta(days=366):
            raise forms.ValidationError(_("Date checked must be within the last year"))
        return value

    def results(self):
        return {
            code: (self.cleaned_data[f"{code}_met"] == "yes", self.cleaned_data[f"{code}_note"])
            for code, _name, _meaning in FIVE_PS
        }

    def p_fields(self):
        """(met field, note field) pairs for the template, in the network's order."""
        return [(self[f"{code}_met"], self[f"{code}_note"]) for code, _name, _meaning in FIVE_PS]
