"""Forms of the buddy scheme, with messages a person understands."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, User
from core.date_input import GovukDateField
from directory.search import LANGUAGES
from directory.taxonomy import CATEGORIES
from places import selectors as places_selectors

from .models import (
    AVAILABILITY_SLOTS,
    BuddyRequest,
    BuddyRole,
    DbsLevel,
    Gender,
    Meeting,
    SurveyResponse,
    Volunteer,
    dbs_levels_allowed,
)

DAY_LABELS = {
    "mon": _("Monday"),
    "tue": _("Tuesday"),
    "wed": _("Wednesday"),
    "thu": _("Thursday"),
    "fri": _("Friday"),
    "sat": _("Saturday"),
    "sun": _("Sunday"),
}
PART_LABELS = {"morning": _("morning"), "afternoon": _("afternoon"), "evening": _("evening")}
AVAILABILITY_CHOICES = [
    (slot, f"{DAY_LABELS[slot.split('_')[0]]} {PART_LABELS[slot.split('_')[1]]}") for slot in AVAILABILITY_SLOTS
]
INTEREST_CHOICES = [(code, name) for code, name, _description, _children in CATEGORIES]
AVAILABILITY_LABELS = dict(AVAILABILITY_CHOICES)
INTEREST_LABELS = dict(INTEREST_CHOICES)


def date_field(label, *, required=True, help_text="", not_future=False, not_past=False, required_message=None):
    return GovukDateField(
        label=label,
        required=required,
        help_text=help_text,
        not_future=not_future,
        not_past=not_past,
        error_messages={"required": required_message or _("Enter the date")},
    )


class IdempotentForm(forms.Form):
    """A hidden key made when the form is first shown: submitting the same page twice records once."""

    # Never an error a person could not fix: a form posted without a key, or with a mangled one,
    # still records, once.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)

    def clean_idempotency_key(self):
        try:
            return uuid.UUID(self.cleaned_data.get("idempotency_key") or "")
        except ValueError:
            return uuid.uuid4()


class WhereAndWhenMixin:
    """Postcode → ward and point; languages, interests and weekly availability."""

    def clean_postcode(self):
        postcode = self.cleaned_data.get("postcode", "").strip()
        self.lookup = None
        if not postcode:
            return ""
        self.lookup = places_selectors.postcode_lookup(postcode)
        if self.lookup is None:
            raise forms.ValidationError(_("Enter a Walsall postcode, like WS1 1TP"))
        return self.lookup.postcode.postcode

    def location(self):
        lookup = getattr(self, "lookup", None)
        if lookup is None:
            return {"ward_code": "", "latitude": None, "longitude": None}
        return {
            "ward_code": lookup.ward.gss_code if lookup.ward else "",
            "latitude": lookup.postcode.lat,
            "longitude": lookup.postcode.lon,
        }


def languages_field(label):
    return forms.MultipleChoiceField(
        label=label,
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one language")},
    )


def availability_field(label):
    return forms.MultipleChoiceField(
        label=label,
        choices=AVAILABILITY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one time of the week")},
    )


def interests_field(label):
    return forms.MultipleChoiceField(
        label=label, choices=INTEREST_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )


class VolunteerForm(WhereAndWhenMixin, IdempotentForm):
    organisation = forms.ModelChoiceField(
        label=_("Pledge organisation putting them forward"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Select the organisation putting the volunteer forward")},
    )
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, error_messages={"required": _("Enter the volunteer's full name")}
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("They sign in with this address to see their matches."),
        error_messages={
            "required": _("Enter the volunteer's email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    phone = forms.CharField(label=_("Phone number (optional)"), max_length=40, required=False)
    role = forms.ChoiceField(
        label=_("What will they do?"),
        choices=BuddyRole.choices,
        initial=BuddyRole.BEFRIENDING_ADULTS,
        widget=forms.RadioSelect,
        help_text=_("This decides the level of DBS check they may be asked for."),
    )
    languages = languages_field(_("Languages they speak"))
    postcode = forms.CharField(
        label=_("Home postcode"),
        max_length=16,
        help_text=_("Used only to work out travel distance. Never shown to newcomers."),
        error_messages={"required": _("Enter the volunteer's home postcode")},
    )
    interests = interests_field(_("Interests (optional)"))
    availability = availability_field(_("When they are free"))
    gender = forms.ChoiceField(label=_("Gender (optional)"), choices=Gender.choices, required=False)
    capacity = forms.IntegerField(
        label=_("Most buddies at once"),
        min_value=1,
        max_value=5,
        initial=1,
        error_messages={
            "required": _("Enter how many buddies they can have at once"),
            "min_value": _("Enter a number from 1 to 5"),
            "max_value": _("Enter a number from 1 to 5"),
            "invalid": _("Enter a number from 1 to 5"),
        },
    )
    max_travel_km = forms.FloatField(
        label=_("Furthest they will travel (km)"),
        min_value=0.5,
        max_value=30,
        initial=5,
        error_messages={
            "required": _("Enter how far they will travel"),
            "min_value": _("Enter a distance from 0.5 to 30 km"),
            "max_value": _("Enter a distance from 0.5 to 30 km"),
            "invalid": _("Enter a distance in kilometres, like 5"),
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(_("Someone already has an account with this email address"))
        return email


class ReferencesForm(forms.Form):
    first_referee = forms.CharField(
        label=_("First referee's name"),
        max_length=200,
        error_messages={"required": _("Enter the first referee's name")},
    )
    first_received_on = date_field(
        _("Date the first reference came back"),
        not_future=True,
        required_message=_("Enter the date the first reference came back"),
    )
    second_referee = forms.CharField(label=_("Second referee's name"), max_length=200, required=False)
    second_received_on = date_field(
        _("Date the second reference came back"),
        required=False,
        not_future=True,
        help_text=_("Leave this empty until it comes back."),
    )

    def clean(self):
        data = super().clean()
        if data.get("second_received_on") and not data.get("second_referee"):
            self.add_error("second_referee", _("Enter the second referee's name"))
        return data


class IdentityForm(forms.Form):
    checked_on = date_field(
        _("Date identity was checked"), not_future=True, required_message=_("Enter the date identity was checked")
    )
    document = forms.ChoiceField(
        label=_("Document seen"),
        choices=[
            ("passport", _("Passport")),
            ("driving_licence", _("Driving licence")),
            ("biometric_residence", _("Biometric residence permit or eVisa")),
            ("other", _("Other government document")),
        ],
        error_messages={"required": _("Select the document seen")},
    )


class DbsForm(forms.Form):
    """Only the levels the volunteer's role is eligible for are offered, never a higher one."""

    level = forms.ChoiceField(
        label=_("Level of check"), widget=forms.RadioSelect, error_messages={"required": _("Select the level of check")}
    )
    certificate_number = forms.CharField(
        label=_("Certificate number"),
        max_length=20,
        help_text=_("12 digits, printed at the top of the certificate."),
        error_messages={"required": _("Enter the certificate number")},
    )
    issued_on = date_field(_("Date of issue"), not_future=True, required_message=_("Enter the date of issue"))
    update_service = forms.BooleanField(label=_("Subscribed to the DBS update service"), required=False)
    subscription_renews_on = date_field(
        _("Date the update service subscription renews"),
        required=False,
        not_past=True,
        help_text=_("Only if they subscribe to the update service."),
    )

    def __init__(self, *args, role, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = dbs_levels_allowed(role)
        self.fields["level"].choices = [(level.value, level.label) for level in allowed]
        self.fields["level"].initial = allowed[-1].value if len(allowed) == 1 else None

    def clean_certificate_number(self):
        number = self.cleaned_data["certificate_number"].replace(" ", "")
        if not (number.isascii() and number.isdigit() and len(number) == 12):
            raise forms.ValidationError(_("Enter the 12-digit certificate number"))
        return number

    def clean(self):
        data = super().clean()
        if data.get("update_service") and not data.get("subscription_renews_on"):
            self.add_error("subscription_renews_on", _("Enter the date the subscription renews"))
        return data


class TrainingForm(forms.Form):
    course = forms.CharField(
        label=_("Course"),
        max_length=200,
        initial=_("Befriending and safeguarding adults"),
        error_messages={"required": _("Enter the name of the course")},
    )
    completed_on = date_field(
        _("Date completed"), not_future=True, required_message=_("Enter the date the training was completed")
    )
    expires_on = date_field(
        _("Date the training needs refreshing"),
        not_past=True,
        required_message=_("Enter the date the training needs refreshing"),
    )

    def clean(self):
        data = super().clean()
        if data.get("completed_on") and data.get("expires_on") and data["expires_on"] <= data["completed_on"]:
            self.add_error("expires_on", _("Date the training needs refreshing must be after the date completed"))
        return data


class StatusForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Volunteer.Stage.ACTIVE, _("Active: can be matched")),
            (Volunteer.Stage.PAUSED, _("Paused: not matched for now")),
            (Volunteer.Stage.LEFT, _("Left the scheme")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a status")},
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class ReferralForm(WhereAndWhenMixin, IdempotentForm):
    name = forms.CharField(
        label=_("Newcomer's name"), max_length=200, error_messages={"required": _("Enter the newcomer's name")}
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    phone = forms.RegexField(
        label=_("Mobile phone number (optional)"),
        regex=r"^\+?[\d ()-]{10,20}$",
        required=False,
        help_text=_("The introduction to their buddy is sent by email, or by text if there is no email address."),
        error_messages={"invalid": _("Enter a phone number, like 07700 900 982")},
    )
    languages = languages_field(_("Languages they speak"))
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=16,
        help_text=_("Where they live, to find a buddy nearby."),
        error_messages={"required": _("Enter the newcomer's postcode")},
    )
    interests = interests_field(_("What they would like help with (optional)"))
    availability = availability_field(_("When they are free"))
    buddy_gender = forms.ChoiceField(
        label=_("Would they like their buddy to be"),
        choices=BuddyRequest.BuddyGender.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    meet_only_at_place_of_welcome = forms.BooleanField(
        label=_("They want to meet only at a Place of Welcome"), required=False
    )
    notes = forms.CharField(
        label=_("Anything the coordinator must know (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("phone")
            and not self.has_error("email")
            and not self.has_error("phone")
        ):
            self.add_error(
                "email", _("Enter an email address or a mobile phone number, so we can introduce their buddy")
            )
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this pair not right?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("This pair will not be proposed again."),
        error_messages={"required": _("Enter why this pair is not right")},
    )


class MeetingForm(IdempotentForm):
    met_on = date_field(_("Date you met"), not_future=True, required_message=_("Enter the date you met"))
    place_of_welcome = forms.ModelChoiceField(
        label=_("Place of Welcome"), queryset=None, required=False, empty_label=_("Somewhere else")
    )
    other_place = forms.CharField(label=_("If somewhere else, where?"), max_length=200, required=False)
    duration_minutes = forms.IntegerField(
        label=_("How long (minutes)"),
        min_value=5,
        max_value=600,
        error_messages={
            "required": _("Enter how long you met, in minutes"),
            "min_value": _("Enter a time from 5 to 600 minutes"),
            "max_value": _("Enter a time from 5 to 600 minutes"),
            "invalid": _("Enter a number of minutes, like 60"),
        },
    )
    outcomes = forms.MultipleChoiceField(
        label=_("What happened?"),
        choices=Meeting.Outcome.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select what happened at the meeting")},
    )

    def __init__(self, *args, places, started_on, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place_of_welcome"].queryset = places
        self.started_on = started_on

    def clean_met_on(self):
        met_on = self.cleaned_data.get("met_on")
        if met_on and met_on < self.started_on:
            raise forms.ValidationError(_("Date you met must be the same as or after the date you were matched"))
        return met_on

    def clean(self):
        data = super().clean()
        if "place_of_welcome" in data and not data.get("place_of_welcome") and not data.get("other_place", "").strip():
            self.add_error("other_place", _("Choose a Place of Welcome or say where you met"))
        return data


class ConcernForm(IdempotentForm):
    description = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Only the buddy coordinator reads this. If someone is in danger now, call 999."),
        error_messages={"required": _("Say what happened")},
    )


class SurveyForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was having a buddy?"),
        choices=SurveyResponse.Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how it was")},
    )
    feels_more_connected = forms.TypedChoiceField(
        label=_("Do you feel more connected to people in Walsall?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes or no")},
    )
    comment = forms.CharField(
        label=_("Anything else you want to tell us (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )


DBS_LEVEL_LABELS = dict(DbsLevel.choices)
