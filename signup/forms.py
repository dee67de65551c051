import re

from django import forms
from django.utils.translation import gettext_lazy as _

from buddies.models import DAYS, PARTS_OF_DAY, BuddyRequest
from core.date_input import GovukDateField
from directory.search import LANGUAGES
from directory.taxonomy import CATEGORIES
from places import selectors as places_selectors

from .models import Channel, Purpose

# Interests a resident may share without saying anything sensitive about themselves: asking for
# hate crime reporting, victim support or emergency help is signposted elsewhere, not recorded here.
NOT_ASKED_AS_INTERESTS = {"hate-crime-reporting", "victim-support", "emergency-help"}
INTEREST_CHOICES = [(code, name) for code, name, _desc, _children in CATEGORIES if code not in NOT_ASKED_AS_INTERESTS]
INTEREST_LABELS = dict(INTEREST_CHOICES)
LANGUAGE_LABELS = dict(LANGUAGES)
DAY_LABELS = {
    "mon": _("Monday"),
    "tue": _("Tuesday"),
    "wed": _("Wednesday"),
    "thu": _("Thursday"),
    "fri": _("Friday"),
    "sat": _("Saturday"),
    "sun": _("Sunday"),
}
PART_LABELS = {"morning": _("Morning"), "afternoon": _("Afternoon"), "evening": _("Evening")}
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
CHANNEL_LABELS = {Channel.EMAIL: _("By email"), Channel.SMS: _("By text message")}
CONSENT_HINTS = {
    Purpose.SETTLING_IN: _(
        "Up to 2 short messages in your first month, for example to help you register with a doctor (GP)."
    ),
    Purpose.LOCAL_ACTIVITIES: _("For example, an English conversation club or a community group near you."),
    Purpose.BUDDY_SCHEME: _(
        "We pass your name, languages, postcode, availability and the contact details you tick here to the "
        "buddy scheme coordinators, so they can introduce you to a buddy."
    ),
}
UK_MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$")


def consent_field_name(purpose):
    return f"consent_{purpose}"


def availability_field_name(day):
    return f"availability_{day}"


class NameForm(forms.Form):
    name = forms.CharField(
        label=_("What should we call you?"),
        help_text=_("The name you like to be called. It can be your first name only."),
        max_length=100,
        error_messages={
            "required": _("Enter the name you would like us to call you"),
            "max_length": _("Name must be 100 characters or fewer"),
        },
    )


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("What is your postcode?"),
        help_text=_("We use it to find services and activities near you. For example, WS1 1TP"),
        max_length=10,
        error_messages={
            "required": _("Enter your postcode"),
            "max_length": _("Enter a real postcode, like WS1 1TP"),
        },
    )

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        lookup = places_selectors.postcode_lookup(postcode)
        if lookup is None or lookup.ward is None:
            raise forms.ValidationError(
                _("Enter a Walsall postcode, like WS1 1TP. If you do not know it, ask a Place of Welcome.")
            )
        self.lookup = lookup
        return lookup.postcode.postcode


class LanguagesForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Which languages do you speak?"),
        help_text=_("Select all that apply."),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one language you speak")},
    )


class InterestsForm(forms.Form):
    interests = forms.MultipleChoiceField(
        label=_("What would you like to find out about?"),
        help_text=_("Select all that apply. We will tell you about services and activities near you."),
        choices=INTEREST_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class BuddyForm(forms.Form):
    wants_buddy = forms.ChoiceField(
        label=_("Would you like a buddy?"),
        help_text=_(
            "A buddy is a trained local volunteer who meets you, shows you around and helps you practise English."
        ),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you would like a buddy")},
    )


class BuddyDetailsForm(forms.Form):
    buddy_gender = forms.ChoiceField(
        label=_("Would you prefer your buddy to be a man or a woman?"),
        choices=BuddyRequest.BuddyGender.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    meet_only_at_place_of_welcome = forms.BooleanField(
        label=_("I would like to meet only at a Place of Welcome"),
        help_text=_("A Place of Welcome is a friendly community venue, such as a church hall or café."),
        required=False,
    )
    notes = forms.CharField(
        label=_("Is there anything the buddy coordinator must know? (optional)"),
        help_text=_(
            "For example, if you need step-free access or have children with you. Do not write medical details."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        error_messages={"max_length": _("Write 1,000 characters or fewer")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        availability = {}
        for day in DAYS:
            availability[availability_field_name(day)] = forms.MultipleChoiceField(
                label=DAY_LABELS[day],
                choices=[(f"{day}_{part}", PART_LABELS[part]) for part in PARTS_OF_DAY],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        # Days come first: the question the page asks.
        self.fields = {**availability, **self.fields}

    def clean(self):
        cleaned = super().clean()
        slots = [slot for day in DAYS for slot in cleaned.get(availability_field_name(day), [])]
        if not slots:
            self.add_error(availability_field_name(DAYS[0]), _("Select at least one time you could meet a buddy"))
        cleaned["availability"] = slots
        return cleaned


class ContactForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address (optional)"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    phone = forms.CharField(
        label=_("UK mobile number (optional)"),
        help_text=_("For text messages. For example, 07700 900 982"),
        max_length=20,
        required=False,
        error_messages={"max_length": _("Enter a UK mobile number, like 07700 900 982")},
    )
    safe_times = forms.CharField(
        label=_("When is it safe or convenient to contact you? (optional)"),
        help_text=_("For example, weekday mornings only, or not at weekends."),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Write 200 characters or fewer")},
    )

    def clean_phone(self):
        phone = re.sub(r"[\s()-]", "", self.cleaned_data["phone"])
        if phone and not UK_MOBILE.match(phone):
            raise forms.ValidationError(_("Enter a UK mobile number, like 07700 900 982"))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error("email", _("Enter an email address or a mobile number, so we can contact you"))
        return cleaned


class ConsentForm(forms.Form):
    """Nothing is ticked until the resident ticks it: one box per purpose and channel."""

    def __init__(self, *args, contact=None, wants_buddy=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.contact = contact or {}
        self.wants_buddy = wants_buddy
        for purpose in Purpose:
            if purpose == Purpose.BUDDY_SCHEME and not wants_buddy:
                continue
            self.fields[consent_field_name(purpose)] = forms.MultipleChoiceField(
                label=purpose.label,
                help_text=CONSENT_HINTS[purpose],
                choices=[(channel.value, CHANNEL_LABELS[channel]) for channel in Channel],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def clean(self):
        cleaned = super().clean()
        given = set()
        for purpose in Purpose:
            name = consent_field_name(purpose)
            for channel in cleaned.get(name, []):
                if channel == Channel.EMAIL and not self.contact.get("email"):
                    self.add_error(name, _("You did not give an email address: untick email or go back and add one"))
                elif channel == Channel.SMS and not self.contact.get("phone"):
                    self.add_error(
                        name, _("You did not give a mobile number: untick text message or go back and add one")
                    )
                given.add(f"{purpose}:{channel}")
        if self.wants_buddy and not any(item.startswith(f"{Purpose.BUDDY_SCHEME}:") for item in given):
            self.add_error(
                consent_field_name(Purpose.BUDDY_SCHEME),
                _("Tick how the buddy scheme may contact you, or go back and say you do not want a buddy"),
            )
        cleaned["consents"] = sorted(given)
        return cleaned


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(widget=forms.RadioSelect, error_messages={"required": _("Select an answer")})
    services = forms.MultipleChoiceField(
        label=_("Which of these have you joined? (optional)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, outcome_choices, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = outcome_choices
        self.services = {str(service.pk): service for service in services}
        if services:
            self.fields["services"].choices = [(str(service.pk), service.name) for service in services]
        else:
            del self.fields["services"]

    def chosen_services(self):
        return [self.services[pk] for pk in self.cleaned_data.get("services", []) if pk in self.services]


PERIOD_FIRST_YEAR, PERIOD_LAST_YEAR = 2000, 2100


class PeriodForm(forms.Form):
    """The period of the officers' figures; either end may be left out (the last year is shown)."""

    since = GovukDateField(
        label=_("From"),
        error_name=_("The start date"),
        required=False,
        first_year=PERIOD_FIRST_YEAR,
        last_year=PERIOD_LAST_YEAR,
    )
    until = GovukDateField(
        label=_("To"),
        error_name=_("The end date"),
        required=False,
        first_year=PERIOD_FIRST_YEAR,
        last_year=PERIOD_LAST_YEAR,
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date must be on or after the start date"))
        return cleaned
