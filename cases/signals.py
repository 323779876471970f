"""What the cases app tells the rest of the project, sent once the change is committed."""

from django.dispatch import Signal

# The change feed has new entries (cases.models.feed): readers following it, webhooks
# among them, may have something new.
feed_advanced = Signal()

# A saved search newly found an incident for a subscriber (cases.alerts), once the match
# is committed: `match` is the SearchMatch, with its search, user and incident.
search_matched = Signal()

# The home page found the team's counts behind the change feed (cases.patterns): the
# worker counts them again (cases.tasks). Sent as the page is made, not on a commit.
team_counts_stale = Signal()
