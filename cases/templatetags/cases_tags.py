from django import template
from django.template import Context
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cases import search
from cases.dates import period_text
from cases.models import Incident
from cases.search import TextQuery
from cases.steps import STATUS_STYLES

register = template.Library()

TLP_STYLES = {
    "CLEAR": "tlp-clear",
    "GREEN": "tlp-green",
    "AMBER": "tlp-amber",
    "AMBER+STRICT": "tlp-amber",
    "RED": "tlp-red",
}


@register.simple_tag
def status_badge(incident: Incident) -> SafeString:
    return format_html(
        '<span class="badge text-bg-{}">{}</span>',
        STATUS_STYLES.get(incident.status, "secondary"),
        incident.get_status_display(),
    )


@register.simple_tag
def tlp_badge(level: str) -> SafeString:
    return format_html('<span class="badge tlp {}">TLP:{}</span>', TLP_STYLES.get(level, ""), level)


@register.filter
def period(incident: Incident) -> str:
    """When it happened, at the precision it is known to."""
    return period_text(
        incident.occurred_from, incident.occurred_to, incident.date_precision, short=True
    )


@register.filter
def highlight(text: str, query: TextQuery | None) -> str:
    """`text` with the words a search sought marked (cases.search)."""
    return search.highlight(text, query) if query else text


@register.filter
def snippet(text: str, query: TextQuery | None) -> str:
    """The part of `text` around the first word a search sought, marked."""
    return search.snippet(text, query) if query else ""


@register.simple_tag(takes_context=True)
def nav_link(context: Context, url_name: str) -> SafeString:
    """A navigation link's address and state: active on its page (aria-current="page")
    and on the pages under it (aria-current="true"), so that a person sees where they are."""
    url = reverse(url_name)
    path = context["request"].path
    if path == url:
        return format_html('href="{}" class="nav-link active" aria-current="page"', url)
    if path.startswith(url):
        return format_html('href="{}" class="nav-link active" aria-current="true"', url)
    return format_html('href="{}" class="nav-link"', url)
