import datetime
import random

from django.utils import timezone

from welcome import demo
from welcome.models import PackIssue
from welcome.selectors import pack_issue_counts


def test_demo_history_covers_wards_languages_and_formats_and_loads_once(walsall):
    summary = demo.load(random.Random("seed:welcome"))

    assert "600 Welcome Packs" in summary
    assert PackIssue.objects.filter(is_demo=False).count() == 0
    assert set(pack_issue_counts(field="format")) == {"web", "pdf", "print", "easy_read"}
    assert set(pack_issue_counts(field="language")) == {"en", "pl", "ro", "pa", "ur", "bn", "ar"}
    assert len(pack_issue_counts(field="ward_code")) == walsall.wards.count()
    oldest = PackIssue.objects.order_by("issued_at").first().issued_at
    assert timezone.now() - oldest > datetime.timedelta(days=120)
    assert demo.load(random.Random("seed:welcome")) == ""
    assert PackIssue.objects.count() == demo.DEMO_PACKS
