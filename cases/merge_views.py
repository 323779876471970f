"""The team's pages for merging an entity entered twice (cases.merging decides)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.requests import SignedInRequest
from cases import merging
from cases.forms import EntityMergeForm
from cases.models import Entity, EntityMerge
from cases.pagination import EstimatingPaginator
from cases.permissions import team_member_required

MERGES_PER_PAGE = 25
# The steps of a merge's page: each a verb of cases.merging and what it says when done.
STEPS = {
    "approve": "{merged} was merged into {survivor}.",
    "reject": "The merge of {merged} into {survivor} was rejected.",
    "undo": "The merge of {merged} into {survivor} was undone.",
}


@team_member_required
def entity_merge_propose(request: SignedInRequest, pk: int) -> HttpResponse:
    entity = get_object_or_404(Entity.objects.visible_to(request.user), pk=pk)
    if not merging.may_propose(request.user):
        raise PermissionDenied("Only the team's analysts and reviewers propose merges.")
    form = EntityMergeForm(
        request.POST or None,
        instance=EntityMerge(merged=entity, proposed_by=request.user),
        reader=request.user,
    )
    if request.method == "POST" and form.is_valid():
        try:
            merge = merging.propose(
                entity,
                form.cleaned_data["survivor"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except merging.MergeRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The merge is proposed: another reviewer decides it.")
            return redirect("cases:entity_merge_detail", pk=merge.pk)
    status = 400 if form.errors else 200
    return render(
        request, "cases/entity_merge_form.html", {"entity": entity, "form": form}, status=status
    )


@team_member_required
def entity_merge_list(request: SignedInRequest) -> HttpResponse:
    merges = (
        EntityMerge.objects.visible_to(request.user)
        .select_related("merged", "survivor", "proposed_by", "decided_by", "undone_by")
        .order_by(
            # Those waiting for a decision first.
            Case(When(status=EntityMerge.Status.PROPOSED, then=Value(0)), default=Value(1)),
            "-proposed_at",
            "-id",
        )
    )
    page = EstimatingPaginator(merges, MERGES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cases/entity_merge_list.html", {"page": page})


@team_member_required
def entity_merge_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    merge = get_object_or_404(
        EntityMerge.objects.visible_to(request.user).select_related(
            "merged", "survivor", "proposed_by", "decided_by", "undone_by"
        ),
        pk=pk,
    )
    return _merge_page(request, merge)


@require_POST
@team_member_required
def entity_merge_step(request: SignedInRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404("No such step.")
    merge = get_object_or_404(
        EntityMerge.objects.visible_to(request.user).select_related("merged", "survivor"), pk=pk
    )
    comment = request.POST.get("comment", "")
    try:
        if step == "approve":
            merging.approve(merge, by=request.user, comment=comment)
        elif step == "reject":
            merging.reject(merge, by=request.user, comment=comment)
        else:
            undone = merging.undo(merge, by=request.user, reason=comment)
            if undone.not_restored:
                messages.warning(
                    request,
                    f"{undone.not_restored} line(s) were deleted or moved to another entity "
                    "since the merge and stay where they are.",
                )
    except merging.MergeRefused as error:
        messages.error(request, str(error))
        return _merge_page(request, merge, status=409)
    messages.success(
        request, STEPS[step].format(merged=merge.merged.name, survivor=merge.survivor.name)
    )
    return redirect("cases:entity_merge_detail", pk=merge.pk)


def _merge_page(request: SignedInRequest, merge: EntityMerge, status: int = 200) -> HttpResponse:
    lines = merging.lines_by_kind(merge.merged) if merge.status == "proposed" else {}
    pair = [
        (merge.merged, "Duplicate", merging.identifiers_of(merge.merged)),
        (merge.survivor, "Stays", merging.identifiers_of(merge.survivor)),
    ]
    return render(
        request,
        "cases/entity_merge_detail.html",
        {
            "merge": merge,
            "pair": pair,
            "lines": lines,
            "may_decide": merging.may_decide(merge, request.user),
            "may_undo": merging.may_review(request.user),
        },
        status=status,
    )
