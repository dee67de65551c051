from tests.access import Expect, public

UNAUTHORISED = 401  # DRF with TokenAuthentication first answers anonymous API requests with 401


def _with_a_ward():
    _ward_kwargs()
    return {}


def _ward_kwargs():
    from places.tests.factories import WardFactory

    return {"gss_code": WardFactory().gss_code}


def _api_ward_kwargs():
    import datetime

    from places.tests.factories import WardFactory, WardGenerationFactory

    generation = WardGenerationFactory(valid_from=datetime.date(2000, 1, 1), valid_to=None)
    return {"gss_code": WardFactory(generation=generation).gss_code}


def _postcode_kwargs():
    from places.tests.factories import PostcodeFactory

    return {"postcode": PostcodeFactory().postcode.replace(" ", "")}


def _api(url_name, **options):
    return Expect(url_name, default=200, anonymous=UNAUTHORISED, **options)


EXPECTATIONS = [
    public("places:ward_list", kwargs=_with_a_ward),
    public("places:ward_detail", kwargs=_ward_kwargs),
    public("places:find_ward"),
    _api("api-ward-list", kwargs=lambda: _api_ward_kwargs() and {}),
    _api("api-ward-detail", kwargs=_api_ward_kwargs),
    _api("api-postcode-detail", kwargs=_postcode_kwargs),
]
