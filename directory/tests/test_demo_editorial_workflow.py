import random

from django.urls import reverse

from accounts import demo as accounts_demo
from accounts.models import User
from directory import demo
from directory.models import Organization, ServiceChange


def test_demo_has_partner_changes_to_approve_and_is_idempotent(walsall, client):
    accounts_demo.load(random.Random("seed:accounts"))

    summary = demo.load(random.Random("seed:directory"))

    assert "3 proposed changes" not in summary and "4 proposed changes" in summary
    assert ServiceChange.objects.filter(status=ServiceChange.Status.PENDING, is_demo=True).count() == 3
    assert ServiceChange.objects.filter(status=ServiceChange.Status.REJECTED).exclude(rejection_reason="").exists()
    assert Organization.objects.filter(owner__name="Brookvale Homes").exists()
    assert demo.load(random.Random("seed:directory")) == ""

    client.force_login(User.objects.get(email=demo.COUNCIL_EMAIL))
    queue = client.get(reverse("directory:staff_approval_list")).content.decode()
    assert "Brookvale tenants&#x27; welcome coffee morning" in queue
    for change in ServiceChange.objects.filter(status=ServiceChange.Status.PENDING):
        assert client.get(reverse("directory:staff_approval_detail", args=[change.pk])).status_code == 200
    client.force_login(User.objects.get(email=demo.PARTNER_EMAIL))
    own = client.get(reverse("directory:staff_service_list") + "?status=overdue").content.decode()
    assert "Overdue" in own
