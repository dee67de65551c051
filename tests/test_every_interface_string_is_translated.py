"""Every public page must be readable in every interface language, so every string must be translated.

The test extracts the interface strings afresh (as `make translations` does) into a copy of the
catalogues, so a new untranslated string fails here, not in front of a resident.
"""

import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    locale = tmp_path_factory.mktemp("locale")
    shutil.copytree(settings.BASE_DIR / "locale", locale, dirs_exist_ok=True)
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[locale]):
        patch.chdir(settings.BASE_DIR)
        call_command(
            "makemessages",
            locale=LANGUAGES,
            ignore_patterns=[".venv/*", "node_modules/*", "static_build/*", "staticfiles/*", "var/*"],
            no_obsolete=True,
            no_location=True,
            verbosity=0,
        )
    return locale


def entries(flag, path):
    result = subprocess.run(["msgattrib", flag, "--no-wrap", str(path)], capture_output=True, text=True, check=True)  # noqa: S603, S607
    return [
        line[len('msgid "') : -1]
        for line in result.stdout.splitlines()
        if line.startswith('msgid "') and line != 'msgid ""'
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_has_a_translation(fresh_catalogues, language):
    catalogue = fresh_catalogues / language / "LC_MESSAGES" / "django.po"

    assert entries("--untranslated", catalogue) == []
    assert entries("--only-fuzzy", catalogue) == []
