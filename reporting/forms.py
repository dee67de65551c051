"""The question pages of a report, one form each, with messages in the GOV.UK pattern for each field.

Every form keeps what was typed when it is wrong (Django re-renders the bound form), accepts any
text without a server error, and carries a honeypot field that people never see.
"""

import os

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import EmailValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.date_input import GovukDateField
from places.postcodes import normalise_postcode

from .models import (
    Barrier,
    Channel,
    Characteristic,
    Consent,
    ContactMethod,
    ContactPreference,
    LocationKind,
    PeopleCount,
    ReporterRole,
    SupportWanted,
    TimeOfDay,
    YesNoNotSure,
)

MAX_ACCOUNT_CHARACTERS = 20000
MAX_TEXT_CHARACTERS = 5000
MAX_LINE_CHARACTERS = 200
HONEYPOT = "website"
STARTED = "form_started"
_SIGNER_SALT = "reporting.form-started"


def min_fill_seconds():
    """How long a person takes at least between seeing a form and sending it (bots are quicker).

    A setting, or the environment (the submission benchmark turns it off to keep 20 reporters busy).
    """
    configured = getattr(settings, "REPORTING_MIN_FILL_SECONDS", None)
    return configured if configured is not None else int(os.environ.get("REPORTING_MIN_FILL_SECONDS", "3"))


class ReportingForm(forms.Form):
    # Hidden from people (and screen readers); bots that fill every field fill this one too.
    website = forms.CharField(required=False, label=_("Leave this empty"), max_length=200)

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT):
            raise forms.ValidationError(_("Sorry, we could not accept this form. Please try again."))
        return ""

    def visible_questions(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT]


def started_token():
    return signing.TimestampSigner(salt=_SIGNER_SALT).sign(str(int(timezone.now().timestamp())))


class HumanCheckMixin:
    """A signed time the form was shown: sending it back faster than a person could is refused."""

    def add_started_field(self):
        self.fields[STARTED] = forms.CharField(widget=forms.HiddenInput, required=False, initial=started_token)

    def clean_form_started(self):
        token = self.cleaned_data.get(STARTED) or ""
        try:
            shown = int(signing.TimestampSigner(salt=_SIGNER_SALT).unsign(token, max_age=24 * 3600))
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("This page was open too long or was changed. Check your answers and send it again.")
            ) from None
        if timezone.now().timestamp() - shown < min_fill_seconds():
            raise forms.ValidationError(_("That was very quick. Check your answers, then send them again."))
        return token


def _radio(choices, *, label, error, required=True, hint=""):
    return forms.ChoiceField(
        choices=choices,
        widget=forms.RadioSelect,
        label=label,
        help_text=hint,
        required=required,
        error_messages={"required": error, "invalid_choice": error},
    )


def _checkboxes(choices, *, label, error="", required=False, hint=""):
    return forms.MultipleChoiceField(
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        label=label,
        help_text=hint,
        required=required,
        error_messages={"required": error, "invalid_choice": error or _("Select from the list")},
    )


def _text(*, label, max_length=MAX_LINE_CHARACTERS, required=False, error="", hint="", too_long=""):
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=max_length,
        error_messages={"required": error, "max_length": too_long or _("Must be %(limit_value)s characters or less")},
    )


def _textarea(*, label, max_length=MAX_TEXT_CHARACTERS, required=False, error="", hint="", too_long=""):
    field = _text(label=label, max_length=max_length, required=required, error=error, hint=hint, too_long=too_long)
    field.widget = forms.Textarea(attrs={"rows": 6})
    return field


# Who is reporting --------------------------------------------------------------------------------


class WhoForm(ReportingForm):
    reporter_role = _radio([], label=_("Who is making this report?"), error=_("Select who is making this report"))
    channel = _radio(
        [(Channel.PHONE, _("By phone")), (Channel.IN_PERSON, _("In person"))],
        label=_("How did the person report it to you?"),
        error=_("Select how the person reported it to you"),
        required=False,
    )

    def __init__(self, *args, staff_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reporter_role"].choices = [
            (ReporterRole.VICTIM, _("Me: it happened to me")),
            (ReporterRole.WITNESS, _("A witness: I saw or heard it happen to someone else")),
            (ReporterRole.ON_BEHALF, _("Someone reporting for the person it happened to, with their agreement")),
            *staff_choices,
        ]
        if ReporterRole.STAFF not in dict(staff_choices):
            del self.fields["channel"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reporter_role") == ReporterRole.STAFF and not cleaned.get("channel"):
            self.add_error("channel", _("Select how the person reported it to you"))
        return cleaned


def staff_choices_for(user):
    """The extra answers to 'who is reporting' a signed-in member of staff may give."""
    from accounts.roles import Role

    if user is None or not user.is_authenticated:
        return ()
    choices = []
    if user.has_role(Role.THIRD_PARTY_REPORTING_CENTRE_USER):
        choices.append(
            (
                ReporterRole.THIRD_PARTY_CENTRE_STAFF,
                _("Third-party reporting centre staff, entering a report for someone who came to the centre"),
            )
        )
    if user.has_role(Role.HATE_CRIME_CASEWORKER, Role.ASB_OFFICER):
        choices.append((ReporterRole.STAFF, _("Council staff, entering a report made by phone or in person")))
    return tuple(choices)


# What happened ------------------------------------------------------------------------------------


class WhatForm(ReportingForm):
    what = _radio(
        [
            ("hate", _("Hate crime or a hate incident")),
            ("asb", _("Anti-social behaviour")),
            ("both", _("Both")),
        ],
        label=_("What do you want to report?"),
        error=_("Select what you want to report"),
        hint=_("If you're not sure, choose the one that seems closest. We will help work it out."),
    )


class CharacteristicsForm(ReportingForm):
    characteristics = _checkboxes(
        Characteristic.choices,
        label=_("What do you think the hostility was about?"),
        hint=_("Select all that apply. What you or anyone else thinks is enough: you do not need proof."),
        error=_("Select what you think the hostility was about"),
        required=True,
    )
    characteristic_other = _text(
        label=_("What else was it about?"),
        max_length=300,
        too_long=_("What else it was about must be 300 characters or less"),
    )

    def clean(self):
        cleaned = super().clean()
        if Characteristic.OTHER in (cleaned.get("characteristics") or []) and not cleaned.get("characteristic_other"):
            self.add_error("characteristic_other", _("Enter what else the hostility was about"))
        if Characteristic.OTHER not in (cleaned.get("characteristics") or []):
            cleaned["characteristic_other"] = ""
        return cleaned


# When ---------------------------------------------------------------------------------------------


class WhenForm(ReportingForm):
    when = _radio(
        [
            ("date", _("On a particular day")),
            ("ongoing", _("It has happened more than once, or is still happening")),
            ("unknown", _("I don't know when")),
        ],
        label=_("When did it happen?"),
        error=_("Select when it happened"),
    )
    incident_date = GovukDateField(
        label=_("What was the date? If it is still happening, when did it start?"),
        error_name=_("The date it happened"),
        required=False,
        not_future=True,
        error_messages={"required": _("Enter the date it happened")},
    )
    time_of_day = _radio(
        TimeOfDay.choices,
        label=_("What time of day was it?"),
        error=_("Select what time of day it was"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        when = cleaned.get("when")
        if when == "unknown":
            # "I don't know when" asks for no date: whatever is left in the boxes is not checked or reported.
            self.errors.pop("incident_date", None)
            cleaned["incident_date"] = None
        elif when == "date" and cleaned.get("incident_date") is None and "incident_date" not in self.errors:
            # Required only here: something still happening may have no start date to give.
            self.add_error("incident_date", self.fields["incident_date"].error_messages["required"])
        return cleaned


# Where --------------------------------------------------------------------------------------------


class WhereForm(ReportingForm):
    location_kind = _radio(LocationKind.choices, label=_("Where did it happen?"), error=_("Select where it happened"))
    postcode = _text(
        label=_("Postcode (if you know it)"),
        max_length=20,
        too_long=_("Enter a real postcode, like WS1 1TP"),
    )
    address_text = _textarea(
        label=_("Address, or describe the place"),
        hint=_("For example, the bus stop outside the library on Lichfield Street"),
        too_long=_("The address or description must be 5,000 characters or less"),
    )
    online_platform = _text(
        label=_("Which website, app or platform?"),
        hint=_("For example Facebook, WhatsApp, a gaming site, or text messages"),
        too_long=_("The website, app or platform must be 200 characters or less"),
    )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("location_kind")
        cleaned["ward_code"] = cleaned["lsoa_code"] = ""
        if kind == LocationKind.PLACE:
            cleaned["online_platform"] = ""
            postcode = (cleaned.get("postcode") or "").strip()
            if postcode:
                normalised = normalise_postcode(postcode)
                if normalised is None:
                    self.add_error("postcode", _("Enter a real postcode, like WS1 1TP"))
                else:
                    cleaned["postcode"] = normalised
                    cleaned.update(_ward_and_lsoa(normalised))
            elif not cleaned.get("address_text") and "address_text" not in self.errors:
                self.add_error("address_text", _("Enter a postcode or describe where it happened"))
        elif kind == LocationKind.ONLINE:
            cleaned["postcode"] = cleaned["address_text"] = ""
            if not cleaned.get("online_platform") and "online_platform" not in self.errors:
                self.add_error("online_platform", _("Enter the website, app or platform"))
        return cleaned


def _ward_and_lsoa(postcode):
    from places.selectors import postcode_lookup

    found = postcode_lookup(postcode)
    if found is None:
        return {}
    return {
        "ward_code": found.ward.gss_code if found.ward else "",
        "lsoa_code": found.lsoa.code if found.lsoa else "",
    }


# In their words, and the people responsible -------------------------------------------------------


class AccountForm(ReportingForm):
    account = _textarea(
        label=_("Tell us what happened"),
        hint=_(
            "In your own words and your own language. Include what was said or done, and anything "
            "that makes you think it was because of who you are, or who they thought you were."
        ),
        required=True,
        error=_("Enter what happened"),
        max_length=MAX_ACCOUNT_CHARACTERS,
        too_long=_("What happened must be 20,000 characters or less"),
    )
    account.widget.attrs["rows"] = 10


class ResponsibleForm(ReportingForm):
    responsible_known = _radio(
        YesNoNotSure.choices,
        label=_("Do you know who did it?"),
        error=_("Select if you know who did it"),
    )
    responsible_count = _radio(
        PeopleCount.choices,
        label=_("How many people were involved in doing it?"),
        error=_("Select how many people were involved"),
        required=False,
    )
    responsible_description = _textarea(
        label=_("Describe them (optional)"),
        hint=_("Anything you remember: names, how they looked, what they wore, a car or where they live."),
        too_long=_("The description must be 5,000 characters or less"),
    )


# Evidence -----------------------------------------------------------------------------------------


class EvidenceForm(ReportingForm):
    file = forms.FileField(
        required=False,
        label=_("Upload a file"),
        help_text=_("A photo or screenshot (JPG or PNG) or a PDF, smaller than 10MB."),
        error_messages={
            "invalid": _("The selected file could not be uploaded – try again"),
            "empty": _("The selected file is empty"),
            "missing": _("Select a file"),
        },
    )


# How it affected them, and support ----------------------------------------------------------------


class ImpactForm(ReportingForm):
    safe_now = _radio(
        YesNoNotSure.choices,
        label=_("Do you feel safe now?"),
        error=_("Select if you feel safe now"),
        hint=_("If you are in danger now, call 999."),
    )
    impact = _textarea(
        label=_("How has it affected you or the person it happened to? (optional)"),
        too_long=_("How it affected you must be 5,000 characters or less"),
    )


class SupportForm(ReportingForm):
    support_wanted = _checkboxes(
        SupportWanted.choices,
        label=_("What support would help?"),
        hint=_("Select all that apply."),
    )
    interpreter = _radio(
        [("yes", _("Yes")), ("no", _("No"))],
        label=_("Do you need an interpreter to talk to us?"),
        error=_("Select if you need an interpreter"),
    )
    interpreter_language = _text(
        label=_("Which language?"),
        max_length=100,
        too_long=_("The language must be 100 characters or less"),
    )
    adjustments = _textarea(
        label=_("Do you need any changes because of a disability or health condition? (optional)"),
        hint=_("For example large print, British Sign Language, easy read, or meeting at home."),
        too_long=_("The changes you need must be 5,000 characters or less"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("interpreter") == "yes" and not cleaned.get("interpreter_language"):
            self.add_error("interpreter_language", _("Enter the language you need an interpreter for"))
        if cleaned.get("interpreter") == "no":
            cleaned["interpreter_language"] = ""
        if SupportWanted.NONE in (cleaned.get("support_wanted") or []) and len(cleaned["support_wanted"]) > 1:
            self.add_error("support_wanted", _("Select the support that would help, or 'No support for now'"))
        return cleaned


class BarriersForm(ReportingForm):
    barriers = _checkboxes(
        Barrier.choices,
        label=_("Did anything make it hard to report this? (optional)"),
        hint=_("Select all that apply. This helps us make reporting easier for everyone."),
    )
    barriers_other = _textarea(
        label=_("What else made it hard?"),
        too_long=_("What else made it hard must be 5,000 characters or less"),
    )


# Consent and contact ------------------------------------------------------------------------------

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ConsentForm(ReportingForm):
    police = _radio(
        YES_NO,
        label=_("Can we share your report with West Midlands Police?"),
        error=_("Select yes if we can share your report with West Midlands Police"),
    )
    victim_support = _radio(
        YES_NO,
        label=_("Can we share your report with Victim Support, so they can offer you help?"),
        error=_("Select yes if we can share your report with Victim Support"),
    )
    housing_provider = _radio(
        [*YES_NO, ("not_applicable", _("I don't have a housing provider, or it's not about my home"))],
        label=_("Can we share your report with your housing provider (landlord)?"),
        error=_("Select yes if we can share your report with your housing provider"),
    )
    housing_provider_name = _text(
        label=_("Who is your housing provider? (optional)"),
        hint=_("For example whg, Accord or Caldmore Area Housing"),
        too_long=_("The housing provider must be 200 characters or less"),
    )

    FIELD_FOR_RECIPIENT = {
        Consent.Recipient.POLICE: "police",
        Consent.Recipient.VICTIM_SUPPORT: "victim_support",
        Consent.Recipient.HOUSING_PROVIDER: "housing_provider",
    }

    def clean(self):
        cleaned = super().clean()
        cleaned["consents"] = [
            recipient for recipient, name in self.FIELD_FOR_RECIPIENT.items() if cleaned.get(name) == "yes"
        ]
        if cleaned.get("housing_provider") != "yes":
            cleaned["housing_provider_name"] = ""
        return cleaned


PHONE_ERROR = _("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")


class ContactForm(ReportingForm):
    contact_preference = _radio(
        ContactPreference.choices,
        label=_("Do you want to tell us who you are?"),
        error=_("Select if you want to tell us who you are"),
    )
    contact_name = _text(label=_("Your name"), too_long=_("Your name must be 200 characters or less"))
    contact_method = _radio(
        ContactMethod.choices,
        label=_("How can we safely contact you?"),
        error=_("Select how we can safely contact you"),
        required=False,
        hint=_("We will only say there is news. We never put what happened in an email or text."),
    )
    contact_email = _text(
        label=_("Email address"), max_length=254, too_long=_("The email address must be 254 characters or less")
    )
    contact_phone = _text(label=_("Phone number"), max_length=40, too_long=PHONE_ERROR)
    safe_times = _textarea(
        label=_("When is it safe to contact you? (optional)"),
        hint=_("For example weekdays after 6pm, or never at weekends"),
        too_long=_("Safe times must be 5,000 characters or less"),
    )

    def clean(self):
        cleaned = super().clean()
        preference = cleaned.get("contact_preference")
        if preference == ContactPreference.ANONYMOUS:
            for name in ("contact_name", "contact_email", "contact_phone", "safe_times"):
                cleaned[name] = ""
            cleaned["contact_method"] = ContactMethod.NONE
            return cleaned
        if preference is None:
            return cleaned
        named = preference == ContactPreference.NAMED
        if named and not cleaned.get("contact_name") and "contact_name" not in self.errors:
            self.add_error("contact_name", _("Enter your name"))
        method = cleaned.get("contact_method")
        if not method:
            self.add_error("contact_method", _("Select how we can safely contact you"))
        elif method == ContactMethod.EMAIL:
            self._check_email(cleaned)
        elif method in (ContactMethod.TEXT, ContactMethod.PHONE):
            self._check_phone(cleaned)
        return cleaned

    def _check_email(self, cleaned):
        email = (cleaned.get("contact_email") or "").strip()
        if "contact_email" in self.errors:
            return
        if not email:
            self.add_error("contact_email", _("Enter your email address"))
            return
        try:
            EmailValidator()(email)
        except forms.ValidationError:
            self.add_error("contact_email", _("Enter an email address in the correct format, like name@example.com"))

    def _check_phone(self, cleaned):
        phone = (cleaned.get("contact_phone") or "").strip()
        if "contact_phone" in self.errors:
            return
        digits = "".join(character for character in phone if character.isascii() and character.isdigit())
        allowed = set("0123456789 +-()")
        if not phone:
            self.add_error("contact_phone", _("Enter your phone number"))
        elif not set(phone) <= allowed or not 10 <= len(digits) <= 15:
            self.add_error("contact_phone", PHONE_ERROR)


# After submitting ---------------------------------------------------------------------------------


class SubmitForm(HumanCheckMixin, ReportingForm):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_started_field()


class ReceiptSavedForm(forms.Form):
    saved = forms.BooleanField(
        label=_("I have saved my case reference and receipt"),
        error_messages={"required": _("Confirm you have saved your case reference and receipt")},
    )


class CheckSignInForm(HumanCheckMixin, ReportingForm):
    reference = _text(
        label=_("Case reference"),
        hint=_("For example WFA-7K3M9QXB"),
        max_length=30,
        required=True,
        error=_("Enter your case reference"),
        too_long=_("Enter the case reference exactly as it was given to you"),
    )
    receipt = _text(
        label=_("Secret receipt"),
        hint=_("20 letters and numbers in 5 groups, for example ABCD-EFGH-JKMN-PQRS-TVWX"),
        max_length=60,
        required=True,
        error=_("Enter your secret receipt"),
        too_long=_("Enter the secret receipt exactly as it was given to you"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_started_field()
        self.fields["receipt"].widget = forms.PasswordInput(render_value=True)
        self.fields["receipt"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})


class MessageForm(ReportingForm):
    body = _textarea(
        label=_("Send a message to your caseworker"),
        required=True,
        error=_("Enter your message"),
        too_long=_("Your message must be 5,000 characters or less"),
    )


class AddInformationForm(ReportingForm):
    text = _textarea(
        label=_("What would you like to add?"),
        required=True,
        error=_("Enter what you would like to add"),
        max_length=MAX_ACCOUNT_CHARACTERS,
        too_long=_("What you add must be 20,000 characters or less"),
    )


class WithdrawConsentForm(ReportingForm):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw my consent"),
        error_messages={"required": _("Confirm you want to withdraw your consent")},
    )
