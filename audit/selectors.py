from datetime import datetime, time, timedelta

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

ACTIONS = {
    "create": LogEntry.Action.CREATE,
    "update": LogEntry.Action.UPDATE,
    "delete": LogEntry.Action.DELETE,
    "access": LogEntry.Action.ACCESS,
}
ACTION_NAMES = {value: name for name, value in ACTIONS.items()}


def record_types():
    """(content type id, label) for every kind of record the trail can mention."""
    models = [*auditlog.get_models(), LogEntry]
    types = ContentType.objects.get_for_models(*models)
    return sorted(
        (
            (content_type.pk, f"{content_type.app_label} · {content_type.model_class()._meta.verbose_name}")
            for content_type in types.values()
        ),
        key=lambda item: item[1],
    )


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def search_entries(*, who="", action="", record_type=None, record_id="", date_from=None, date_to=None):
    entries = LogEntry.objects.select_related("content_type", "actor").order_by("-timestamp", "-pk")
    if who:
        entries = entries.filter(Q(actor_email__icontains=who) | Q(actor__email__icontains=who))
    if action:
        entries = entries.filter(action=ACTIONS[action])
    if record_type:
        entries = entries.filter(content_type_id=record_type)
    if record_id:
        entries = entries.filter(object_pk=record_id)
    if date_from:
        entries = entries.filter(timestamp__gte=_start_of(date_from))
    if date_to:
        entries = entries.filter(timestamp__lt=_start_of(date_to + timedelta(days=1)))
    return entries


def summary_of(entry, limit=300):
    """A short account of what an entry changed (or why a record was opened)."""
    if entry.action == LogEntry.Action.ACCESS:
        reason = (entry.additional_data or {}).get("reason", "")
        return str(reason)
    parts = []
    for field, change in (entry.changes_dict or {}).items():
        if isinstance(change, dict):  # many-to-many: {"type": "m2m", "operation": ..., "objects": [...]}
            objects = ", ".join(str(item) for item in change.get("objects", []))
            parts.append(f"{field}: {change.get('operation', 'changed')} {objects}".strip())
        elif isinstance(change, list | tuple) and len(change) == 2:
            parts.append(f"{field}: {change[0]} → {change[1]}")
        else:
            parts.append(f"{field}: {change}")
    text = "; ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"
