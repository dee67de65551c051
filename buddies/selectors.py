from django.db.models import Count

from .models import BuddyRequest


def buddy_request_counts(*, field):
    """Number of buddy requests for each value of ``field`` (e.g. ``"ward_code"``, ``"source"``)."""
    rows = BuddyRequest.objects.values(field).annotate(count=Count("id")).order_by(field)
    return {row[field]: row["count"] for row in rows}
