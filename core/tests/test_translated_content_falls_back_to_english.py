from django.conf import settings
from parler import appsettings


def test_every_interface_language_can_hold_translated_content_falling_back_to_english():
    for code, _name in settings.LANGUAGES:
        language = appsettings.PARLER_LANGUAGES.get_language(code)
        assert language["code"] == code
        assert language["fallbacks"] == ["en"]
