"""Who may open the URLs that libraries add: allauth's sign-in and two-factor pages, the admin, the schema."""

from accounts.roles import Role
from tests.access import OK, REDIRECT, SIGN_IN, Expect, public


def signed_in_only(url_name, **options):
    return Expect(url_name, default=OK, anonymous=SIGN_IN, **options)


def redirects_everyone(url_name, **options):
    return Expect(url_name, default=REDIRECT, **options)


EXPECTATIONS = [
    public("api-schema"),
    # Sign in and out.
    Expect("account_login", default=REDIRECT, anonymous=OK),  # signed-in staff go to their dashboard
    Expect("account_logout", default=OK, anonymous=REDIRECT),
    Expect("account_signup", default=REDIRECT, anonymous=OK),  # says sign-up is closed: staff are invited
    public("account_inactive"),
    public("account_email_verification_sent"),
    public("account_confirm_email", kwargs=lambda: {"key": "not-a-real-key"}),
    redirects_everyone("account_confirm_login_code"),  # login by emailed code is switched off
    # Passwords.
    public("account_reset_password"),
    public("account_reset_password_done"),
    public("account_reset_password_from_key", kwargs=lambda: {"uidb36": "0", "key": "not-a-real-key"}),
    public("account_reset_password_from_key_done"),
    signed_in_only("account_change_password"),
    Expect("account_set_password", default=REDIRECT, anonymous=SIGN_IN),  # staff have passwords: go to change
    signed_in_only("account_email"),
    signed_in_only("account_reauthenticate"),
    Expect("account_request_reauthentication_code", default=REDIRECT, anonymous=SIGN_IN),
    Expect("account_confirm_reauthentication_code", default=REDIRECT, anonymous=SIGN_IN),
    # Two-factor authentication. Pages that reveal or change a factor ask for the password again first.
    signed_in_only("mfa_index"),
    signed_in_only("mfa_reauthenticate"),
    Expect("mfa_authenticate", default=REDIRECT, anonymous=SIGN_IN),  # only mid-sign-in
    Expect("mfa_activate_totp", default=REDIRECT, anonymous=SIGN_IN),  # everyone here already has TOTP
    Expect("mfa_deactivate_totp", default=REDIRECT, anonymous=SIGN_IN),
    Expect("mfa_view_recovery_codes", default=REDIRECT, anonymous=SIGN_IN),
    Expect("mfa_generate_recovery_codes", default=REDIRECT, anonymous=SIGN_IN),
    Expect("mfa_download_recovery_codes", default=REDIRECT, anonymous=SIGN_IN),
    # The Django admin is for holders of the administrator role (is_staff follows it); others are sent away.
    Expect("admin:index", default=REDIRECT, roles={Role.ADMINISTRATOR: OK}, covers_prefix="admin:"),
]
