from enum import StrEnum

class MaterielUnitEnum(StrEnum):
    AIRCRAFT = "aircraft"
    BARRELS = "barrels"
    COMPONENTS = "components"
    CONTAINERS = "containers"
    CUBIC_METRES = "cubic_metres"
    FLIGHTS = "flights"
    ITEMS = "items"
    KILOGRAMS = "kilograms"
    LAUNCHERS = "launchers"
    LITRES = "litres"
    MISSILES = "missiles"
    PERSONNEL = "personnel"
    PERSONS = "persons"
    RAILCARS = "railcars"
    ROCKETS = "rockets"
    ROUNDS = "rounds"
    ROUND_TRIPS = "round_trips"
    SHIPMENTS = "shipments"
    SOLDIERS = "soldiers"
    SYSTEMS = "systems"
    TONNES = "tonnes"
    USD = "usd"
    VEHICLES = "vehicles"
    VESSELS = "vessels"
    VOYAGES = "voyages"
    WORKERS = "workers"

    def __str__(self) -> str:
        return str(self.value)
