import io

import pytest
from django.core.management import call_command

from directory.taxonomy import load_walsall_taxonomy
from places import selectors as places_selectors
from places.models import Postcode


@pytest.fixture
def content(db):
    call_command("load_welcome_content", stdout=io.StringIO())


@pytest.fixture
def taxonomy(db):
    load_walsall_taxonomy()


@pytest.fixture
def postcode(walsall):
    """A Walsall postcode with a point and its ward (by boundary, as the pack finds it)."""
    record = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode").first()
    record.ward_code = places_selectors.postcode_lookup(record.postcode).ward.gss_code
    return record


@pytest.fixture
def ward_name(postcode, walsall):
    return walsall.wards.get(gss_code=postcode.ward_code).name
