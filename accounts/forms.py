from allauth.account.forms import LoginForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# As long as the email address of an account can be (``User.email``).
EMAIL_MAX_LENGTH = 254


class StaffLoginForm(LoginForm):
    """allauth's sign-in form with GOV.UK error messages (settings: ``ACCOUNT_FORMS["login"]``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.max_length = EMAIL_MAX_LENGTH
        login.validators = [
            *(validator for validator in login.validators if not isinstance(validator, MaxLengthValidator)),
            MaxLengthValidator(EMAIL_MAX_LENGTH),
        ]
        login.widget.attrs["maxlength"] = str(EMAIL_MAX_LENGTH)
        login.error_messages.update(
            {
                "required": _("Enter your email address"),
                "invalid": _("Enter an email address in the correct format, like name@example.com"),
                "max_length": _("Email address must be 254 characters or fewer"),
            }
        )
        self.fields["password"].error_messages.update({"required": _("Enter your password")})
