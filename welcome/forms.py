import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from directory.search import LANGUAGES
from places import selectors as places_selectors
from places.postcodes import normalise_postcode

from . import markup
from .household import ENGLISH_LEVELS, NEEDS

MAX_CHILDREN = 12


class WhereForm(forms.Form):
    """Where the resident lives: a postcode, or a ward for those who prefer not to give one."""

    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=20,
        required=False,
        strip=True,
        error_messages={"max_length": _("Enter a real postcode, like WS1 1TP")},
    )
    ward = forms.ChoiceField(
        label=_("Or choose your ward"),
        required=False,
        error_messages={"invalid_choice": _("Choose a ward from the list")},
    )

    def __init__(self, *args, wards=(), generation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.generation = generation
        self.lookup = None
        self.fields["ward"].choices = [("", _("Choose a ward")), *wards]

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if not value:
            return ""
        normalised = normalise_postcode(value)
        if normalised is None:
            raise forms.ValidationError(
                _("Enter a full UK postcode, like WS1 1TP: letters and numbers, then a space, a number and 2 letters"),
                code="malformed",
            )
        lookup = places_selectors.postcode_lookup(normalised, generation=self.generation)
        if lookup is None or lookup.postcode.lat is None or lookup.ward is None:
            raise forms.ValidationError(
                _("We could not find %(postcode)s in Walsall. Check the postcode, or choose your ward instead"),
                code="unknown",
                params={"postcode": normalised},
            )
        self.lookup = lookup
        return normalised

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("postcode") and not data.get("ward"):
            self.add_error("postcode", _("Enter your postcode, or choose your ward"))
        return data

    def ward_code(self):
        if self.lookup is not None:
            return self.lookup.ward.gss_code
        return self.cleaned_data["ward"]


class HouseholdForm(forms.Form):
    has_children = forms.TypedChoiceField(
        label=_("Do any children live with you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if any children live with you")},
    )
    child_ages = forms.CharField(
        label=_("How old are they?"),
        help_text=_("Write each child's age in years, separated by commas, for example 3, 7, 12. Use 0 for a baby."),
        max_length=100,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("has_children"):
            raw = (data.get("child_ages") or "").strip()
            if not raw:
                self.add_error("child_ages", _("Enter the age of each child, like 3, 7"))
                return data
            parts = [part for part in re.split(r"[,\s;]+", raw) if part]
            if not all(part.isdigit() for part in parts):
                self.add_error("child_ages", _("Ages must be whole numbers separated by commas, like 3, 7"))
            elif any(int(part) > 17 for part in parts):
                self.add_error("child_ages", _("Children's ages must be 17 or under"))
            elif len(parts) > MAX_CHILDREN:
                self.add_error("child_ages", _("Enter the ages of up to 12 children"))
            else:
                data["child_ages"] = sorted(int(part) for part in parts)
        else:
            data["child_ages"] = []
        return data


class LanguagesForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Which languages do you speak at home?"),
        help_text=_("Select all that apply. We will point out services that speak them."),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one language you speak at home")},
    )
    english_level = forms.ChoiceField(
        label=_("How well do you speak English?"),
        choices=ENGLISH_LEVELS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how well you speak English")},
    )


class NeedsForm(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("Does anyone in your household have any of these needs?"),
        help_text=_("Select all that apply. We will list places that meet them first. Leave empty if none apply."),
        choices=[(key, label) for key, label, _feature in NEEDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class PackLanguageForm(forms.Form):
    pack_language = forms.ChoiceField(
        label=_("Which language should your Welcome Pack be in?"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the language for your Welcome Pack")},
    )


class ConfirmForm(forms.Form):
    """Check your answers: the hidden key makes a second press of the button open the same pack."""

    pack_id = forms.UUIDField(widget=forms.HiddenInput)


class SectionTranslationForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Enter a title for this section")}
    )
    body = forms.CharField(
        label=_("Text"),
        help_text=markup.HELP_TEXT,
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=20_000,
        error_messages={"required": _("Enter the text of this section")},
    )
    easy_read_body = forms.CharField(
        label=_("Easy read text (optional)"),
        help_text=_("Short sentences, one idea on each line. The same rules for lists and links apply."),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        required=False,
    )
    # The saved text's version when the editor opened the page: a save over a newer change is refused.
    based_on = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, current_version="", **kwargs):
        super().__init__(*args, **kwargs)
        self.current_version = current_version

    def clean(self):
        data = super().clean()
        if data.get("based_on") and data["based_on"] != self.current_version:
            self.add_error(
                "body",
                _(
                    "Someone else saved this section after you opened it. Your text is kept below: "
                    "check their change in the pack, then save again to replace it with yours."
                ),
            )
            self.data = self.data.copy()
            self.data["based_on"] = self.current_version  # a second save, made knowingly, goes through
        return data
