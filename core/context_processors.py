from django.conf import settings
from django.utils.translation import get_language, get_language_bidi, get_language_from_path


def site(request):
    current = get_language() or settings.LANGUAGE_CODE
    return {
        "site_name": settings.SITE_NAME,
        "demo_mode": settings.DEMO_MODE,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "current_language": current,
        "language_links": [
            {"code": code, "name": name, "url": _in_language(request, code), "current": code == current}
            for code, name in settings.LANGUAGES
        ],
    }


def _in_language(request, code):
    """This page's address in another language.

    Our paths are the same in every language, only the prefix differs (none for English), so swapping
    the prefix is enough; Django's translate_url resolves and reverses the path for each of the seven
    languages, which cost a millisecond of every page.
    """
    path = request.get_full_path()
    prefix = get_language_from_path(request.path_info)
    if prefix:
        path = path[len(prefix) + 1 :] or "/"
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
