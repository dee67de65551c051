from django import forms
from django.utils.translation import gettext_lazy as _

from places import selectors as places_selectors
from places.postcodes import normalise_postcode

from .search import ACCESSIBILITY_FEATURES, DAYS, LANGUAGES, SearchQuery

WHEN_CHOICES = [("", _("Any time")), ("now", _("Open now"))] + [(code, name) for code, name in DAYS]
SEARCH_PARAMETERS = ["postcode", "ward", "q", "category", "language", "free", "when", "accessibility", "age"]


class SearchForm(forms.Form):
    """The public directory search: where (a postcode or a ward) and filters. Read from GET."""

    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=20,
        required=False,
        strip=True,
        error_messages={"max_length": _("Enter a real postcode, like WS1 1TP")},
    )
    ward = forms.ChoiceField(label=_("Or choose a ward"), required=False)
    q = forms.CharField(label=_("Keywords (optional)"), max_length=100, required=False, strip=True)
    category = forms.ChoiceField(label=_("Category"), required=False)
    language = forms.ChoiceField(
        label=_("Language spoken"), required=False, choices=[("", _("Any language")), *LANGUAGES]
    )
    free = forms.BooleanField(label=_("Free services only"), required=False)
    when = forms.ChoiceField(label=_("When open"), required=False, choices=WHEN_CHOICES)
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibility"),
        required=False,
        choices=[(key, label) for key, label, _words in ACCESSIBILITY_FEATURES],
        widget=forms.CheckboxSelectMultiple,
    )
    age = forms.IntegerField(
        label=_("Age of the person who needs help (optional)"),
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": _("Enter an age in years as a whole number, like 34"),
            "min_value": _("Age must be 0 or more"),
            "max_value": _("Age must be 120 or less"),
        },
    )

    def __init__(self, *args, wards=(), categories=(), generation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.generation = generation
        self.lookup = None
        self.fields["ward"].choices = [("", _("All of Walsall")), *list(wards)]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (choice.id, f"– {choice.label}" if choice.is_child else choice.label) for choice in categories
        ]

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
        if lookup is None or lookup.postcode.lat is None:
            raise forms.ValidationError(
                _("We could not find %(postcode)s. Check it is a Walsall postcode, or choose a ward instead"),
                code="unknown",
                params={"postcode": normalised},
            )
        self.lookup = lookup
        return normalised

    def query(self):
        data = self.cleaned_data
        origin = (self.lookup.postcode.lat, self.lookup.postcode.lon) if self.lookup else None
        return SearchQuery(
            origin=origin,
            ward_code=data.get("ward") or "",
            category_id=data.get("category") or "",
            language=data.get("language") or "",
            free=bool(data.get("free")),
            when=data.get("when") or "",
            accessibility=list(data.get("accessibility") or []),
            age=data.get("age"),
            text=data.get("q") or "",
        )
