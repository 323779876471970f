"""The demo's possible duplicates: entities entered a second time under another
spelling, as happens when records come from different sources, so that the entity form
and the page of possible duplicates have something to propose (cases.matching). Each
is the same real entity as one of the demo data set's, under a spelling found in public
reporting."""

from accounts.models import User
from cases.models import Entity

SECOND_ENTRIES = [
    # The Russian spelling of the chief of the General Staff, as Russian media write it
    # (https://imag.one/news/trudnye-vremena-general-rf-surovikin-propal/13803307).
    (Entity.Kind.PERSON, "Валерий Герасимов", "RU"),
    # The company's name with its legal form in English rather than Russian (OOO).
    (Entity.Kind.ORGANISATION, "Oboronlogistika LLC", "RU"),
]


def seed() -> int:
    """Add the second entries once (entered by the administrator, so that the whole team
    sees them); the number added."""
    admin = User.objects.get(username="admin")
    added = 0
    for kind, name, country in SECOND_ENTRIES:
        _, created = Entity.objects.get_or_create(
            kind=kind,
            name=name,
            defaults={
                "country": country,
                "created_by": admin,
                "description": "Entered a second time (demo data): a possible duplicate.",
            },
        )
        added += created
    return added
