from allauth.account.adapter import DefaultAccountAdapter


class StaffAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are made by administrators; nobody can sign themselves up."""

    def is_open_for_signup(self, request):
        return False


def axes_username(request, credentials):
    """The email address a sign-in attempt was made for, however allauth named the field."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("login") or credentials.get("username")
    if value is None and request is not None and hasattr(request, "POST"):
        value = request.POST.get("login")
    return (value or "").strip().lower()
