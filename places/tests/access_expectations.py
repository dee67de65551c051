from tests.access import Expect, public

UNAUTHORISED = 401  # DRF with TokenAuthentication first answers anonymous API requests with 401


def _with_a_ward():
    _ward_kwargs()
    return {}


def _ward_kwargs():
    """A ward of a factory generation still in force (valid_to empty), so the API serves it as current."""
    from places.tests.factories import WardFactory

    return {"gss_code": WardFactory().gss_code}


def _postcode_kwargs():
    from places.tests.factories import PostcodeFactory

    return {"postcode": PostcodeFactory().postcode.replace(" ", "")}


def _api(url_name, **options):
    return Expect(url_name, default=200, anonymous=UNAUTHORISED, **options)


EXPECTATIONS = [
    public("places:ward_list", kwargs=_with_a_ward),
    public("places:ward_detail", kwargs=_ward_kwargs),
    public("places:find_ward"),
    _api("api-ward-list", kwargs=_with_a_ward),
    _api("api-ward-detail", kwargs=_ward_kwargs),
    _api("api-postcode-detail", kwargs=_postcode_kwargs),
]
