from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors
from .access import public


@public()
def home(request):
    return render(request, "core/home.html")


@public()
def accessibility(request):
    return render(request, "core/accessibility.html")


@public()
def privacy(request):
    return render(request, "core/privacy.html")


def page_not_found(request, exception=None):
    return render(
        request,
        "core/error.html",
        {
            "heading": _("Page not found"),
            "lines": [
                _("If you typed the web address, check it is correct."),
                _("If you pasted the web address, check you copied the entire address."),
            ],
        },
        status=404,
    )


def server_error(request):
    return render(
        request,
        "core/error.html",
        {
            "heading": _("Sorry, there is a problem with the service"),
            "lines": [
                _("Try again later."),
                _("Anything you had already saved has not been lost."),
            ],
        },
        status=500,
    )


def permission_denied(request, exception=None):
    return render(
        request,
        "core/error.html",
        {
            "heading": _("You cannot see this page"),
            "lines": [
                _("Your account does not have access to this page."),
                _("If you think it should, ask your organisation's administrator."),
            ],
        },
        status=403,
    )


def bad_request(request, exception=None):
    return render(
        request,
        "core/error.html",
        {
            "heading": _("Sorry, there is a problem with the service"),
            "lines": [_("The request could not be understood. Go back and try again.")],
        },
        status=400,
    )


def csrf_failure(request, reason=""):
    return render(
        request,
        "core/error.html",
        {
            "heading": _("Your form could not be sent"),
            "lines": [
                _("This can happen if the page was open for a long time or cookies are blocked."),
                _("Go back, reload the page and send the form again."),
            ],
        },
        status=403,
    )


def rate_limited(request, exception=None):
    return render(
        request,
        "core/error.html",
        {
            "heading": _("Too many attempts"),
            "lines": [_("You have tried this too many times in a short while. Wait a few minutes, then try again.")],
        },
        status=429,
    )


@public()
def api_docs(request):
    return render(request, "core/api_docs.html", {"endpoints": selectors.api_endpoints()})
