from enum import StrEnum

class WebhookEventEnum(StrEnum):
    FEED_RESYNC = "feed.resync"
    INCIDENT_CHANGED = "incident.changed"
    INCIDENT_ENTERED = "incident.entered"
    INCIDENT_LEFT = "incident.left"
    REPORT_PUBLISHED = "report.published"
    SEARCH_MATCHED = "search.matched"

    def __str__(self) -> str:
        return str(self.value)
