from shapely.geometry import shape

from places import selectors


def test_a_point_inside_a_ward_lands_inside_that_ward_on_the_drawn_map(walsall):
    ward_map = selectors.ward_map(walsall)
    ward = walsall.wards.get(name="Palfrey")
    inside = shape(ward.boundary).representative_point()

    x, y = ward_map.project_point(inside.y, inside.x)

    area = next(area for area in ward_map.areas if area.gss_code == ward.gss_code)
    pairs = area.path.replace("M", " ").replace("Z", " ").split()
    xs, ys = zip(*(map(float, pair.split(",")) for pair in pairs), strict=True)
    assert min(xs) <= x <= max(xs)
    assert min(ys) <= y <= max(ys)
    assert 0 < x < ward_map.width and 0 < y < ward_map.height
