"""What the reports app tells the rest of the project, sent once the change is committed."""

from django.dispatch import Signal

# A report was published (sent with `report`): those who may read it can be told.
report_published = Signal()
