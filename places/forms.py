from django import forms
from django.utils.translation import gettext_lazy as _

from .postcodes import normalise_postcode


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=20,
        required=True,
        strip=True,
        error_messages={
            "required": _("Enter a postcode"),
            "max_length": _("Enter a real postcode, like WS1 1TP"),
        },
    )

    def clean_postcode(self):
        normalised = normalise_postcode(self.cleaned_data["postcode"])
        if normalised is None:
            raise forms.ValidationError(
                _("Enter a full UK postcode, like WS1 1TP: letters and numbers, then a space, a number and 2 letters"),
                code="malformed",
            )
        return normalised
