"""Pages that span the apps: the search over everything."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render

from accounts.requests import SignedInRequest
from cases import search
from cases.filters import IncidentFilterSet
from cases.models import Entity, Incident, Source
from cases.permissions import team_member_required
from reports.models import Report

# Each heading shows this many; its link leads to the list of all of them.
SHOWN = 10
# Each heading counts what it found as far as this, then says "more than": the incidents
# that two common words find are a sixth of a million, and counting them all read most of
# the table (the list counts a search as far, cases.views).
COUNTED_UP_TO = search.RANKED_AT_MOST


@team_member_required
def search_everything(request: SignedInRequest) -> HttpResponse:
    """Incidents, entities, sources and reports that the words find, each under its
    heading, within what the reader may see: what each list would show for them."""
    user = request.user
    text = request.GET.get("q", "").strip()
    context: dict[str, object] = {"q": text}
    try:
        search.validate_query(text)
    except ValidationError as error:
        context["error"] = error.message
        return render(request, "search.html", context, status=400)
    if text:
        incidents = IncidentFilterSet(
            {"q": text},
            queryset=Incident.objects.visible_to(user).for_list(),
            request=request,
        )
        query = search.parse(text)
        groups = {
            "incidents": incidents.qs,
            "entities": Entity.objects.visible_to(user)
            .filter(search.entities_found(query))
            .order_by("name", "id"),
            "sources": Source.objects.visible_to(user)
            .filter(search.sources_found(query, user))
            .select_related("originator")
            .order_by("-published_on", "title", "id"),
            "reports": Report.objects.visible_to(user)
            .filter(search.reports_found(query))
            .order_by("-period_to", "symbol", "-edition"),
        }
        results = {
            name: {**_counted(found), "shown": found[:SHOWN]} for name, found in groups.items()
        }
        # The incidents the list would show first: the best answers first.
        results["incidents"]["shown"] = incidents.best_first()[:SHOWN]
        context.update(text_query=query, results=results)
    return render(request, "search.html", context)


def _counted(found: QuerySet[Any]) -> dict[str, object]:
    """How many `found` holds, as far as COUNTED_UP_TO, in words for the page."""
    count = found.order_by()[: COUNTED_UP_TO + 1].count()
    more = count > COUNTED_UP_TO
    return {
        "count": min(count, COUNTED_UP_TO),
        "counted": f"more than {COUNTED_UP_TO:,}" if more else f"{count:,}",
    }
