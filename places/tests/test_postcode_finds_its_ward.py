import pytest

from places import selectors
from places.forms import PostcodeForm
from places.postcodes import normalise_postcode


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("ws1 1tp", "WS1 1TP"), (" WS11TP ", "WS1 1TP"), ("wv13  9zz", "WV13 9ZZ"), ("B74 9ZX", "B74 9ZX")],
)
def test_postcodes_are_normalised(typed, expected):
    assert normalise_postcode(typed) == expected


@pytest.mark.parametrize("typed", ["", "WS1", "WS1 1T", "1WS 1TP", "WS1 1TPX", "hello", "WS1 1CI"])
def test_malformed_postcodes_are_refused_with_a_clear_message(typed):
    form = PostcodeForm({"postcode": typed})
    assert not form.is_valid()
    message = form.errors["postcode"][0]
    if typed:
        assert message.startswith("Enter a full UK postcode, like WS1 1TP")
    else:
        assert message == "Enter a postcode"


@pytest.mark.django_db
def test_a_demo_postcode_finds_its_lsoa_and_ward(walsall):
    result = selectors.postcode_lookup("ws9 9za", generation=walsall)
    assert result.postcode.is_synthetic
    assert result.lsoa.code == "E01010241"
    assert result.ward.name == "Aldridge Central and South"
    assert result.lsoa_ward == result.ward == result.ward_by_boundary


@pytest.mark.django_db
def test_the_council_house_postcode_is_in_st_matthews_by_boundary(walsall):
    result = selectors.postcode_lookup("WS1 1TP", generation=walsall)
    assert result.ward.name == "St Matthew's"
    assert result.lsoa_ward.name == "Birchills Leamore"  # the LSOA's ONS best-fit ward


@pytest.mark.django_db
def test_a_well_formed_postcode_not_in_walsall_is_not_found(walsall):
    assert selectors.postcode_lookup("SW1A 1AA") is None
    assert selectors.postcode_lookup("not a postcode") is None
