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


def error_page(request, status, heading, *lines):
    return render(request, "core/error.html", {"heading": heading, "lines": lines}, status=status)


def page_not_found(request, exception=None):
    return error_page(
        request,
        404,
        _("Page not found"),
        _("If you typed the web address, check it is correct."),
        _("If you pasted the web address, check you copied the entire address."),
    )


def server_error(request):
    return error_page(
        request,
        500,
        _("Sorry, there is a problem with the service"),
        _("Try again later."),
        _("Anything you had already saved has not been lost."),
    )


def permission_denied(request, exception=None):
    return error_page(
        request,
        403,
        _("You cannot see this page"),
        _("Your account does not have access to this page."),
        _("If you think it should, ask your organisation's administrator."),
    )


def bad_request(request, exception=None):
    return error_page(
        request,
        400,
        _("Sorry, there is a problem with the service"),
        _("The request could not be understood. Go back and try again."),
    )


def csrf_failure(request, reason=""):
    return error_page(
        request,
        403,
        _("Your form could not be sent"),
        _("This can happen if the page was open for a long time or cookies are blocked."),
        _("Go back, reload the page and send the form again."),
    )


def rate_limited(request, exception=None):
    return error_page(
        request,
        429,
        _("Too many attempts"),
        _("You have tried this too many times in a short while. Wait a few minutes, then try again."),
    )


@public()
def api_docs(request):
    return render(request, "core/api_docs.html", {"endpoints": selectors.api_endpoints()})
