from enum import StrEnum

class ShipTypeEnum(StrEnum):
    BULK_CARRIER = "bulk_carrier"
    CHEMICAL_TANKER = "chemical_tanker"
    CONTAINER = "container"
    CRUDE_OIL_TANKER = "crude_oil_tanker"
    FISHING = "fishing"
    GENERAL_CARGO = "general_cargo"
    LNG_TANKER = "lng_tanker"
    LPG_TANKER = "lpg_tanker"
    NAVAL = "naval"
    OIL_PRODUCTS_TANKER = "oil_products_tanker"
    OTHER = "other"
    PASSENGER = "passenger"
    REFRIGERATED_CARGO = "refrigerated_cargo"
    RO_RO = "ro_ro"
    TUG = "tug"

    def __str__(self) -> str:
        return str(self.value)
