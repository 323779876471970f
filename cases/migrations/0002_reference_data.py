"""Reference data that every database starts with: incident types, materiel categories,
the DPRK sanctions resolutions with their operative paragraphs, and the eleven
participating states. Administrators correct and extend them afterwards.

Provisions carry how far their number and gist were checked (see shared/data/DOMAIN.md
section 3: V = verified, Vg = content verified, U = from memory), so that the interface
can show an unverified paragraph number as such.
"""

import datetime

from django.db import migrations

INCIDENT_TYPES = [
    (
        "arms_transfer_from_dprk",
        "Arms transfer from the DPRK",
        "Export of arms and related materiel by the DPRK, including battlefield evidence of DPRK weapons.",
    ),
    (
        "arms_transfer_to_dprk",
        "Arms transfer to the DPRK",
        "Supply of arms, related materiel or military technology to the DPRK.",
    ),
    (
        "troop_deployment",
        "Troop deployment",
        "DPRK military personnel sent abroad, and their transport.",
    ),
    (
        "military_training",
        "Military training and technical assistance",
        "Training, advice, services or assistance related to arms, given to or hosted for the DPRK.",
    ),
    (
        "maritime_transport",
        "Maritime transport and ship-to-ship transfer",
        "Voyages, port calls and ship-to-ship transfers that carry prohibited goods or involve designated vessels.",
    ),
    (
        "rail_air_transport",
        "Rail or air transport",
        "Movements of prohibited goods by rail or air.",
    ),
    (
        "procurement",
        "Procurement of prohibited items",
        "Acquisition by the DPRK of prohibited goods, components or technology.",
    ),
    (
        "refined_petroleum",
        "Refined petroleum above the cap",
        "Deliveries of refined petroleum that exceed or evade the annual cap.",
    ),
    (
        "overseas_workers",
        "Overseas workers",
        "DPRK nationals earning income abroad in breach of the repatriation requirement.",
    ),
    ("cyber_theft", "Cyber theft", "Theft of virtual assets or funds through cyber operations."),
    (
        "financial_evasion",
        "Financial evasion",
        "Financial services, transfers or joint ventures that evade the sanctions.",
    ),
    ("other", "Other", "Anything that fits no other type."),
]

MATERIEL_CATEGORIES = [
    ("ballistic_missile", "Ballistic missile"),
    ("missile_launcher", "Missile launcher"),
    ("artillery_ammunition", "Artillery ammunition"),
    ("artillery_system", "Artillery system"),
    ("multiple_rocket_launcher", "Multiple rocket launcher"),
    ("air_defence_system", "Air-defence system"),
    ("electronic_warfare", "Electronic-warfare equipment"),
    ("small_arms", "Small arms and light weapons"),
    ("explosives", "Explosives"),
    ("munitions_unspecified", "Munitions, type unknown"),
    ("dual_use_components", "Dual-use components"),
    ("refined_petroleum", "Refined petroleum"),
    ("cargo_unidentified", "Unidentified cargo"),
    ("personnel", "Personnel (headcount)"),
    ("virtual_assets", "Virtual assets and funds"),
    ("other", "Other"),
]

RESOLUTIONS = [
    (
        1718,
        datetime.date(2006, 10, 14),
        "Adopted after the DPRK's first nuclear test; imposes the arms embargo and creates the 1718 Committee.",
    ),
    (
        1874,
        datetime.date(2009, 6, 12),
        "Extends the arms embargo to all arms, sets up cargo inspection and the Panel of Experts.",
    ),
    (2087, datetime.date(2013, 1, 22), "Condemns the December 2012 launch and adds designations."),
    (2094, datetime.date(2013, 3, 7), "Financial measures, port-entry and overflight denials."),
    (
        2270,
        datetime.date(2016, 3, 2),
        "Embargo on all arms including small arms; mandatory cargo inspection.",
    ),
    (
        2321,
        datetime.date(2016, 11, 30),
        "Vessel designation, de-flagging and further sectoral measures.",
    ),
    (2356, datetime.date(2017, 6, 2), "Designations only."),
    (
        2371,
        datetime.date(2017, 8, 5),
        "Export bans on coal, iron, seafood and lead; cap on work authorisations.",
    ),
    (
        2375,
        datetime.date(2017, 9, 11),
        "Ship-to-ship transfer ban, petroleum caps, no new work authorisations.",
    ),
    (
        2397,
        datetime.date(2017, 12, 22),
        "Petroleum caps tightened; repatriation of workers; seizure of vessels.",
    ),
]

V, VG, U = "verified", "content_verified", "unverified"

PROVISIONS = [
    (
        1718,
        "8(a)",
        "States prevent the supply, sale or transfer to the DPRK of major conventional arms, related materiel and listed items.",
        V,
    ),
    (
        1718,
        "8(b)",
        "The DPRK stops exporting those items and states prohibit their procurement from the DPRK.",
        V,
    ),
    (
        1718,
        "8(c)",
        "No technical training, advice, services or assistance to the DPRK related to those items.",
        VG,
    ),
    (1718, "8(d)", "Freeze of the assets of designated persons and entities.", V),
    (1718, "8(e)", "Travel ban on designated individuals.", V),
    (1718, "8(f)", "Cooperative action, including inspection of cargo.", VG),
    (1718, "12", "Establishes the 1718 Committee.", V),
    (
        1874,
        "9",
        "Extends the export and procurement ban to all arms, related financial transactions, training, advice, services and assistance.",
        U,
    ),
    (
        1874,
        "10",
        "Extends the supply ban to all arms except small arms and light weapons, with notification for those.",
        V,
    ),
    (1874, "12", "High-seas inspection of vessels with the flag state's consent.", VG),
    (
        1874,
        "17",
        "No bunkering or servicing of DPRK vessels believed to carry prohibited items.",
        VG,
    ),
    (1874, "18", "Prevent financial services that could contribute to prohibited programmes.", U),
    (1874, "23", "Measures of 1718 paragraph 8(a) to (c) also apply to further listed items.", V),
    (1874, "26", "Asks the Secretary-General to create the Panel of Experts.", V),
    (
        2094,
        "11",
        "Prevent financial services and transfers, including bulk cash, that could contribute to prohibited programmes or evasion.",
        VG,
    ),
    (2094, "17", "Deny port entry to vessels that refused an authorised inspection.", V),
    (
        2094,
        "18",
        "Deny take-off, landing and overflight to aircraft believed to carry prohibited items.",
        VG,
    ),
    (2094, "20", "States may block any item that could contribute to prohibited programmes.", U),
    (2270, "6", "Arms embargo extended to all arms, including small arms and light weapons.", VG),
    (
        2270,
        "7",
        "Catch-all control of items that could contribute to the operational capabilities of the DPRK's armed forces.",
        VG,
    ),
    (
        2270,
        "9",
        "The training ban covers hosting DPRK trainers, advisers or officials for military, paramilitary or police training.",
        VG,
    ),
    (
        2270,
        "17",
        "Prevent specialised teaching or training of DPRK nationals in proliferation-relevant disciplines.",
        V,
    ),
    (2270, "18", "Mandatory inspection of all cargo to and from the DPRK in states' territory.", V),
    (
        2270,
        "19",
        "No leasing or chartering of vessels or aircraft, or crew services, to the DPRK.",
        V,
    ),
    (
        2270,
        "32",
        "Asset freeze on DPRK government and Workers' Party entities linked to prohibited programmes.",
        VG,
    ),
    (
        2321,
        "8",
        "The leasing and chartering ban applies without exception unless the Committee approves.",
        V,
    ),
    (
        2321,
        "10",
        "Specialised teaching ban clarified to cover further scientific and engineering disciplines.",
        V,
    ),
    (
        2321,
        "12",
        "The Committee may designate vessels; flag states de-flag them and designated vessels are frozen.",
        V,
    ),
    (2321, "23", "No procurement of vessel or aircraft crewing services from the DPRK.", V),
    (2321, "30", "No supply of new helicopters and vessels to the DPRK.", V),
    (2321, "32", "No public or private financial support for trade with the DPRK.", V),
    (
        2321,
        "34",
        "Concern over DPRK nationals sent abroad to earn hard currency; calls for vigilance.",
        VG,
    ),
    (2371, "8", "Ban on DPRK exports of coal, iron and iron ore.", VG),
    (
        2371,
        "11",
        "No more work authorisations for DPRK nationals than the current total, unless the Committee approves.",
        VG,
    ),
    (
        2375,
        "7",
        "High-seas inspections with the flag state's consent when prohibited cargo is suspected.",
        V,
    ),
    (
        2375,
        "8",
        "A flag state refusing consent must direct the vessel to a port for inspection.",
        V,
    ),
    (
        2375,
        "11",
        "No ship-to-ship transfers to or from DPRK-flagged vessels of goods supplied to or from the DPRK.",
        VG,
    ),
    (2375, "17", "No new work authorisations for DPRK nationals.", V),
    (
        2375,
        "18",
        "No joint ventures or cooperative entities with DPRK entities or individuals.",
        VG,
    ),
    (2397, "4", "Crude oil cap of four million barrels a year, with reporting.", VG),
    (
        2397,
        "5",
        "Refined petroleum cap of 500,000 barrels a year, with reporting of deliveries.",
        V,
    ),
    (
        2397,
        "6",
        "Ban on DPRK exports of food, machinery, electrical equipment, earth and stone, wood and vessels.",
        V,
    ),
    (
        2397,
        "7",
        "Ban on supplying industrial machinery, transport vehicles, iron, steel and other metals to the DPRK.",
        VG,
    ),
    (2397, "8", "Repatriation of all DPRK nationals earning income abroad within 24 months.", V),
    (
        2397,
        "9",
        "Seize, inspect and freeze vessels in port believed to be involved in prohibited activity.",
        VG,
    ),
    (2397, "14", "No supply of new or used vessels to the DPRK.", V),
]

VERIFICATION_NOTES = {
    V: "Number and content checked against secondary sources cited in the team's domain brief.",
    VG: "Content checked; the paragraph number is from memory and must be checked against the S/RES text.",
    U: "Number and content from memory; check against the S/RES text before citing.",
}

PARTICIPATING_STATES = [
    ("AU", "Australia"),
    ("CA", "Canada"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("NL", "Netherlands"),
    ("NZ", "New Zealand"),
    ("KR", "Republic of Korea"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
]


def load(apps, schema_editor):
    IncidentType = apps.get_model("cases", "IncidentType")
    MaterielCategory = apps.get_model("cases", "MaterielCategory")
    Resolution = apps.get_model("cases", "Resolution")
    Provision = apps.get_model("cases", "Provision")
    Organisation = apps.get_model("cases", "Organisation")

    for position, (code, name, description) in enumerate(INCIDENT_TYPES):
        IncidentType.objects.update_or_create(
            code=code, defaults={"name": name, "description": description, "position": position}
        )
    for position, (code, name) in enumerate(MATERIEL_CATEGORIES):
        MaterielCategory.objects.update_or_create(
            code=code, defaults={"name": name, "position": position}
        )
    resolutions = {}
    for number, adopted_on, summary in RESOLUTIONS:
        resolutions[number], _ = Resolution.objects.update_or_create(
            number=number,
            defaults={"year": adopted_on.year, "adopted_on": adopted_on, "summary": summary},
        )
    for number, paragraph, summary, verification in PROVISIONS:
        Provision.objects.update_or_create(
            resolution=resolutions[number],
            paragraph=paragraph,
            defaults={
                "summary": summary,
                "verification": verification,
                "verification_note": VERIFICATION_NOTES[verification],
            },
        )
    for country, name in PARTICIPATING_STATES:
        Organisation.objects.update_or_create(
            kind="participating_state",
            country=country,
            defaults={"name": name, "clearance": "RED"},
        )


def unload(apps, schema_editor):
    apps.get_model("cases", "Provision").objects.filter(
        resolution__number__in=[number for number, *_ in RESOLUTIONS]
    ).delete()
    apps.get_model("cases", "Resolution").objects.filter(
        number__in=[number for number, *_ in RESOLUTIONS]
    ).delete()
    apps.get_model("cases", "IncidentType").objects.filter(
        code__in=[code for code, *_ in INCIDENT_TYPES]
    ).delete()
    apps.get_model("cases", "MaterielCategory").objects.filter(
        code__in=[code for code, _ in MATERIEL_CATEGORIES]
    ).delete()
    apps.get_model("cases", "Organisation").objects.filter(
        kind="participating_state", country__in=[country for country, _ in PARTICIPATING_STATES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
