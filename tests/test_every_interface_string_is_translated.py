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
NOT_SOURCE = (".git", ".venv", "node_modules", "static_build", "staticfiles", "var", "*.mo", "__pycache__")


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    # makemessages writes into the locale folder of the tree it walks, so it walks a copy.
    tree = tmp_path_factory.mktemp("source") / "project"
    shutil.copytree(settings.BASE_DIR, tree, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[tree / "locale"]):
        patch.chdir(tree)
        call_command("makemessages", locale=LANGUAGES, no_obsolete=True, no_location=True, verbosity=0)
    return tree / "locale"


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
