"""The pack as a tagged, accessible PDF (PDF/UA-1), in the fonts each script needs.

Fonts are named per language (fontconfig's own choice gave Urdu a Kufi font): Noto Sans Gurmukhi
for Punjabi, Noto Sans Bengali, Noto Naskh Arabic for Urdu and Arabic (Naskh keeps the text layer
copyable), Liberation Sans (metric twin of Arial) for Latin scripts.
"""

import logging
import threading

from django.template.loader import render_to_string
from django.utils import translation

# WeasyPrint reports each step of every document at INFO (parsing its own stylesheets even on import).
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FONT_FAMILIES = {
    "pa": '"Noto Sans Gurmukhi", "Liberation Sans", sans-serif',
    "bn": '"Noto Sans Bengali", "Liberation Sans", sans-serif',
    "ur": '"Noto Naskh Arabic", "Liberation Sans", sans-serif',
    "ar": '"Noto Naskh Arabic", "Liberation Sans", sans-serif',
}
LATIN = '"Liberation Sans", Arial, sans-serif'
IMAGE_CACHE_LIMIT = 4000

# Fonts and decoded images (the QR codes) are kept between documents: a quarter of each PDF's time.
# WeasyPrint's font configuration is not shared across threads, so each thread keeps its own.
_per_thread = threading.local()


def _resources():
    from weasyprint.text.fonts import FontConfiguration

    if not hasattr(_per_thread, "fonts"):
        _per_thread.fonts = FontConfiguration()
        _per_thread.images = {}
    if len(_per_thread.images) > IMAGE_CACHE_LIMIT:
        _per_thread.images.clear()
    return _per_thread.fonts, _per_thread.images


def font_family(language):
    return FONT_FAMILIES.get(language, LATIN)


def pack_html(pack, *, site_url, links):
    with translation.override(pack.language):
        return render_to_string(
            "welcome/pack_pdf.html",
            {
                "pack": pack,
                "font_family": font_family(pack.language),
                "text_direction": "rtl" if translation.get_language_bidi() else "ltr",
                "site_url": site_url,
                "links": links,
            },
        )


def pack_pdf(pack, *, site_url, links):
    """The PDF's bytes."""
    from weasyprint import HTML  # a heavy import, needed only by processes that make PDFs

    html = pack_html(pack, site_url=site_url, links=links)
    fonts, images = _resources()
    return HTML(string=html, base_url=site_url).write_pdf(pdf_variant="pdf/ua-1", font_config=fonts, cache=images)
