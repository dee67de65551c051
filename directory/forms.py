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


# Editors' service form --------------------------------------------------------------------------

COST_CHOICES = [("free", _("Free")), ("paid", _("There is a cost"))]
TIME_FORMAT_ERROR = _("Enter a time in 24-hour format, like 09:30 or 17:00")


def _time_field(label):
    return forms.TimeField(
        label=label,
        required=False,
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={"invalid": TIME_FORMAT_ERROR},
    )


def _category_groups(categories, first_id):
    """Each top-level category with its children: [(label, [(value, label, input id), ...]), ...].

    The top-level term is itself the first box of its group ("in general"); the very first box has
    the field's own id, so the error summary links to it.
    """
    groups = []
    for index, choice in enumerate(categories):
        input_id = first_id if index == 0 else f"{first_id}_{index}"
        if choice.is_child and groups:
            groups[-1][1].append((choice.id, choice.label, input_id))
        else:
            general = _("%(category)s in general") % {"category": choice.label}
            groups.append((choice.label, [(choice.id, general, input_id)]))
    return groups


class ServiceEditForm(forms.Form):
    """Everything an editor keeps up to date about a service, on one page.

    ``snapshot()`` turns the cleaned form into plain JSON (the proposed change that is stored and
    compared), and ``directory.editing.service_snapshot`` makes the same shape from a service, so a
    form's ``initial`` and a change's ``proposed`` are interchangeable.
    """

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name of the service"),
        max_length=255,
        error_messages={"required": _("Enter the name of the service")},
    )
    description = forms.CharField(
        label=_("What the service does"),
        help_text=_("Say who it helps and how, in plain words. Residents read this first."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Enter what the service does")},
    )
    organization = forms.ChoiceField(
        label=_("Organisation that runs it"),
        error_messages={
            "required": _("Select the organisation that runs the service"),
            "invalid_choice": _("Select an organisation from the list"),
        },
    )
    url = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://www.example.org")},
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        required=False,
        max_length=50,
        error_messages={"max_length": _("Phone number must be 50 characters or fewer")},
    )
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        help_text=_("Select every category a resident might look under."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Select at least one category"),
            "invalid_choice": _("Select categories from the list"),
        },
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken by staff or volunteers (optional)"),
        required=False,
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select languages from the list")},
    )
    cost = forms.ChoiceField(
        label=_("Does it cost anything?"),
        choices=COST_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether the service is free or has a cost")},
    )
    fees = forms.CharField(
        label=_("What it costs"),
        help_text=_("For example: £3 a session, free for under 16s."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    cost_amount = forms.DecimalField(
        label=_("Lowest price in pounds (optional)"),
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter a price in pounds, like 3.50"),
            "min_value": _("Price must be 0 or more"),
            "max_decimal_places": _("Enter a price with no more than 2 decimal places, like 3.50"),
            "max_digits": _("Enter a price under £1,000,000"),
            "max_whole_digits": _("Enter a price under £1,000,000"),
        },
    )
    minimum_age = forms.IntegerField(
        label=_("Youngest age (optional)"),
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": _("Enter the youngest age as a whole number, like 16"),
            "min_value": _("Youngest age must be 0 or more"),
            "max_value": _("Youngest age must be 120 or less"),
        },
    )
    maximum_age = forms.IntegerField(
        label=_("Oldest age (optional)"),
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": _("Enter the oldest age as a whole number, like 25"),
            "min_value": _("Oldest age must be 0 or more"),
            "max_value": _("Oldest age must be 120 or less"),
        },
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibility at the venue (optional)"),
        required=False,
        choices=[(key, label) for key, label, _words in ACCESSIBILITY_FEATURES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select accessibility features from the list")},
    )
    location_name = forms.CharField(label=_("Name of the venue (optional)"), required=False, max_length=255)
    address_1 = forms.CharField(label=_("Address line 1 (optional)"), required=False, max_length=255)
    address_2 = forms.CharField(label=_("Address line 2 (optional)"), required=False, max_length=255)
    city = forms.CharField(label=_("Town or city (optional)"), required=False, max_length=255)
    postcode = forms.CharField(
        label=_("Postcode (optional)"),
        help_text=_("We use it to place the service on the map and to find it by ward."),
        required=False,
        max_length=20,
        error_messages={"max_length": _("Enter a real postcode, like WS1 1TP")},
    )

    def __init__(self, *args, organizations=(), categories=(), current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current or {}
        self.fields["organization"].choices = [("", _("Select an organisation")), *organizations]
        self.fields["categories"].choices = [(choice.id, choice.label) for choice in categories]
        self.category_groups = _category_groups(categories, self["categories"].auto_id)
        self.location = None
        for code, day in DAYS:
            self.fields[f"opens_{code}"] = _time_field(_("%(day)s opens") % {"day": day})
            self.fields[f"closes_{code}"] = _time_field(_("%(day)s closes") % {"day": day})

    @property
    def day_fields(self):
        """(day name, (opens field, closes field)) for the opening times table."""
        return [(day, (self[f"opens_{code}"], self[f"closes_{code}"])) for code, day in DAYS]

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
        lookup = places_selectors.postcode_lookup(normalised)
        if lookup is None or lookup.postcode.lat is None:
            raise forms.ValidationError(
                _("We could not find %(postcode)s. Check it is a Walsall postcode"),
                code="unknown",
                params={"postcode": normalised},
            )
        self.location = (lookup.postcode.lat, lookup.postcode.lon)
        return normalised

    def clean(self):
        data = super().clean()
        if data.get("cost") == "paid" and not data.get("fees") and "fees" not in self.errors:
            self.add_error("fees", _("Enter what the service costs"))
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and high < low:
            self.add_error("maximum_age", _("Oldest age must be the same as or more than the youngest age"))
        if data.get("address_1") and not data.get("postcode") and "postcode" not in self.errors:
            self.add_error("postcode", _("Enter the postcode of the address"))
        if data.get("postcode") and not data.get("address_1"):
            self.add_error("address_1", _("Enter the first line of the address"))
        if data.get("accessibility") and not (data.get("address_1") or data.get("location_name")):
            self.add_error("accessibility", _("Enter the venue's address to say what access it has"))
        for code, day in DAYS:
            if f"opens_{code}" in self.errors or f"closes_{code}" in self.errors:
                continue
            opens, closes = data.get(f"opens_{code}"), data.get(f"closes_{code}")
            if opens is None and closes is not None:
                self.add_error(f"opens_{code}", _("Enter the time it opens on %(day)s") % {"day": day})
            elif opens is not None and closes is None:
                self.add_error(f"closes_{code}", _("Enter the time it closes on %(day)s") % {"day": day})
            elif opens is not None and closes <= opens:
                self.add_error(f"closes_{code}", _("The closing time on %(day)s must be after it opens") % {"day": day})
        return data

    def snapshot(self):
        """The cleaned form as JSON-ready values (strings, lists of strings, numbers or None)."""
        data = self.cleaned_data
        latitude, longitude = self.location if self.location else (None, None)
        if data["postcode"] and data["postcode"] == self.current.get("postcode") and self.current.get("latitude"):
            # The same postcode keeps the venue's own point (often more exact than the postcode's).
            latitude, longitude = self.current["latitude"], self.current["longitude"]
        snapshot = {
            "name": data["name"].strip(),
            "description": data["description"].strip(),
            "organization": data["organization"],
            "url": data["url"],
            "email": data["email"],
            "phone": data["phone"].strip(),
            "categories": sorted(data["categories"]),
            "languages": sorted(data["languages"]),
            "cost": data["cost"],
            "fees": data["fees"].strip() if data["cost"] == "paid" else "",
            "cost_amount": (
                str(data["cost_amount"]) if data["cost"] == "paid" and data["cost_amount"] is not None else ""
            ),
            "minimum_age": data["minimum_age"],
            "maximum_age": data["maximum_age"],
            "accessibility": sorted(data["accessibility"]),
            "location_name": data["location_name"].strip(),
            "address_1": data["address_1"].strip(),
            "address_2": data["address_2"].strip(),
            "city": data["city"].strip(),
            "postcode": data["postcode"],
            "latitude": latitude,
            "longitude": longitude,
        }
        for code, _day in DAYS:
            opens, closes = data.get(f"opens_{code}"), data.get(f"closes_{code}")
            snapshot[f"opens_{code}"] = opens.strftime("%H:%M") if opens else ""
            snapshot[f"closes_{code}"] = closes.strftime("%H:%M") if closes else ""
        return snapshot


class ChangeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Do you want to publish this change?"),
        choices=[("approve", _("Yes, publish it")), ("reject", _("No, reject it"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether to publish or reject the change")},
    )
    reason = forms.CharField(
        label=_("Why are you rejecting it?"),
        help_text=_("The organisation that proposed the change will see this."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Reason must be 2,000 characters or fewer")},
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Enter why you are rejecting the change"))
        return data
