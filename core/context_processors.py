from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi


def site(request):
    current = get_language() or settings.LANGUAGE_CODE
    return {
        "site_name": settings.SITE_NAME,
        "demo_mode": settings.DEMO_MODE,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "current_language": current,
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": translate_url(request.get_full_path(), code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
    }
