"""Lines of reporting: which sources are independent of each other.

A source may retell another (`Source.derived_from`): two outlets that reprint one wire
story, or an article that reports a research group's findings, say nothing the original
did not. Following each source back to the original it retells gives its line of
reporting; the evidentiary standard (cases.workflow.corroboration) counts lines whose
originals come from different originators, so that copies of one story count once."""

from collections.abc import Collection

from cases.models import Source

# Longer chains than this are a data error (a cycle the form refused would need one).
MAX_DEPTH = 50


def chain(source: Source) -> list[Source]:
    """`source`, then the source it retells, and so on to the original."""
    found: list[Source] = []
    seen: set[int] = set()
    current: Source | None = source
    while current is not None and current.pk not in seen and len(found) < MAX_DEPTH:
        found.append(current)
        seen.add(current.pk)
        current = current.derived_from
    return found


def originals(source_ids: Collection[int]) -> dict[int, tuple[int, int | None]]:
    """For each source id: (its original's id, that original's originator id), with one
    query a level of retelling for all of them together."""
    rows: dict[int, tuple[int | None, int]] = {}
    wanted = set(source_ids)
    for _ in range(MAX_DEPTH):
        wanted -= set(rows)
        if not wanted:
            break
        found = Source.objects.filter(pk__in=wanted).values_list(
            "pk", "derived_from_id", "originator_id"
        )
        for pk, parent, originator in found:
            rows[pk] = (parent, originator)
        wanted = {parent for parent, _ in rows.values() if parent is not None}
    result: dict[int, tuple[int, int | None]] = {}
    for pk in source_ids:
        current, steps = pk, 0
        while (parent := rows.get(current, (None, None))[0]) is not None and steps < MAX_DEPTH:
            current, steps = parent, steps + 1
        result[pk] = (current, rows.get(current, (None, None))[1])
    return result


def independent_lines(
    source_ids: Collection[int], found: dict[int, tuple[int, int | None]] | None = None
) -> int:
    """How many independent lines of reporting the sources are: their originals'
    distinct originators (`found`: their originals() already looked up)."""
    found = originals(source_ids) if found is None else found
    return len({found[pk][1] for pk in source_ids})
