"""The demo data set's designations: the UN list imported from the fixture of its
published format, and the national designations of the Russian ro-ro vessels and their
operator, each as a public source reports it (named beside it). Loading twice changes
nothing the second time."""

import datetime
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from cases import unlist
from cases.models import Designation, Entity, ListImport, SanctionsList

if TYPE_CHECKING:  # cases.demo.seed, which calls it
    from cases.demo.seed import SeedResult

UN_LIST_FILE = Path(__file__).with_name("un_consolidated_list.xml")

# The UN list's entry that the team keeps as a reference record of its own, so that the
# import shows a designation set from the list (Reuters, 28 July 2014, in the fixture).
OMM = {
    "kind": Entity.Kind.ORGANISATION,
    "name": "Ocean Maritime Management Company, Limited",
    "country": "KP",
    "un_list_reference": "KPe.020",
    "description": "Operator of the Chong Chon Gang, listed by the 1718 Committee in 2014.",
}

STATE_RELEASE_2022 = (
    "US Department of State and OFAC, 8 May 2022: Oboronlogistika OOO and its vessels "
    "designated under E.O. 14024 (Standard Club, https://standard-club.com/knowledge-news/"
    "the-us-announces-more-sanctions-against-russia-designates-several-russian-shipping-"
    "companies-vessels-to-sdn-list-4382; West P&I, https://westpandi.com/en-gb/news-and-"
    "resources/news/may-2022/ukraine-conflict-further-u-s-sanctions-against-rus)"
)

# (entity kind, name as in incidents.json, list, reference, programme, listed on, source)
NATIONAL = [
    (
        Entity.Kind.ORGANISATION,
        "OBORONLOGISTIKA OOO",
        SanctionsList.US,
        "",
        "RUSSIA-EO14024",
        datetime.date(2022, 5, 8),
        STATE_RELEASE_2022,
    ),
    (
        Entity.Kind.VESSEL,
        "ANGARA",
        SanctionsList.US,
        "",
        "",
        None,
        "Under US sanctions since May 2022 for its links to Oboronlogistika (RUSI via "
        "Reuters, https://babel.ua/en/news/106438-reuters-china-provided-a-berth-to-a-ship-"
        "carrying-weapons-from-north-korea-to-russia; KBS, 23 January 2024, "
        "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183254). The day is "
        "not given there: the date listed is left blank.",
    ),
    (
        Entity.Kind.VESSEL,
        "MAIA-1",
        SanctionsList.US,
        "",
        "",
        None,
        "Sanctioned by the US in 2022 for its links to Oboronlogistika (KBS, 23 January "
        "2024, http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183254). The "
        "date is not given there: left blank.",
    ),
    (
        Entity.Kind.VESSEL,
        "MARIA",
        SanctionsList.US,
        "",
        "",
        datetime.date(2023, 12, 12),
        "Designated by the US Department of State on 12 December 2023 with IBEX Shipping "
        "and AZIA Shipping (KBS, 13 December 2023, "
        "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=182393). KBS's "
        "article of 23 January 2024 says 2022: the earlier, dated report is kept.",
    ),
    (
        Entity.Kind.VESSEL,
        "LADY R",
        SanctionsList.US,
        "",
        "",
        None,
        "US-designated in May 2022 (Yomiuri Shimbun, 9 June 2024, "
        "https://japannews.yomiuri.co.jp/politics/defense-security/20240609-190941/; "
        "Ukrainska Pravda citing NK Pro, 2 March 2024, "
        "https://www.pravda.com.ua/eng/news/2024/03/2/7444625/). The day is not given "
        "there: the date listed is left blank.",
    ),
]


def seed(result: "SeedResult") -> None:
    omm, created = Entity.objects.get_or_create(
        un_list_reference=OMM["un_list_reference"], defaults=OMM
    )
    if created:
        omm.full_clean()
        result.count("entities")
    data = UN_LIST_FILE.read_bytes()
    if not ListImport.objects.filter(sha256=hashlib.sha256(data).hexdigest()).exists():
        unlist.import_list(data, file_name=UN_LIST_FILE.name)
        result.count("UN list imports")
    for kind, name, sanctions_list, reference, programme, listed_on, source in NATIONAL:
        entity = Entity.objects.filter(kind=kind, name=name).first()
        if entity is None or entity.designations.filter(sanctions_list=sanctions_list).exists():
            continue
        designation = Designation(
            entity=entity,
            sanctions_list=sanctions_list,
            reference=reference,
            programme=programme,
            listed_on=listed_on,
            source=source,
        )
        designation.full_clean()
        designation.save()
        result.count("designations")
