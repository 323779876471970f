"""The provisions as a monitoring team reads them: each with its operative verb and its
force, so that only binding paragraphs are offered as breached (issue 13).

Checked on 2026-11-30, paragraph by paragraph, against public reproductions of the
resolutions' texts: the 1718 Committee's pages, UN press releases, the official Chinese
and French texts as reproduced by the press, EU implementing acts, and unsanctionsapp.com's
quotations of paragraphs. Each row's verification note names the source and quotes it.
None was read in the S/RES document itself: a row whose number a source showed is
"verified", one whose gist only is "content verified". Not added, as no source was found
for their numbers: the DPRK's own obligations (1718 OP2, 5, 7; 1874 OP2, 3).

What changes:
- 1718 OP8(a) is split into (i) major arms, (ii) the WMD and missile items of S/2006/814
  and 815, (iii) luxury goods; the old row becomes (i), with the incidents that cite it.
- 1718 OP8(c) covers training and assistance to and from the DPRK.
- The "catch-all" of 2094 is OP22, not OP20, and calls upon States: the row is renumbered
  and becomes hortatory.
- Hortatory: 1718 OP8(f), 1874 OP12 and OP18, 2094 OP18 and OP22, 2321 OP34, 2375 OP7.
  Institutional: 1718 OP12 (the Committee), 1874 OP26 (the Panel).
- New rows: the designated-vessel measures the 1718 Committee's list cites (2270 OP12,
  2371 OP6, 2375 OP6), 1874 OP14, 1718 OP6, 2270 OP29 to 31 and 33, 2321 OP9, 13, 21,
  26, 28, 29, 2371 OP9 to 12, 2375 OP13 to 16, 2397 OP4's and OP5's wording, and more.
- An incident citing a paragraph that is not binding as breached cites it as context.
- The incident type for refined petroleum covers deliveries not notified as well as those
  above the cap (2397 OP5: each supplier notifies the Committee every 30 days).

Reversed, the paragraphs take their former numbers, summaries and marks back, the rows
added are removed (with any citation of them), and context citations become breached
ones again.
"""

import importlib

from django.db import migrations

INITIAL = importlib.import_module("cases.migrations.0002_reference_data")

RENUMBERED = [(1718, "8(a)", "8(a)(i)"), (2094, "20", "22")]

# (resolution, paragraph, verb, force, summary, verification, note)
PROVISIONS = [
    (
        1718,
        "8(a)(i)",
        "decides",
        "binding",
        "States prevent the direct or indirect supply, sale or transfer to the DPRK of major "
        "conventional arms (the UN Register's categories: battle tanks, armoured combat vehicles, "
        "large-calibre artillery, combat aircraft, attack helicopters, warships, missiles and "
        "missile systems) and related materiel, spare parts included.",
        "verified",
        "Was 8(a) as one row. Checked 2026-11-30 against the official Chinese text reproduced on "
        "Newton wiki (https://newton.com.tw/, UNSC Resolution 1718) for the chapeau, and SIPRI "
        "(https://sipri.org/node/1421) for the categories.",
    ),
    (
        1718,
        "8(a)(ii)",
        "decides",
        "binding",
        "States prevent the supply, sale or transfer to the DPRK of the items, materials, "
        "equipment, goods and technology on the lists in S/2006/814 and S/2006/815 (nuclear and "
        "ballistic-missile programmes), and of others the Council or the Committee determines; the "
        "Committee takes S/2006/816 into account.",
        "verified",
        "Checked 2026-11-30 against Compliance and Capacity Skills International, Embargo on "
        "unconventional arms (http://comcapint.com/comcapint/embargo-on-unconventional-arms/), "
        "which quotes paragraph 8 a) (ii).",
    ),
    (
        1718,
        "8(a)(iii)",
        "decides",
        "binding",
        "States prevent the supply, sale or transfer of luxury goods to the DPRK.",
        "verified",
        "Checked 2026-11-30 against resolution 2094 OP23 in the official Chinese text "
        "(http://news.takungpao.cn/world/roll/2013-03/1481455_4.html), which names 1718 OP8(a)(iii) as the "
        "luxury-goods measure.",
    ),
    (
        1718,
        "6",
        "decides",
        "binding",
        "The DPRK must give up all nuclear weapons and existing nuclear programmes completely, "
        "verifiably and irreversibly, act under NPT/IAEA safeguards obligations and give the IAEA "
        "extra transparency.",
        "verified",
        "Checked 2026-11-30 against Newton wiki (zh): UNSC Resolution 1718 - reproduces the "
        "official Chinese text with paragraph numbers "
        "(https://newton.com.tw/wiki/%E8%81%AF%E5%90%88%E5%9C%8B%E5%AE%89%E7%90%86%E6%9C%831718%E8%99%9F%E6%B1%BA%E8%AD%B0): "
        '"⒍決定朝鮮應以完全、可核查和不可逆的方式放棄所有核武器和現有核計畫".',
    ),
    (
        1718,
        "8(b)",
        "decides",
        "binding",
        "The DPRK must stop exporting the 8(a)(i) and (a)(ii) items, and all States must bar their "
        "nationals, flag vessels and aircraft from procuring them from the DPRK, whatever their "
        "origin.",
        "verified",
        "Checked 2026-11-30 against tarjamaan.com UN translation memory: German/Arabic text of 1718 "
        "OP8(b) "
        "(https://tarjamaan.com/fr/translation/ar-de/%D8%B3%D9%81%D9%86+%D8%A3%D9%88+%D8%B7%D8%A7%D8%A6%D8%B1%D8%A7%D8%AA): "
        '"b) dass die DVRK die Ausfuhr aller unter den Buchstaben a) i) und a) ii) genannten '
        'Gegenstände einzustellen hat".',
    ),
    (
        1718,
        "8(c)",
        "decides",
        "binding",
        "States must prevent transfers of technical training, advice, services or assistance linked "
        "to providing, making, maintaining or using the 8(a)(i)/(ii) items, in both directions: to "
        "the DPRK by their nationals or from their territory, and from the DPRK by its nationals or "
        "from its territory.",
        "verified",
        "Checked 2026-11-30 against Newton wiki (zh): UNSC Resolution 1718 - reproduces the "
        "official Chinese text with paragraph numbers "
        "(https://newton.com.tw/wiki/%E8%81%AF%E5%90%88%E5%9C%8B%E5%AE%89%E7%90%86%E6%9C%831718%E8%99%9F%E6%B1%BA%E8%AD%B0): "
        '"(c) 所有會員國應防止本國國民,或從本國領土向朝鮮轉讓,或從朝鮮國民或其領土接受轉讓".',
    ),
    (
        1718,
        "8(d)",
        "decides",
        "binding",
        "States must freeze without delay the funds, financial assets and economic resources of "
        "persons and entities designated by the Committee or the Council (and those acting for "
        "them), and must keep funds from being made available to them.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/types-of-sanctions/vessel-deflagging-redirection-freeze): "
        '"subject to the asset freeze imposed in paragraph 8 (d) of resolution 1718 (2006)".',
    ),
    (
        1718,
        "8(e)",
        "decides",
        "binding",
        "States must prevent designated individuals (and their family members) from entering or "
        "transiting their territory; no State has to refuse entry to its own nationals.",
        "verified",
        "Checked 2026-11-30 against Open Nuclear Network DPRK sanctions database "
        '(https://platform.opennuclear.org/sanctions/details?page=8): "measures of preventing entry '
        'specified in paragraph 8(e) of UNSC resolution 1718".',
    ),
    (
        1718,
        "8(f)",
        "calls_upon",
        "hortatory",
        "Member States are called upon to take cooperative action, including inspection of cargo to "
        "and from the DPRK, under their national law and international law, to stop illicit "
        "trafficking in WMD, their means of delivery and related materials.",
        "content_verified",
        "Checked 2026-11-30 against UN press release SC/8853 (14 Oct 2006) "
        '(https://press.un.org/en/2006/sc8853.doc.htm): "calling upon all States to take '
        'cooperative action, including through inspection of cargo".',
    ),
    (
        1718,
        "12",
        "decides",
        "institutional",
        "Sets up the Security Council Committee of all Council members (the '1718 Committee') and "
        "gives it its tasks: seeking information, examining violations, designating persons, "
        "entities and items, and reporting at least every 90 days.",
        "verified",
        "Checked 2026-11-30 against 1718 Committee - Panel of Experts, work and mandate "
        '(https://www.un.org/securitycouncil/sanctions/1718/panel_experts/work_mandate): "assist '
        "the Committee in carrying out its mandate as specified in paragraph 12 of resolution 1718 "
        '(2006)".',
    ),
    (
        1874,
        "9",
        "decides",
        "binding",
        "Extends the 1718 OP8(b) export and procurement ban to all arms and related materiel, and "
        "to financial transactions, technical training, advice, services or assistance linked to "
        "providing, making, maintaining or using them. In practice this covers arms and "
        "arms-related services from the DPRK.",
        "content_verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) - quotes 1874 OP17 "
        '(https://unsanctionsapp.com/types-of-sanctions/recommended-bunkering-ban): "prohibited by '
        'paragraph 8 (a), 8 (b), or 8 (c) of resolution 1718 (2006) or by paragraph 9 or 10".',
    ),
    (
        1874,
        "10",
        "decides",
        "binding",
        "Extends the 1718 OP8(a) supply ban to all arms and related materiel (plus related "
        "financial transactions, training and services) except small arms and light weapons. For "
        "SALW, States are called upon to be vigilant and must notify the Committee at least five "
        "days before any sale or transfer to the DPRK.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) (https://unsanctionsapp.com/types-of-sanctions/additional-arms): "
        '"further decides that States shall notify the Committee at least five days prior".',
    ),
    (
        1874,
        "12",
        "calls_upon",
        "hortatory",
        "Calls on Member States to inspect vessels on the high seas, with the flag State's consent, "
        "when they have reasonable grounds to believe the cargo contains prohibited items.",
        "content_verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) - quotes 2094 OP17 "
        "(https://unsanctionsapp.com/checklist/implementation/enforcement-of-sanctions/shipping): "
        '"refused to be inspected pursuant to paragraph 12 of resolution 1874 (2009)".',
    ),
    (
        1874,
        "14",
        "decides",
        "binding",
        "Authorises, and requires, Member States to seize and dispose of prohibited items found in "
        "inspections, in line with their UN obligations.",
        "content_verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) - 1874 OP17 text "
        '(https://unsanctionsapp.com/types-of-sanctions/recommended-bunkering-ban): "until such '
        'time as the cargo has been inspected, and seized and disposed of if necessary".',
    ),
    (
        1874,
        "17",
        "decides",
        "binding",
        "Member States must forbid their nationals, or anyone on their territory, from bunkering, "
        "supplying or otherwise servicing DPRK vessels believed on reasonable grounds to carry "
        "items banned by 1718 OP8(a)-(c) or 1874 OP9/10. Exceptions: humanitarian need, or until "
        "the cargo has been inspected and, if necessary, seized.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        '(https://unsanctionsapp.com/types-of-sanctions/recommended-bunkering-ban): "Decides that '
        'Member States shall prohibit the provision ... of bunkering services".',
    ),
    (
        1874,
        "18",
        "calls_upon",
        "hortatory",
        "Calls on Member States to prevent financial services and transfers of assets that could "
        "contribute to the DPRK's nuclear, ballistic-missile or other WMD programmes.",
        "content_verified",
        "Checked 2026-11-30 against Wikipedia: UNSC Resolution 1874 (IPFS mirror) "
        "(https://en.wikipedia-on-ipfs.org/wiki/United_Nations_Security_Council_Resolution_1874): "
        '"Preventing financial services that could contribute to the nuclear or ballistic missile '
        'related programmes".',
    ),
    (
        1874,
        "23",
        "decides",
        "binding",
        "The 1718 OP8(a), (b) and (c) measures also cover the nuclear and dual-use items on the "
        "listed INFCIRC/254 lists (Rev.9/Part 1a and Rev.7/Part 2a).",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/checklist/implementation/designation-practices/sanctions-committee): "
        '"Decides that the measures set out at paragraphs 8 (a), 8 (b) and 8 (c) of resolution '
        '1718".',
    ),
    (
        1874,
        "26",
        "other",
        "institutional",
        "Asks the Secretary-General to create a Panel of Experts (up to seven at the outset) under "
        "the Committee's direction, to gather and analyse information on implementation and "
        "non-compliance and to make recommendations.",
        "verified",
        "Checked 2026-11-30 against UN press release SC/13256 (res. 2407, 21 Mar 2018, quoting its "
        'preamble) (https://www.un.org/press/en/2018/sc13256.doc.htm): "Recalling the creation, '
        'pursuant to paragraph 26 of resolution 1874 (2009), of a Panel of Experts".',
    ),
    (
        2094,
        "11",
        "decides",
        "binding",
        "Beyond the 1718 OP8(d) freeze, States must prevent financial services and transfers of "
        "financial or other assets or resources, including bulk cash, to, through or from their "
        "territory or by their nationals or institutions, that could contribute to the DPRK's "
        "nuclear or ballistic-missile programmes, other prohibited activities, or evasion of the "
        "measures.",
        "verified",
        "Checked 2026-11-30 against 1718 Committee - resolutions page (unofficial description of "
        'res. 2371) (https://www.un.org/sc/suborg/en/sanctions/1718/resolutions): "paragraph 11 of '
        'resolution 2094 (2013) also applies to clearing funds".',
    ),
    (
        2094,
        "17",
        "decides",
        "binding",
        "If a vessel has refused an inspection authorised by its flag State, or a DPRK-flagged "
        "vessel has refused inspection under 1874 OP12, all States must deny it port entry. "
        "Exceptions: inspection, emergency, or return to its port of origin. The refused State must "
        "report to the Committee.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/checklist/implementation/enforcement-of-sanctions/shipping): "
        '"all States shall deny such a vessel entry to their ports".',
    ),
    (
        2094,
        "18",
        "calls_upon",
        "hortatory",
        "Calls on States to refuse take-off, landing or overflight to any aircraft they reasonably "
        "believe carries prohibited items, except for emergency landings.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) ('Aviation ban', classed as Recommended) "
        '(https://unsanctionsapp.com/types-of-sanctions/recommended-aviation-ban): "Calls upon '
        'States to deny permission to any aircraft to take off".',
    ),
    (
        2094,
        "22",
        "calls_upon",
        "hortatory",
        "Calls on, and permits, all States to stop any item going to or from the DPRK if the State "
        "decides it could contribute to the DPRK's nuclear or ballistic-missile programmes, other "
        "prohibited activities, or evasion of the measures. Directs the Committee to issue an "
        "Implementation Assistance Notice.",
        "verified",
        "Checked 2026-11-30 against Ta Kung Pao: full Chinese text of res. 2094 (source: United "
        'Nations) (http://news.takungpao.cn/world/roll/2013-03/1481455_4.html): "22. '
        '呼吁并允许所有国家防止...如果它们认定这些物项有助于朝鲜的核计划或弹道导弹计划".',
    ),
    (
        2270,
        "6",
        "decides",
        "binding",
        "Extends the 1718 OP8(a) supply ban to all arms and related materiel including small arms "
        "and light weapons (and related financial transactions, training and services), removing "
        "the 1874 OP10 SALW exception.",
        "content_verified",
        "Checked 2026-11-30 against UN Security Council - S/RES/2270 (2016) summary page "
        '(https://www.un.org/securitycouncil/s/res/2270-%282016%29): "Expands arms embargo ... '
        'including small arms and light weapons".',
    ),
    (
        2270,
        "9",
        "other",
        "binding",
        "The arms-related training ban includes hosting DPRK trainers, advisers or other officials "
        "for military, paramilitary or police training.",
        "content_verified",
        "Checked 2026-11-30 against UN Security Council - S/RES/2270 (2016) summary page "
        '(https://www.un.org/securitycouncil/s/res/2270-%282016%29): "Clarifies ban on hosting of '
        'DPRK trainers, advisors or other officials". The opening verb is from memory.',
    ),
    (
        2270,
        "12",
        "other",
        "binding",
        "'Economic resources' under the 1718 OP8(d) freeze include assets of every kind, including "
        "vessels, so vessels can be frozen.",
        "verified",
        "Checked 2026-11-30 against 1718 Committee Designated Vessels List (headings as reproduced "
        "in OpenSanctions crawler un_1718_vessels) "
        "(https://main.un.org/securitycouncil/en/sanctions/1718/materials/1718-Designated-Vessels-List): "
        '"Paragraph 8 (d) of resolution 1718 (2006) and paragraph 12 of resolution 2270 (2016)". '
        "The opening verb is from memory.",
    ),
    (
        2270,
        "17",
        "decides",
        "binding",
        "States must prevent specialised teaching or training of DPRK nationals, in their territory "
        "or by their nationals, in disciplines that could aid proliferation-sensitive nuclear work "
        "or delivery systems (advanced physics, computer simulation, geospatial navigation, "
        "nuclear/aerospace/aeronautical engineering, etc.).",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        '(https://unsanctionsapp.com/types-of-sanctions/specialized-teaching-or-training): "Decides '
        'that all Member States shall prevent specialized teaching or training of DPRK nationals".',
    ),
    (
        2270,
        "18",
        "decides",
        "binding",
        "States must inspect all cargo within or transiting their territory (airports, seaports, "
        "free-trade zones) that comes from or goes to the DPRK, or is brokered by it or designated "
        "parties, or is carried on DPRK-flagged ships or aircraft.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/checklist/implementation/enforcement-of-sanctions/shipping): "
        '"Decides that all States shall inspect the cargo within or transiting through their '
        'territory".',
    ),
    (
        2270,
        "19",
        "decides",
        "binding",
        "States must bar their nationals and territory from leasing or chartering their flagged "
        "vessels or aircraft, or providing crew services, to the DPRK or designated parties.",
        "content_verified",
        "Checked 2026-11-30 against International Trade Compliance Update, 3 Mar 2016 "
        "(https://www.internationaltradecomplianceupdate.com/2016/03/03/un-security-council-adopts-strong-resolution-regarding-n-korea/): "
        '"prohibit their nationals from leasing or chartering their flagged vessels or aircraft or '
        'providing crew services".',
    ),
    (
        2270,
        "29",
        "decides",
        "binding",
        "The DPRK must not supply coal, iron or iron ore, and States must not procure them. As "
        "adopted there were carve-outs (non-DPRK-origin coal transiting Rajin, and livelihood trade "
        "not linked to prohibited programmes), later capped by 2321 OP26 and closed by 2371 OP8.",
        "content_verified",
        "Checked 2026-11-30 against FreeKorea: Understanding North Korea sanctions "
        '(https://freekorea.us/sanctions-unsc): "ban the export ... of coal, iron, or iron ore, '
        "except for 'livelihood purposes'\".",
    ),
    (
        2270,
        "30",
        "decides",
        "binding",
        "The DPRK must not supply gold, titanium ore, vanadium ore or rare-earth minerals, and "
        "States must not procure them.",
        "content_verified",
        "Checked 2026-11-30 against FreeKorea: Understanding North Korea sanctions "
        '(https://freekorea.us/sanctions-unsc): "prohibit the sale or transfer ... of gold, '
        'titanium ore, vanadium ore, rare earth minerals".',
    ),
    (
        2270,
        "31",
        "decides",
        "binding",
        "States must prevent the sale or supply of aviation fuel (aviation gasoline, naphtha- and "
        "kerosene-type jet fuel, kerosene-type rocket fuel) to the DPRK. Exceptions: approved "
        "humanitarian needs, and fuel for civilian passenger aircraft outside the DPRK used only on "
        "the flight to and from the DPRK.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        '(https://unsanctionsapp.com/types-of-sanctions/aviation-fuel-imports): "Decides that all '
        'States shall prevent the sale or supply ... of aviation fuel".',
    ),
    (
        2270,
        "32",
        "decides",
        "binding",
        "The 1718 OP8(d) freeze extends to funds and assets of entities of the DPRK Government or "
        "the Workers' Party of Korea that States find linked to the nuclear or missile programmes "
        "or other prohibited activities.",
        "content_verified",
        "Checked 2026-11-30 against UN Security Council - S/RES/2270 (2016) summary page "
        '(https://www.un.org/securitycouncil/s/res/2270-%282016%29): "assets freeze on Government '
        "of the DPRK and its Workers' Party entities associated with prohibited programmes\".",
    ),
    (
        2270,
        "33",
        "decides",
        "binding",
        "States must forbid the opening and operation of new branches, subsidiaries and "
        "representative offices of DPRK banks on their territory, and must close existing ones "
        "within 90 days.",
        "content_verified",
        "Checked 2026-11-30 against Korea Herald (Yonhap), 15 Nov 2016 "
        '(http://www01.koreaherald.com/view.php?ud=20161115000534): "member states shall prohibit '
        'the opening and operation of new branches, subsidiaries and representative offices".',
    ),
    (
        2321,
        "8",
        "decides",
        "binding",
        "The 2270 OP19 leasing, chartering and crew-services ban applies to all such services to "
        "the DPRK without exception, unless the Committee approves case by case.",
        "content_verified",
        "Checked 2026-11-30 against UN Security Council - S/RES/2321(2016) summary (Chinese) "
        '(https://www.un.org/securitycouncil/zh/s/res/2321%282016%29): "所有向朝鲜提供的租赁、包租或提供船员的服务".',
    ),
    (
        2321,
        "9",
        "decides",
        "binding",
        "States must bar their nationals and territory from registering vessels in the DPRK, "
        "obtaining the DPRK flag for a vessel, or owning, leasing, operating, classifying, "
        "certifying or insuring DPRK-flagged vessels (Committee exemptions possible).",
        "content_verified",
        "Checked 2026-11-30 against Mirror of UN S/RES/2321 (2016) summary page "
        '(https://wbnkimf.com/en/s/res/2321-(2016).html): "registering vessels in the DPRK; '
        "obtaining authorization for a vessel to use the DPRK's flag\".",
    ),
    (
        2321,
        "10",
        "other",
        "binding",
        "The 2270 OP17 specialised-teaching ban also covers advanced materials science and advanced "
        "chemical, mechanical, electrical and industrial engineering.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        '(https://unsanctionsapp.com/types-of-sanctions/specialized-teaching-or-training): "UNSCR '
        '2321 (2016) clarifies that this "includes, but is not limited to advanced materials '
        'science"".',
    ),
    (
        2321,
        "12",
        "decides",
        "binding",
        "Lets the Committee designate vessels linked to prohibited programmes and require any of: "
        "(a) de-flagging by the flag State; (b) direction to a Committee-identified port; (c) [not "
        "seen]; (d) asset freeze under 1718 OP8(d). Once the Committee has designated a vessel, the "
        "flag and port States are bound.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/types-of-sanctions/vessel-deflagging-redirection-freeze): "
        '"Decides that the Committee ... may require any or all of the following measures". Binding '
        "once the Committee designates a vessel: the 1718 Committee's list of designated vessels "
        "cites 12(a) (de-flagging) and 12(d) (freeze) as measures.",
    ),
    (
        2321,
        "13",
        "decides",
        "binding",
        "The 2270 OP18 cargo-inspection duty includes personal luggage and checked baggage of "
        "people entering or leaving the DPRK.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/checklist/implementation/enforcement-of-sanctions/shipping): "
        '""the personal luggage and checked baggage" ... (Paragraphs 21 and 13)". The opening verb '
        "is from memory.",
    ),
    (
        2321,
        "21",
        "decides",
        "binding",
        "The 2270 OP18 cargo-inspection duty includes cargo carried by rail and by road.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/checklist/implementation/enforcement-of-sanctions/shipping): "
        '"includes the cargo being transported by rail and by road". The opening verb is from '
        "memory.",
    ),
    (
        2321,
        "26",
        "decides",
        "binding",
        "Caps DPRK coal exports (replacing the 2270 OP29 livelihood carve-out): from 1 Jan 2017, at "
        "most about US$400.9 million (400,870,018) or 7.5 million tonnes a year, whichever is "
        "lower, with real-time reporting to the Committee. Iron and iron ore remain banned except "
        "for limited livelihood purposes.",
        "content_verified",
        "Checked 2026-11-30 against Reuters factbox, 19 Apr 2017 "
        '(http://uk.reuters.com/article/northkorea-usa-sanctions-idUKL3N1HR1LZ): "Coal exports are '
        'allowed up to a maximum of $400.87 million or 7,500,000 metric tonnes".',
    ),
    (
        2321,
        "28",
        "decides",
        "binding",
        "The DPRK must not supply copper, nickel, silver or zinc, and States must not procure them.",
        "content_verified",
        "Checked 2026-11-30 against Lexology briefing on res. 2321 "
        "(https://www.lexology.com/library/detail.aspx?g=432ba8d1-ee8c-4c6b-85cc-ee533095424d): "
        '"prohibitions on the purchase from the DPRK of copper, nickel, silver and zinc".',
    ),
    (
        2321,
        "29",
        "decides",
        "binding",
        "The DPRK must not supply statues (monuments), and States must not procure them (Committee "
        "exemptions possible).",
        "content_verified",
        "Checked 2026-11-30 against Lexology briefing on res. 2321 "
        "(https://www.lexology.com/library/detail.aspx?g=432ba8d1-ee8c-4c6b-85cc-ee533095424d): "
        '"prohibitions on the export of statues from the DPRK".',
    ),
    (
        2321,
        "30",
        "decides",
        "binding",
        "States must prevent the supply, sale or transfer to the DPRK of new helicopters and "
        "vessels, unless the Committee approves case by case.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        '(https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles): "Decides that all '
        'Member States shall prevent ... of new helicopters and vessels".',
    ),
    (
        2321,
        "34",
        "other",
        "hortatory",
        "Voices concern that DPRK nationals are sent abroad to earn hard currency for prohibited "
        "programmes, and calls on States to be vigilant. Creates no prohibition.",
        "content_verified",
        "Checked 2026-11-30 against FinCEN advisory reproduced in BSA/AML Examiner School Manual "
        "2019 "
        "(https://user-9y4mjaj.cld.bz/Introductory-BSA-AML-Examiner-School-Manual-Aug-2019/401): "
        '"UNSCR 2321 also expresses concern that individuals from the DPRK are sent abroad to earn '
        'hard currency". The opening verb is from memory.',
    ),
    (
        2371,
        "6",
        "decides",
        "binding",
        "The Committee may designate vessels linked to prohibited activities, and all Member States "
        "must deny port entry to designated vessels (limited exceptions such as emergency, return "
        "to port of origin, or Committee approval).",
        "verified",
        "Checked 2026-11-30 against 1718 Committee Designated Vessels List (headings as reproduced "
        "in OpenSanctions crawler un_1718_vessels) "
        "(https://main.un.org/securitycouncil/en/sanctions/1718/materials/1718-Designated-Vessels-List): "
        '"Paragraph 6 of resolution 2371 (2017) and paragraph 6 of resolution 2375 (2017)". The '
        "opening verb is from memory.",
    ),
    (
        2371,
        "8",
        "decides",
        "binding",
        "The DPRK must not supply coal, iron or iron ore at all (replacing the 2321 cap), and "
        "States must not procure them. Only coal shown to be of non-DPRK origin, transported "
        "through Rajin solely for export, is exempt, with advance notice to the Committee.",
        "verified",
        "Checked 2026-11-30 against AAFC: French text of res. 2375 OP18 (which cross-refers to 2371 "
        "OP8) "
        "(http://www.amitiefrancecoree.org/2017/09/la-chine-ordonne-la-fermeture-des-entreprises-nord-coreennes-sur-son-territoire-en-application-de-la-resolution-2375-du-csnu.html): "
        "\"charbon d'origine russe, comme l'autorise le paragraphe 8 de la résolution 2371 "
        '(2017)".',
    ),
    (
        2371,
        "9",
        "decides",
        "binding",
        "The DPRK must not supply seafood (fish, crustaceans, molluscs and other aquatic "
        "invertebrates in all forms), and States must not procure it.",
        "content_verified",
        "Checked 2026-11-30 against 1718 Committee - resolutions page (res. 2371 description) "
        '(https://www.un.org/sc/suborg/en/sanctions/1718/resolutions): "Prohibits the export by the '
        'DPRK of seafood (including fish, crustaceans, mollusks".',
    ),
    (
        2371,
        "10",
        "decides",
        "binding",
        "The DPRK must not supply lead or lead ore, and States must not procure them.",
        "content_verified",
        "Checked 2026-11-30 against 1718 Committee - resolutions page (res. 2371 description) "
        '(https://www.un.org/sc/suborg/en/sanctions/1718/resolutions): "adds lead and lead ore to '
        'the banned commodities".',
    ),
    (
        2371,
        "11",
        "decides",
        "binding",
        "Member States must not raise the total number of work authorisations for DPRK nationals in "
        "their jurisdiction above the level at adoption, unless the Committee approves case by "
        "case.",
        "content_verified",
        "Checked 2026-11-30 against ASIL, 5 Aug 2017 (quoting UN press release) "
        "(https://asil.org/print/blogs/un-security-council-passes-resolution-strengthening-sanctions-against-north-korea-august-5): "
        '"decided that all Member States shall not increase the total number of work '
        'authorizations".',
    ),
    (
        2371,
        "12",
        "decides",
        "binding",
        "States must prohibit their nationals and territory from opening new joint ventures or "
        "cooperative entities with DPRK entities or individuals, and from expanding existing ones "
        "through additional investment.",
        "content_verified",
        "Checked 2026-11-30 against UN Meetings Coverage SC/12945 (mirror), 5 Aug 2017 "
        '(https://tedmontgomery.com/remarks/17.7-12/NKorea/Resolution2371.adopted.html): "decided '
        'that States shall prohibit the opening of new joint ventures or cooperative entities".',
    ),
    (
        2375,
        "6",
        "decides",
        "binding",
        "Extends the port-entry ban on vessels designated by the Committee (paired with 2371 OP6 on "
        "the Committee's list). Per the UN summary, it also directs the Committee to designate "
        "vessels carrying prohibited items from the DPRK.",
        "verified",
        "Checked 2026-11-30 against 1718 Committee Designated Vessels List (headings as reproduced "
        "in OpenSanctions crawler un_1718_vessels) "
        "(https://main.un.org/securitycouncil/en/sanctions/1718/materials/1718-Designated-Vessels-List): "
        '"Paragraph 6 of resolution 2371 (2017) and paragraph 6 of resolution 2375 (2017)". The '
        "opening verb is from memory.",
    ),
    (
        2375,
        "7",
        "calls_upon",
        "hortatory",
        "Calls on States to inspect vessels on the high seas, with the flag State's consent, when "
        "they have reasonable grounds to believe the cargo contains prohibited items.",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) - 2375 OP8 text "
        "(https://unsanctionsapp.com/types-of-sanctions/vessel-deflagging-redirection-freeze): "
        '"cooperate with inspections pursuant to paragraph 7 above". The opening verb is from '
        "memory.",
    ),
    (
        2375,
        "8",
        "other",
        "binding",
        "Calls on States to cooperate with OP7 inspections. If the flag State will not consent to a "
        "high-seas inspection, it must direct the vessel to a suitable port for inspection under "
        "2270 OP18. (Refusal also triggers designation and reporting, from memory.)",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        "(https://unsanctionsapp.com/types-of-sanctions/vessel-deflagging-redirection-freeze): "
        '"decides that the flag State shall direct the vessel to proceed to an appropriate and '
        'convenient port". It opens by calling upon States to cooperate, then decides that a flag '
        "State refusing consent shall direct the vessel to a port: binding in that part.",
    ),
    (
        2375,
        "11",
        "decides",
        "binding",
        "States must prohibit their nationals, companies and flag vessels from facilitating or "
        "engaging in ship-to-ship transfers to or from DPRK-flagged vessels of any goods being "
        "supplied, sold or transferred to or from the DPRK.",
        "content_verified",
        "Checked 2026-11-30 against wordscope.be: EU implementing text (EN/NL) "
        "(http://wordscope.be/engels/nederlands/ship's+flag.html): \"prohibit ... from facilitating "
        'or engaging in ship-to-ship transfers to or from DPRK-flagged vessels". The opening verb '
        "is from memory.",
    ),
    (
        2375,
        "13",
        "decides",
        "binding",
        "Total ban on the supply, sale or transfer to the DPRK of condensates and natural gas "
        "liquids.",
        "content_verified",
        "Checked 2026-11-30 against UN Security Council - S/RES/2375 (2017) summary (French) "
        "(https://www.un.org/securitycouncil/fr/s/res/2375-%282017%29): \"l'interdiction complète "
        '... de tous condensats de gaz et liquides de gaz naturel". The opening verb is from '
        "memory.",
    ),
    (
        2375,
        "14",
        "decides",
        "binding",
        "Caps refined petroleum products supplied to the DPRK: 500,000 barrels for 1 Oct-31 Dec "
        "2017, and 2 million barrels a year from 1 Jan 2018. Suppliers notify the Committee, with "
        "conditions. Superseded by the 500,000-barrel cap in 2397 OP5.",
        "content_verified",
        "Checked 2026-11-30 against Thompson Hine SmarTrade, Sept 2017 "
        "(https://www.thompsonhinesmartrade.com/2017/09/united-nations-adds-sanctions-north-korea/): "
        '"beyond 500,000 barrels during an initial period of three months ... two million barrels '
        'per year". The opening verb is from memory.',
    ),
    (
        2375,
        "15",
        "decides",
        "binding",
        "Crude oil supplied to the DPRK in the 12 months from adoption may not exceed the amount "
        "supplied in the preceding 12 months (a freeze at existing levels).",
        "content_verified",
        "Checked 2026-11-30 against UN Security Council - S/RES/2375 (2017) summary (French) "
        "(https://www.un.org/securitycouncil/fr/s/res/2375-%282017%29): \"d'une quantité de pétrole "
        'brut dépassant la quantité fournie ... dans la période de 12 mois précédant". The opening '
        "verb is from memory.",
    ),
    (
        2375,
        "16",
        "decides",
        "binding",
        "The DPRK must not supply textiles (including fabrics and partly or fully finished "
        "apparel), and States must not procure them.",
        "content_verified",
        "Checked 2026-11-30 against UN Security Council - S/RES/2375 (2017) summary (French) "
        "(https://www.un.org/securitycouncil/fr/s/res/2375-%282017%29): \"Interdit l'exportation de "
        'textiles (notamment ... tissus et de vêtements". The opening verb is from memory.',
    ),
    (
        2375,
        "17",
        "decides",
        "binding",
        "Member States must not grant work authorisations to DPRK nationals in their jurisdiction, "
        "except where the Committee approves case by case (an exception for written contracts "
        "finalised before adoption, per the UN summary).",
        "verified",
        "Checked 2026-11-30 against Reddit r/internationallaw quoting res. 2397 OP8 text "
        "(https://lr.eu.psf.lt/r/internationallaw/comments/1dhbhz1/did_the_unsc_effectively_ban_employment_of_north): "
        '"despite the adoption of paragraph 17 of resolution 2375 (2017)".',
    ),
    (
        2375,
        "18",
        "decides",
        "binding",
        "States must prohibit their nationals and territory from opening, maintaining or operating "
        "any joint venture or cooperative entity, new or existing, with DPRK entities or "
        "individuals, unless the Committee approves. Existing ones must close within 120 days. "
        "Exemptions: the China-DPRK hydroelectric projects and the Russia-DPRK Rajin-Khasan "
        "port/rail project for Russian-origin coal.",
        "verified",
        "Checked 2026-11-30 against AAFC: French text of res. 2375 OP18 (an official UN language) "
        "(http://www.amitiefrancecoree.org/2017/09/la-chine-ordonne-la-fermeture-des-entreprises-nord-coreennes-sur-son-territoire-en-application-de-la-resolution-2375-du-csnu.html): "
        "\"18. Décide que les États doivent interdire l'ouverture, le maintien en fonctionnement et "
        "l'exploitation\".",
    ),
    (
        2397,
        "4",
        "decides",
        "binding",
        "All crude oil supply to the DPRK is prohibited unless the Committee approves in advance, "
        "case by case, exclusively for livelihood purposes. This does not apply to up to 4 million "
        "barrels or 525,000 tons in aggregate per 12 months from 22 Dec 2017. States supplying "
        "crude must report the amount to the Committee every 90 days.",
        "verified",
        "Checked 2026-11-30 against 1718 Committee - resolutions page (unofficial description of "
        'res. 2397) (https://main.un.org/securitycouncil/en/sanctions/1718/resolutions): "limit of '
        '4 million barrels or 525,000 tons ... report ... every 90 days".',
    ),
    (
        2397,
        "5",
        "decides",
        "binding",
        "Refined petroleum supply to the DPRK (including by pipeline, rail or vehicle) is banned, "
        "except up to 500,000 barrels in aggregate per 12 months from 1 Jan 2018. Conditions: the "
        "supplying State notifies the Committee every 30 days of the amount and all parties to the "
        "transaction; no designated or programme-linked parties are involved; and it is exclusively "
        "for livelihood purposes. The cap applies to all suppliers combined.",
        "verified",
        "Checked 2026-11-30 against 1718 Committee - exemptions: refined petroleum products (French "
        "page) "
        "(https://main.un.org/securitycouncil/fr/sanctions/1718/exemptions/arms-embargo/refined-petroleum-products): "
        '"Aux termes du paragraphe 5 de la résolution 2397 ... 500 000 barils ... tous les 30 '
        'jours".',
    ),
    (
        2397,
        "6",
        "decides",
        "binding",
        "The DPRK must not supply food and agricultural products, machinery, electrical equipment, "
        "earth and stone (including magnesite and magnesia), wood or vessels (listed HS codes), and "
        "States must not procure them. Also bans the DPRK selling fishing rights (from the UN "
        "summary; possibly a separate clause).",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        '(https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles): "Decides that the '
        'DPRK shall not supply ... vessels (HS code 89)".',
    ),
    (
        2397,
        "7",
        "decides",
        "binding",
        "States must prevent the supply, sale or transfer to the DPRK of all industrial machinery, "
        "transport vehicles, iron, steel and other metals (listed HS codes). Exception: spare parts "
        "to keep DPRK commercial civilian passenger aircraft safe, plus Committee exemptions.",
        "content_verified",
        "Checked 2026-11-30 against 1718 Committee - resolutions page (res. 2397 description) "
        '(https://main.un.org/securitycouncil/en/sanctions/1718/resolutions): "ban on the supply, '
        'sale or transfer to the DPRK of all industrial machinery, transportation vehicles".',
    ),
    (
        2397,
        "8",
        "decides",
        "binding",
        "Member States must repatriate all DPRK nationals earning income in their jurisdiction, and "
        "all DPRK government safety-oversight attachés who monitor DPRK workers abroad, immediately "
        "and no later than 24 months after adoption (22 Dec 2019). Exceptions: their own nationals, "
        "or people whose repatriation national and international law (refugee, human-rights) "
        "forbids. Interim report due at 15 months, final report at 27 months.",
        "verified",
        "Checked 2026-11-30 against Japanese MOFA translation of res. 2397 "
        "(mofa.go.jp/mofaj/files/000325985.pdf) as quoted on 5ch "
        "(https://lavender.5ch.net/test/read.cgi/news4plus/1539312431/373): "
        '"8.決議第2375号(2017年)17の規定の採択にもかかわらず ... 24か月以内に".',
    ),
    (
        2397,
        "9",
        "decides",
        "binding",
        "Member States must seize, inspect and freeze (impound) any vessel in their ports, and may "
        "do so in their territorial waters, if they have reasonable grounds to believe it was "
        "involved in prohibited activities or transport of prohibited items. The measure lapses six "
        "months after impoundment if the Committee is satisfied it will not recur.",
        "content_verified",
        "Checked 2026-11-30 against VOA Korea reproducing the US fact sheet on res. 2397 "
        '(https://www.voakorea.com/archive/4175785): "Countering Maritime Smuggling (OPs 9-15) ... '
        'requirement for countries to seize and impound ships".',
    ),
    (
        2397,
        "14",
        "decides",
        "binding",
        "States must prevent the supply, sale or transfer to the DPRK of any new or used vessels "
        "(Committee exemptions possible).",
        "verified",
        "Checked 2026-11-30 against unsanctionsapp.com (UN Sanctions App, paragraph-level "
        "quotations of UNSC text) "
        '(https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles): "decides that all '
        'Member States shall prevent ... of any new or used vessels".',
    ),
]

REFINED_PETROLEUM = (
    "Refined petroleum unnotified or above the cap",
    "Deliveries of refined petroleum to the DPRK that were not notified to the 1718 "
    "Committee or that exceed the annual cap (resolution 2397 OP5).",
)


def forward(apps, schema_editor):
    Provision = apps.get_model("cases", "Provision")
    Resolution = apps.get_model("cases", "Resolution")
    Incident = apps.get_model("cases", "Incident")
    IncidentType = apps.get_model("cases", "IncidentType")
    Cited = Incident.provisions.through
    for number, old, new in RENUMBERED:
        present = Provision.objects.filter(resolution__number=number, paragraph=new).first()
        if present is None:
            Provision.objects.filter(resolution__number=number, paragraph=old).update(paragraph=new)
            continue
        # Both numbers are there (reference data loaded again): keep the new one.
        for former in Provision.objects.filter(resolution__number=number, paragraph=old):
            for row in Cited.objects.filter(provision=former):
                if not Cited.objects.filter(incident=row.incident_id, provision=present).exists():
                    Cited.objects.create(incident_id=row.incident_id, provision=present)
            former.delete()
    resolutions = {r.number: r for r in Resolution.objects.all()}
    for number, paragraph, verb, force, summary, verification, note in PROVISIONS:
        Provision.objects.update_or_create(
            resolution=resolutions[number],
            paragraph=paragraph,
            defaults={
                "verb": verb,
                "force": force,
                "summary": summary,
                "verification": verification,
                "verification_note": note,
            },
        )
    for incident in Incident.objects.filter(provisions__force__in=["hortatory", "institutional"]):
        context = list(incident.provisions.exclude(force="binding"))
        incident.context_provisions.add(*context)
        incident.provisions.remove(*context)
    IncidentType.objects.filter(code="refined_petroleum").update(
        name=REFINED_PETROLEUM[0], description=REFINED_PETROLEUM[1]
    )


def backward(apps, schema_editor):
    Provision = apps.get_model("cases", "Provision")
    Incident = apps.get_model("cases", "Incident")
    IncidentType = apps.get_model("cases", "IncidentType")
    for incident in Incident.objects.exclude(context_provisions=None).distinct():
        incident.provisions.add(*incident.context_provisions.all())
        incident.context_provisions.clear()
    for number, old, new in RENUMBERED:
        Provision.objects.filter(resolution__number=number, paragraph=new).update(paragraph=old)
    initial = {(number, paragraph): rest for number, paragraph, *rest in INITIAL.PROVISIONS}
    former = {(number, new): (number, old) for number, old, new in RENUMBERED}
    for number, paragraph, *_ in PROVISIONS:
        key = former.get((number, paragraph), (number, paragraph))
        if key not in initial:
            Provision.objects.filter(resolution__number=number, paragraph=paragraph).delete()
    for (number, paragraph), (summary, verification) in initial.items():
        Provision.objects.filter(resolution__number=number, paragraph=paragraph).update(
            summary=summary,
            verification=verification,
            verification_note=INITIAL.VERIFICATION_NOTES[verification],
        )
    name, description = next(
        (name, description)
        for code, name, description in INITIAL.INCIDENT_TYPES
        if code == "refined_petroleum"
    )
    IncidentType.objects.filter(code="refined_petroleum").update(name=name, description=description)


class Migration(migrations.Migration):
    dependencies = [("cases", "0014_provision_force")]

    operations = [migrations.RunPython(forward, backward)]
