import pytest

from places import services
from places.models import Postcode

HEADER = (
    "pcd,pcd2,pcds,dointr,doterm,oscty,oslaua,osward,usertype,oseast1m,osnrth1m,lsoa11,msoa11,lsoa21,msoa21,oa21,"
    "lat,long"
)
ROWS = [
    "WS1 1AA,WS1  1AA,WS1 1AA,198001,,E99999999,E08000030,E05001316,0,401000,298000,E01010368,,E01010368,,,52.58,-1.98",
    "WS1 1AB,WS1  1AB,WS1 1AB,198001,200206,E99999999,E08000030,E05001316,0,401000,298000,E01010368,,E01010368,,,"
    "52.58,-1.98",
    "WV109ZZ,WV10 9ZZ,WV10 9ZZ,198001,,E99999999,E08000031,E05000000,0,,,,,E01000000,,,99.999999,0.000000",
]


@pytest.fixture
def onspd(tmp_path):
    path = tmp_path / "ONSPD_sample.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_terminated_postcodes_are_ignored_and_columns_read_by_name(onspd):
    result = services.data_file_import(kind="onspd", path=onspd)
    assert result.rows == 2
    assert "1 terminated" in result.note
    assert not Postcode.objects.filter(postcode="WS1 1AB").exists()
    live = Postcode.objects.get(postcode="WS1 1AA")
    assert (live.lsoa21_code, live.ward_code, live.lat, live.lon) == ("E01010368", "E05001316", 52.58, -1.98)
    assert live.is_synthetic is False
    no_grid_reference = Postcode.objects.get(postcode="WV10 9ZZ")
    assert no_grid_reference.lat is None


@pytest.mark.django_db
def test_a_local_authority_filter_keeps_only_walsall(onspd):
    services.data_file_import(kind="onspd", path=onspd, local_authority="E08000030")
    imported = Postcode.objects.filter(source="ONSPD_sample.csv").values_list("postcode", flat=True)
    assert list(imported) == ["WS1 1AA"]
