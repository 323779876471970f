from enum import StrEnum

class LocationKindEnum(StrEnum):
    AIRFIELD = "airfield"
    ANCHORAGE = "anchorage"
    CITY = "city"
    DEPOT = "depot"
    FRONT_LINE_AREA = "front_line_area"
    IMPACT_SITE = "impact_site"
    MILITARY_BASE = "military_base"
    OTHER = "other"
    PORT = "port"
    RAIL_CROSSING = "rail_crossing"
    REGION = "region"
    SHIPYARD = "shipyard"
    TRAINING_GROUND = "training_ground"

    def __str__(self) -> str:
        return str(self.value)
