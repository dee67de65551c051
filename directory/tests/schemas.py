"""Validation against the standard's JSON Schemas (shared/specs/open-referral-uk/schema)."""

import json
from functools import cache

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_DIR = settings.BASE_DIR.parent / "shared" / "specs" / "open-referral-uk"
SCHEMA_DIR = SPEC_DIR / "schema"
EXAMPLES_DIR = SPEC_DIR / "examples"
BASE = "https://oruk.test/schema/"


@cache
def _registry():
    resources = []
    for path in [*SCHEMA_DIR.glob("*.json"), *SCHEMA_DIR.glob("compiled/*.json")]:
        contents = json.loads(path.read_text(encoding="utf-8"))
        uri = BASE + str(path.relative_to(SCHEMA_DIR))
        resources.append((uri, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def errors(instance, schema):
    """The validation errors of ``instance`` against e.g. ``compiled/service.json``."""
    validator = Draft202012Validator({"$ref": BASE + schema}, registry=_registry(), format_checker=FormatChecker())
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(instance)]


PAGE_FIELDS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
    "contents": list,
}


def page_errors(page, item_schema):
    """The envelope of openapi.json's Page, and each item against ``item_schema``."""
    problems = [f"{key} is not {kind.__name__}" for key, kind in PAGE_FIELDS.items() if type(page.get(key)) is not kind]
    for item in page.get("contents", []):
        problems.extend(errors(item, item_schema))
    return problems
