"""The pack's text convention, rendered safely: editors write plain text, never HTML.

- A blank line starts a new paragraph.
- Lines starting with "- " make a bulleted list.
- ``[words](https://address)`` or ``[words](/path/on/this/site)`` makes a link; ``tel:`` numbers too.
- ``**words**`` makes words bold.

Everything else is escaped, so nothing an editor types can become markup or script.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

HELP_TEXT = _(
    'Leave a blank line between paragraphs. Start a line with "- " for a bulleted list. '
    "Write a link as [words](https://address). Put **two stars** around words to make them bold."
)

_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|/|tel:|mailto:)[^)\s]+)\)")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


def _inline(text, link_class):
    escaped = escape(text)

    def link(match):
        # Both parts were escaped above, so the address cannot close the attribute.
        return f'<a class="{link_class}" href="{match.group(2)}">{match.group(1)}</a>'

    escaped = _LINK.sub(link, escaped)
    return _BOLD.sub(r"<strong>\1</strong>", escaped)


def blocks(text):
    """("p", text) and ("ul", [items]) blocks of ``text``."""
    result = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        paragraph = []
        items = []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    result.append(("p", " ".join(paragraph)))
                    paragraph = []
                items.append(line[2:].strip())
            else:
                if items:
                    result.append(("ul", items))
                    items = []
                paragraph.append(line)
        if paragraph:
            result.append(("p", " ".join(paragraph)))
        if items:
            result.append(("ul", items))
    return result


def render(text, *, paragraph_class="govuk-body", list_class="govuk-list govuk-list--bullet", link_class="govuk-link"):
    """Safe HTML for ``text`` written in the convention above."""
    html = []
    for kind, content in blocks(text):
        if kind == "p":
            html.append(f'<p class="{paragraph_class}">{_inline(content, link_class)}</p>')
        else:
            items = "".join(f"<li>{_inline(item, link_class)}</li>" for item in content)
            html.append(f'<ul class="{list_class}">{items}</ul>')
    return mark_safe("\n".join(html))  # noqa: S308 (every piece of text was escaped in _inline)
