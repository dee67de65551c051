from tests.access import public


def _ward_kwargs():
    """A real Walsall ward when the open data is imported (browser tests), else a factory ward."""
    from places.models import Ward
    from places.tests.factories import WardFactory

    ward = Ward.objects.order_by("gss_code").first() or WardFactory()
    return {"gss_code": ward.gss_code}


def _map_kwargs():
    return {"geography": "lsoa", "measure": "share-asian"}


def _ward_map_kwargs():
    return {"geography": "ward", "measure": "local-entropy"}


EXPECTATIONS = [
    public("insights:overview"),
    public("insights:segregation"),
    public("insights:segregation_csv"),
    public("insights:area_map", kwargs=_map_kwargs),
    public("insights:area_map", kwargs=_ward_map_kwargs),
    public("insights:area_map_csv", kwargs=_map_kwargs),
    public("insights:ward_profile", kwargs=_ward_kwargs),
    public("insights:ward_profile_csv", kwargs=_ward_kwargs),
]
