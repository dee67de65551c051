import pytest

from signup.views import PUBLIC_POST_RATE

from .journey import url

pytestmark = pytest.mark.django_db


def test_too_many_posts_from_one_address_are_refused_politely(client):
    limit = int(PUBLIC_POST_RATE.split("/")[0])
    client.get(url("signup:start"))

    statuses = [client.post(url("signup:question", step="name"), {"name": ""}).status_code for _ in range(limit + 1)]

    assert set(statuses[:limit]) == {200}
    assert statuses[-1] == 429
    assert client.get(url("signup:question", step="name")).status_code == 200
