import csv

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from core.access import permission_required

from . import selectors, services
from .forms import AuditSearchForm

PAGE_SIZE = 50
# Spreadsheet programs run cells that start with these characters as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _search(request):
    """The search form and, only if it is valid (or empty), its filters and the entries they match.

    An invalid search gives ``None`` entries: showing or exporting the whole trail instead would
    hand over far more than was asked for.
    """
    form = AuditSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None, None
    filters = form.filters() if form.is_bound else {}
    return form, filters, selectors.search_entries(**filters)


def _loggable(filters):
    return {
        key: (value.isoformat() if hasattr(value, "isoformat") else value) for key, value in filters.items() if value
    }


@permission_required("audit.view_log")
def log(request):
    form, filters, entries = _search(request)
    page, rows = None, []
    if entries is not None:
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        services.record_trail_read(
            request=request, what="search", filters=_loggable(filters), result_count=page.paginator.count
        )
        rows = [
            {
                "entry": entry,
                "action": selectors.ACTION_NAMES.get(entry.action, ""),
                "summary": selectors.summary_of(entry),
                "who": entry.actor_email or (entry.actor.email if entry.actor else ""),
            }
            for entry in page.object_list
        ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
        },
    )


class _Echo:
    def write(self, value):
        return value


def _safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@permission_required("audit.view_log")
def log_export(request):
    _form, filters, entries = _search(request)
    if entries is None:
        # Back to the search, which explains what is wrong with the filters; nothing is exported.
        return redirect(f"{reverse('audit:log')}?{request.GET.urlencode()}")
    services.record_trail_read(request=request, what="export", filters=_loggable(filters), result_count=entries.count())
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(
            ["when", "who", "action", "record type", "record id", "record", "from (IP address)", "changes or reason"]
        )
        for entry in entries.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    _safe(timezone.localtime(entry.timestamp).isoformat()),
                    _safe(entry.actor_email or (entry.actor.email if entry.actor else "")),
                    _safe(selectors.ACTION_NAMES.get(entry.action, entry.action)),
                    _safe(f"{entry.content_type.app_label}.{entry.content_type.model}"),
                    _safe(entry.object_pk),
                    _safe(entry.object_repr),
                    _safe(entry.remote_addr),
                    _safe(selectors.summary_of(entry, limit=10_000)),
                ]
            )

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
    return response
