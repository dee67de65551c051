from django.db.models import Count

from .models import PackIssue


def pack_issue_counts(*, field, since=None):
    """Packs issued for each value of ``field`` (``"ward_code"``, ``"language"`` or ``"format"``)."""
    issues = PackIssue.objects.all()
    if since is not None:
        issues = issues.filter(issued_at__gte=since)
    rows = issues.values(field).annotate(count=Count("id")).order_by(field)
    return {row[field]: row["count"] for row in rows}
