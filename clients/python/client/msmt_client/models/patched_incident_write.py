from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.country_enum import CountryEnum
from ..models.date_precision_enum import DatePrecisionEnum
from ..models.sharing_level_enum import SharingLevelEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.citation_write import CitationWrite
  from ..models.contribution_write import ContributionWrite
  from ..models.finding_write import FindingWrite
  from ..models.incident_location_write import IncidentLocationWrite
  from ..models.incident_relation_write import IncidentRelationWrite
  from ..models.involvement_write import InvolvementWrite
  from ..models.materiel_line_write import MaterielLineWrite





T = TypeVar("T", bound="PatchedIncidentWrite")



@_attrs_define
class PatchedIncidentWrite:
    """ A draft as analysts write it through the API. Lines given replace the incident's
    lines of that kind; lines left out stay as they are. The workflow fields cannot be
    written: steps are taken through the workflow actions.

        Attributes:
            title (str | Unset):
            summary (str | Unset):
            type_ (str | Unset):
            occurred_from (datetime.date | Unset):
            occurred_to (datetime.date | None | Unset):
            date_precision (DatePrecisionEnum | Unset): * `day` - Day
                * `month` - Month
                * `year` - Year
                * `approximate` - Approximate
            origin_country (BlankEnum | CountryEnum | Unset): For transfers: where it came from.

                * `KP` - North Korea
                * `RU` - Russia
                * `CN` - China
                * `AF` - Afghanistan
                * `AX` - Åland Islands
                * `AL` - Albania
                * `DZ` - Algeria
                * `AS` - American Samoa
                * `AD` - Andorra
                * `AO` - Angola
                * `AI` - Anguilla
                * `AQ` - Antarctica
                * `AG` - Antigua and Barbuda
                * `AR` - Argentina
                * `AM` - Armenia
                * `AW` - Aruba
                * `AU` - Australia
                * `AT` - Austria
                * `AZ` - Azerbaijan
                * `BS` - Bahamas (The)
                * `BH` - Bahrain
                * `BD` - Bangladesh
                * `BB` - Barbados
                * `BY` - Belarus
                * `BE` - Belgium
                * `BZ` - Belize
                * `BJ` - Benin
                * `BM` - Bermuda
                * `BT` - Bhutan
                * `BO` - Bolivia
                * `BQ` - Bonaire, Sint Eustatius and Saba
                * `BA` - Bosnia and Herzegovina
                * `BW` - Botswana
                * `BV` - Bouvet Island
                * `BR` - Brazil
                * `IO` - British Indian Ocean Territory
                * `BN` - Brunei
                * `BG` - Bulgaria
                * `BF` - Burkina Faso
                * `BI` - Burundi
                * `CV` - Cabo Verde
                * `KH` - Cambodia
                * `CM` - Cameroon
                * `CA` - Canada
                * `KY` - Cayman Islands
                * `CF` - Central African Republic
                * `TD` - Chad
                * `CL` - Chile
                * `CX` - Christmas Island
                * `CC` - Cocos (Keeling) Islands
                * `CO` - Colombia
                * `KM` - Comoros
                * `CG` - Congo
                * `CK` - Cook Islands
                * `CR` - Costa Rica
                * `CI` - Côte d'Ivoire
                * `HR` - Croatia
                * `CU` - Cuba
                * `CW` - Curaçao
                * `CY` - Cyprus
                * `CZ` - Czechia
                * `CD` - Democratic Republic of the Congo
                * `DK` - Denmark
                * `DJ` - Djibouti
                * `DM` - Dominica
                * `DO` - Dominican Republic
                * `EC` - Ecuador
                * `EG` - Egypt
                * `SV` - El Salvador
                * `GQ` - Equatorial Guinea
                * `ER` - Eritrea
                * `EE` - Estonia
                * `SZ` - Eswatini
                * `ET` - Ethiopia
                * `FK` - Falkland Islands (Malvinas)
                * `FO` - Faroe Islands
                * `FJ` - Fiji
                * `FI` - Finland
                * `FR` - France
                * `GF` - French Guiana
                * `PF` - French Polynesia
                * `TF` - French Southern Territories
                * `GA` - Gabon
                * `GM` - Gambia
                * `GE` - Georgia
                * `DE` - Germany
                * `GH` - Ghana
                * `GI` - Gibraltar
                * `GR` - Greece
                * `GL` - Greenland
                * `GD` - Grenada
                * `GP` - Guadeloupe
                * `GU` - Guam
                * `GT` - Guatemala
                * `GG` - Guernsey
                * `GN` - Guinea
                * `GW` - Guinea-Bissau
                * `GY` - Guyana
                * `HT` - Haiti
                * `HM` - Heard Island and McDonald Islands
                * `HN` - Honduras
                * `HK` - Hong Kong
                * `HU` - Hungary
                * `IS` - Iceland
                * `IN` - India
                * `ID` - Indonesia
                * `IR` - Iran
                * `IQ` - Iraq
                * `IE` - Ireland
                * `IM` - Isle of Man
                * `IL` - Israel
                * `IT` - Italy
                * `JM` - Jamaica
                * `JP` - Japan
                * `JE` - Jersey
                * `JO` - Jordan
                * `KZ` - Kazakhstan
                * `KE` - Kenya
                * `KI` - Kiribati
                * `KW` - Kuwait
                * `KG` - Kyrgyzstan
                * `LA` - Laos
                * `LV` - Latvia
                * `LB` - Lebanon
                * `LS` - Lesotho
                * `LR` - Liberia
                * `LY` - Libya
                * `LI` - Liechtenstein
                * `LT` - Lithuania
                * `LU` - Luxembourg
                * `MO` - Macao
                * `MG` - Madagascar
                * `MW` - Malawi
                * `MY` - Malaysia
                * `MV` - Maldives
                * `ML` - Mali
                * `MT` - Malta
                * `MH` - Marshall Islands
                * `MQ` - Martinique
                * `MR` - Mauritania
                * `MU` - Mauritius
                * `YT` - Mayotte
                * `MX` - Mexico
                * `FM` - Micronesia
                * `MD` - Moldova
                * `MC` - Monaco
                * `MN` - Mongolia
                * `ME` - Montenegro
                * `MS` - Montserrat
                * `MA` - Morocco
                * `MZ` - Mozambique
                * `MM` - Myanmar
                * `NA` - Namibia
                * `NR` - Naoero
                * `NP` - Nepal
                * `NL` - Netherlands
                * `NC` - New Caledonia
                * `NZ` - New Zealand
                * `NI` - Nicaragua
                * `NE` - Niger
                * `NG` - Nigeria
                * `NU` - Niue
                * `NF` - Norfolk Island
                * `MK` - North Macedonia
                * `MP` - Northern Mariana Islands
                * `NO` - Norway
                * `OM` - Oman
                * `PK` - Pakistan
                * `PW` - Palau
                * `PS` - Palestine
                * `PA` - Panama
                * `PG` - Papua New Guinea
                * `PY` - Paraguay
                * `PE` - Peru
                * `PH` - Philippines
                * `PN` - Pitcairn
                * `PL` - Poland
                * `PT` - Portugal
                * `PR` - Puerto Rico
                * `QA` - Qatar
                * `RE` - Réunion
                * `RO` - Romania
                * `RW` - Rwanda
                * `BL` - Saint Barthélemy
                * `SH` - Saint Helena
                * `KN` - Saint Kitts and Nevis
                * `LC` - Saint Lucia
                * `MF` - Saint Martin (French part)
                * `PM` - Saint Pierre and Miquelon
                * `VC` - Saint Vincent and the Grenadines
                * `WS` - Samoa
                * `SM` - San Marino
                * `ST` - Sao Tome and Principe
                * `SA` - Saudi Arabia
                * `SN` - Senegal
                * `RS` - Serbia
                * `SC` - Seychelles
                * `SL` - Sierra Leone
                * `SG` - Singapore
                * `SX` - Sint Maarten (Dutch part)
                * `SK` - Slovakia
                * `SI` - Slovenia
                * `SB` - Solomon Islands
                * `SO` - Somalia
                * `ZA` - South Africa
                * `GS` - South Georgia
                * `KR` - South Korea
                * `SS` - South Sudan
                * `ES` - Spain
                * `LK` - Sri Lanka
                * `SD` - Sudan
                * `SR` - Suriname
                * `SJ` - Svalbard and Jan Mayen
                * `SE` - Sweden
                * `CH` - Switzerland
                * `SY` - Syria
                * `TW` - Taiwan
                * `TJ` - Tajikistan
                * `TZ` - Tanzania
                * `TH` - Thailand
                * `TL` - Timor-Leste
                * `TG` - Togo
                * `TK` - Tokelau
                * `TO` - Tonga
                * `TT` - Trinidad and Tobago
                * `TN` - Tunisia
                * `TR` - Türkiye
                * `TM` - Turkmenistan
                * `TC` - Turks and Caicos Islands
                * `TV` - Tuvalu
                * `UG` - Uganda
                * `UA` - Ukraine
                * `AE` - United Arab Emirates
                * `GB` - United Kingdom
                * `UM` - United States Minor Outlying Islands
                * `US` - United States of America
                * `UY` - Uruguay
                * `UZ` - Uzbekistan
                * `VU` - Vanuatu
                * `VA` - Vatican City
                * `VE` - Venezuela
                * `VN` - Vietnam
                * `VG` - Virgin Islands (British)
                * `VI` - Virgin Islands (U.S.)
                * `WF` - Wallis and Futuna
                * `EH` - Western Sahara
                * `YE` - Yemen
                * `ZM` - Zambia
                * `ZW` - Zimbabwe
            destination_country (BlankEnum | CountryEnum | Unset): For transfers: where it went.

                * `KP` - North Korea
                * `RU` - Russia
                * `CN` - China
                * `AF` - Afghanistan
                * `AX` - Åland Islands
                * `AL` - Albania
                * `DZ` - Algeria
                * `AS` - American Samoa
                * `AD` - Andorra
                * `AO` - Angola
                * `AI` - Anguilla
                * `AQ` - Antarctica
                * `AG` - Antigua and Barbuda
                * `AR` - Argentina
                * `AM` - Armenia
                * `AW` - Aruba
                * `AU` - Australia
                * `AT` - Austria
                * `AZ` - Azerbaijan
                * `BS` - Bahamas (The)
                * `BH` - Bahrain
                * `BD` - Bangladesh
                * `BB` - Barbados
                * `BY` - Belarus
                * `BE` - Belgium
                * `BZ` - Belize
                * `BJ` - Benin
                * `BM` - Bermuda
                * `BT` - Bhutan
                * `BO` - Bolivia
                * `BQ` - Bonaire, Sint Eustatius and Saba
                * `BA` - Bosnia and Herzegovina
                * `BW` - Botswana
                * `BV` - Bouvet Island
                * `BR` - Brazil
                * `IO` - British Indian Ocean Territory
                * `BN` - Brunei
                * `BG` - Bulgaria
                * `BF` - Burkina Faso
                * `BI` - Burundi
                * `CV` - Cabo Verde
                * `KH` - Cambodia
                * `CM` - Cameroon
                * `CA` - Canada
                * `KY` - Cayman Islands
                * `CF` - Central African Republic
                * `TD` - Chad
                * `CL` - Chile
                * `CX` - Christmas Island
                * `CC` - Cocos (Keeling) Islands
                * `CO` - Colombia
                * `KM` - Comoros
                * `CG` - Congo
                * `CK` - Cook Islands
                * `CR` - Costa Rica
                * `CI` - Côte d'Ivoire
                * `HR` - Croatia
                * `CU` - Cuba
                * `CW` - Curaçao
                * `CY` - Cyprus
                * `CZ` - Czechia
                * `CD` - Democratic Republic of the Congo
                * `DK` - Denmark
                * `DJ` - Djibouti
                * `DM` - Dominica
                * `DO` - Dominican Republic
                * `EC` - Ecuador
                * `EG` - Egypt
                * `SV` - El Salvador
                * `GQ` - Equatorial Guinea
                * `ER` - Eritrea
                * `EE` - Estonia
                * `SZ` - Eswatini
                * `ET` - Ethiopia
                * `FK` - Falkland Islands (Malvinas)
                * `FO` - Faroe Islands
                * `FJ` - Fiji
                * `FI` - Finland
                * `FR` - France
                * `GF` - French Guiana
                * `PF` - French Polynesia
                * `TF` - French Southern Territories
                * `GA` - Gabon
                * `GM` - Gambia
                * `GE` - Georgia
                * `DE` - Germany
                * `GH` - Ghana
                * `GI` - Gibraltar
                * `GR` - Greece
                * `GL` - Greenland
                * `GD` - Grenada
                * `GP` - Guadeloupe
                * `GU` - Guam
                * `GT` - Guatemala
                * `GG` - Guernsey
                * `GN` - Guinea
                * `GW` - Guinea-Bissau
                * `GY` - Guyana
                * `HT` - Haiti
                * `HM` - Heard Island and McDonald Islands
                * `HN` - Honduras
                * `HK` - Hong Kong
                * `HU` - Hungary
                * `IS` - Iceland
                * `IN` - India
                * `ID` - Indonesia
                * `IR` - Iran
                * `IQ` - Iraq
                * `IE` - Ireland
                * `IM` - Isle of Man
                * `IL` - Israel
                * `IT` - Italy
                * `JM` - Jamaica
                * `JP` - Japan
                * `JE` - Jersey
                * `JO` - Jordan
                * `KZ` - Kazakhstan
                * `KE` - Kenya
                * `KI` - Kiribati
                * `KW` - Kuwait
                * `KG` - Kyrgyzstan
                * `LA` - Laos
                * `LV` - Latvia
                * `LB` - Lebanon
                * `LS` - Lesotho
                * `LR` - Liberia
                * `LY` - Libya
                * `LI` - Liechtenstein
                * `LT` - Lithuania
                * `LU` - Luxembourg
                * `MO` - Macao
                * `MG` - Madagascar
                * `MW` - Malawi
                * `MY` - Malaysia
                * `MV` - Maldives
                * `ML` - Mali
                * `MT` - Malta
                * `MH` - Marshall Islands
                * `MQ` - Martinique
                * `MR` - Mauritania
                * `MU` - Mauritius
                * `YT` - Mayotte
                * `MX` - Mexico
                * `FM` - Micronesia
                * `MD` - Moldova
                * `MC` - Monaco
                * `MN` - Mongolia
                * `ME` - Montenegro
                * `MS` - Montserrat
                * `MA` - Morocco
                * `MZ` - Mozambique
                * `MM` - Myanmar
                * `NA` - Namibia
                * `NR` - Naoero
                * `NP` - Nepal
                * `NL` - Netherlands
                * `NC` - New Caledonia
                * `NZ` - New Zealand
                * `NI` - Nicaragua
                * `NE` - Niger
                * `NG` - Nigeria
                * `NU` - Niue
                * `NF` - Norfolk Island
                * `MK` - North Macedonia
                * `MP` - Northern Mariana Islands
                * `NO` - Norway
                * `OM` - Oman
                * `PK` - Pakistan
                * `PW` - Palau
                * `PS` - Palestine
                * `PA` - Panama
                * `PG` - Papua New Guinea
                * `PY` - Paraguay
                * `PE` - Peru
                * `PH` - Philippines
                * `PN` - Pitcairn
                * `PL` - Poland
                * `PT` - Portugal
                * `PR` - Puerto Rico
                * `QA` - Qatar
                * `RE` - Réunion
                * `RO` - Romania
                * `RW` - Rwanda
                * `BL` - Saint Barthélemy
                * `SH` - Saint Helena
                * `KN` - Saint Kitts and Nevis
                * `LC` - Saint Lucia
                * `MF` - Saint Martin (French part)
                * `PM` - Saint Pierre and Miquelon
                * `VC` - Saint Vincent and the Grenadines
                * `WS` - Samoa
                * `SM` - San Marino
                * `ST` - Sao Tome and Principe
                * `SA` - Saudi Arabia
                * `SN` - Senegal
                * `RS` - Serbia
                * `SC` - Seychelles
                * `SL` - Sierra Leone
                * `SG` - Singapore
                * `SX` - Sint Maarten (Dutch part)
                * `SK` - Slovakia
                * `SI` - Slovenia
                * `SB` - Solomon Islands
                * `SO` - Somalia
                * `ZA` - South Africa
                * `GS` - South Georgia
                * `KR` - South Korea
                * `SS` - South Sudan
                * `ES` - Spain
                * `LK` - Sri Lanka
                * `SD` - Sudan
                * `SR` - Suriname
                * `SJ` - Svalbard and Jan Mayen
                * `SE` - Sweden
                * `CH` - Switzerland
                * `SY` - Syria
                * `TW` - Taiwan
                * `TJ` - Tajikistan
                * `TZ` - Tanzania
                * `TH` - Thailand
                * `TL` - Timor-Leste
                * `TG` - Togo
                * `TK` - Tokelau
                * `TO` - Tonga
                * `TT` - Trinidad and Tobago
                * `TN` - Tunisia
                * `TR` - Türkiye
                * `TM` - Turkmenistan
                * `TC` - Turks and Caicos Islands
                * `TV` - Tuvalu
                * `UG` - Uganda
                * `UA` - Ukraine
                * `AE` - United Arab Emirates
                * `GB` - United Kingdom
                * `UM` - United States Minor Outlying Islands
                * `US` - United States of America
                * `UY` - Uruguay
                * `UZ` - Uzbekistan
                * `VU` - Vanuatu
                * `VA` - Vatican City
                * `VE` - Venezuela
                * `VN` - Vietnam
                * `VG` - Virgin Islands (British)
                * `VI` - Virgin Islands (U.S.)
                * `WF` - Wallis and Futuna
                * `EH` - Western Sahara
                * `YE` - Yemen
                * `ZM` - Zambia
                * `ZW` - Zimbabwe
            sharing_level (SharingLevelEnum | Unset): * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            release_title (str | Unset):
            release_summary (str | Unset): A text that may be shared more widely than the incident: readers below the
                incident's level see this, the incident's type and dates and the citations marked for it, and nothing else of
                the incident.
            release_level (BlankEnum | SharingLevelEnum | Unset): The sharing level of the releasable text: below the
                incident's own.

                * `CLEAR` - TLP:CLEAR
                * `GREEN` - TLP:GREEN
                * `AMBER` - TLP:AMBER
                * `AMBER+STRICT` - TLP:AMBER+STRICT
                * `RED` - TLP:RED
            provisions (list[str] | Unset): Binding paragraphs breached; see /api/v1/provisions/ (force).
            context_provisions (list[str] | Unset): Paragraphs cited for context, not as breached.
            version (int | Unset): The version this update is based on (or send If-Match). Required to update.
            consent (str | Unset): Needed to lower the sharing level: who consented, and when.
            materiel (list[MaterielLineWrite] | Unset):
            involvements (list[InvolvementWrite] | Unset):
            locations (list[IncidentLocationWrite] | Unset):
            citations (list[CitationWrite] | Unset):
            contributions (list[ContributionWrite] | Unset):
            findings (list[FindingWrite] | Unset):
            relations (list[IncidentRelationWrite] | Unset): Relations to incidents you may not see are kept as they are.
     """

    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    type_: str | Unset = UNSET
    occurred_from: datetime.date | Unset = UNSET
    occurred_to: datetime.date | None | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    origin_country: BlankEnum | CountryEnum | Unset = UNSET
    destination_country: BlankEnum | CountryEnum | Unset = UNSET
    sharing_level: SharingLevelEnum | Unset = UNSET
    release_title: str | Unset = UNSET
    release_summary: str | Unset = UNSET
    release_level: BlankEnum | SharingLevelEnum | Unset = UNSET
    provisions: list[str] | Unset = UNSET
    context_provisions: list[str] | Unset = UNSET
    version: int | Unset = UNSET
    consent: str | Unset = UNSET
    materiel: list[MaterielLineWrite] | Unset = UNSET
    involvements: list[InvolvementWrite] | Unset = UNSET
    locations: list[IncidentLocationWrite] | Unset = UNSET
    citations: list[CitationWrite] | Unset = UNSET
    contributions: list[ContributionWrite] | Unset = UNSET
    findings: list[FindingWrite] | Unset = UNSET
    relations: list[IncidentRelationWrite] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation_write import CitationWrite # noqa: PLC0415
        from ..models.contribution_write import ContributionWrite # noqa: PLC0415
        from ..models.finding_write import FindingWrite # noqa: PLC0415
        from ..models.incident_location_write import IncidentLocationWrite # noqa: PLC0415
        from ..models.incident_relation_write import IncidentRelationWrite # noqa: PLC0415
        from ..models.involvement_write import InvolvementWrite # noqa: PLC0415
        from ..models.materiel_line_write import MaterielLineWrite # noqa: PLC0415
        title = self.title

        summary = self.summary

        type_ = self.type_

        occurred_from: str | Unset = UNSET
        if not isinstance(self.occurred_from, Unset):
            occurred_from = self.occurred_from.isoformat()

        occurred_to: None | str | Unset
        if isinstance(self.occurred_to, Unset):
            occurred_to = UNSET
        elif isinstance(self.occurred_to, datetime.date):
            occurred_to = self.occurred_to.isoformat()
        else:
            occurred_to = self.occurred_to

        date_precision: str | Unset = UNSET
        if not isinstance(self.date_precision, Unset):
            date_precision = self.date_precision.value


        origin_country: str | Unset
        if isinstance(self.origin_country, Unset):
            origin_country = UNSET
        elif isinstance(self.origin_country, CountryEnum):
            origin_country = self.origin_country.value
        else:
            origin_country = self.origin_country.value


        destination_country: str | Unset
        if isinstance(self.destination_country, Unset):
            destination_country = UNSET
        elif isinstance(self.destination_country, CountryEnum):
            destination_country = self.destination_country.value
        else:
            destination_country = self.destination_country.value


        sharing_level: str | Unset = UNSET
        if not isinstance(self.sharing_level, Unset):
            sharing_level = self.sharing_level.value


        release_title = self.release_title

        release_summary = self.release_summary

        release_level: str | Unset
        if isinstance(self.release_level, Unset):
            release_level = UNSET
        elif isinstance(self.release_level, SharingLevelEnum):
            release_level = self.release_level.value
        else:
            release_level = self.release_level.value


        provisions: list[str] | Unset = UNSET
        if not isinstance(self.provisions, Unset):
            provisions = self.provisions



        context_provisions: list[str] | Unset = UNSET
        if not isinstance(self.context_provisions, Unset):
            context_provisions = self.context_provisions



        version = self.version

        consent = self.consent

        materiel: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.materiel, Unset):
            materiel = []
            for materiel_item_data in self.materiel:
                materiel_item = materiel_item_data.to_dict()
                materiel.append(materiel_item)



        involvements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.involvements, Unset):
            involvements = []
            for involvements_item_data in self.involvements:
                involvements_item = involvements_item_data.to_dict()
                involvements.append(involvements_item)



        locations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.locations, Unset):
            locations = []
            for locations_item_data in self.locations:
                locations_item = locations_item_data.to_dict()
                locations.append(locations_item)



        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)



        contributions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contributions, Unset):
            contributions = []
            for contributions_item_data in self.contributions:
                contributions_item = contributions_item_data.to_dict()
                contributions.append(contributions_item)



        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)



        relations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.relations, Unset):
            relations = []
            for relations_item_data in self.relations:
                relations_item = relations_item_data.to_dict()
                relations.append(relations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if type_ is not UNSET:
            field_dict["type"] = type_
        if occurred_from is not UNSET:
            field_dict["occurred_from"] = occurred_from
        if occurred_to is not UNSET:
            field_dict["occurred_to"] = occurred_to
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if origin_country is not UNSET:
            field_dict["origin_country"] = origin_country
        if destination_country is not UNSET:
            field_dict["destination_country"] = destination_country
        if sharing_level is not UNSET:
            field_dict["sharing_level"] = sharing_level
        if release_title is not UNSET:
            field_dict["release_title"] = release_title
        if release_summary is not UNSET:
            field_dict["release_summary"] = release_summary
        if release_level is not UNSET:
            field_dict["release_level"] = release_level
        if provisions is not UNSET:
            field_dict["provisions"] = provisions
        if context_provisions is not UNSET:
            field_dict["context_provisions"] = context_provisions
        if version is not UNSET:
            field_dict["version"] = version
        if consent is not UNSET:
            field_dict["consent"] = consent
        if materiel is not UNSET:
            field_dict["materiel"] = materiel
        if involvements is not UNSET:
            field_dict["involvements"] = involvements
        if locations is not UNSET:
            field_dict["locations"] = locations
        if citations is not UNSET:
            field_dict["citations"] = citations
        if contributions is not UNSET:
            field_dict["contributions"] = contributions
        if findings is not UNSET:
            field_dict["findings"] = findings
        if relations is not UNSET:
            field_dict["relations"] = relations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_write import CitationWrite # noqa: PLC0415
        from ..models.contribution_write import ContributionWrite # noqa: PLC0415
        from ..models.finding_write import FindingWrite # noqa: PLC0415
        from ..models.incident_location_write import IncidentLocationWrite # noqa: PLC0415
        from ..models.incident_relation_write import IncidentRelationWrite # noqa: PLC0415
        from ..models.involvement_write import InvolvementWrite # noqa: PLC0415
        from ..models.materiel_line_write import MaterielLineWrite # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        type_ = d.pop("type", UNSET)

        _occurred_from = d.pop("occurred_from", UNSET)
        occurred_from: datetime.date | Unset
        if isinstance(_occurred_from,  Unset):
            occurred_from = UNSET
        else:
            occurred_from = datetime.date.fromisoformat(_occurred_from)




        def _parse_occurred_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_to_type_0 = datetime.date.fromisoformat(data)



                return occurred_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        occurred_to = _parse_occurred_to(d.pop("occurred_to", UNSET))


        _date_precision = d.pop("date_precision", UNSET)
        date_precision: DatePrecisionEnum | Unset
        if isinstance(_date_precision,  Unset):
            date_precision = UNSET
        else:
            date_precision = DatePrecisionEnum(_date_precision)




        def _parse_origin_country(data: object) -> BlankEnum | CountryEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                origin_country_type_0 = CountryEnum(data)



                return origin_country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            origin_country_type_1 = BlankEnum(data)



            return origin_country_type_1

        origin_country = _parse_origin_country(d.pop("origin_country", UNSET))


        def _parse_destination_country(data: object) -> BlankEnum | CountryEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                destination_country_type_0 = CountryEnum(data)



                return destination_country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            destination_country_type_1 = BlankEnum(data)



            return destination_country_type_1

        destination_country = _parse_destination_country(d.pop("destination_country", UNSET))


        _sharing_level = d.pop("sharing_level", UNSET)
        sharing_level: SharingLevelEnum | Unset
        if isinstance(_sharing_level,  Unset):
            sharing_level = UNSET
        else:
            sharing_level = SharingLevelEnum(_sharing_level)




        release_title = d.pop("release_title", UNSET)

        release_summary = d.pop("release_summary", UNSET)

        def _parse_release_level(data: object) -> BlankEnum | SharingLevelEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                release_level_type_0 = SharingLevelEnum(data)



                return release_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            release_level_type_1 = BlankEnum(data)



            return release_level_type_1

        release_level = _parse_release_level(d.pop("release_level", UNSET))


        provisions = cast(list[str], d.pop("provisions", UNSET))


        context_provisions = cast(list[str], d.pop("context_provisions", UNSET))


        version = d.pop("version", UNSET)

        consent = d.pop("consent", UNSET)

        _materiel = d.pop("materiel", UNSET)
        materiel: list[MaterielLineWrite] | Unset = UNSET
        if _materiel is not UNSET:
            materiel = []
            for materiel_item_data in _materiel:
                materiel_item = MaterielLineWrite.from_dict(materiel_item_data)



                materiel.append(materiel_item)


        _involvements = d.pop("involvements", UNSET)
        involvements: list[InvolvementWrite] | Unset = UNSET
        if _involvements is not UNSET:
            involvements = []
            for involvements_item_data in _involvements:
                involvements_item = InvolvementWrite.from_dict(involvements_item_data)



                involvements.append(involvements_item)


        _locations = d.pop("locations", UNSET)
        locations: list[IncidentLocationWrite] | Unset = UNSET
        if _locations is not UNSET:
            locations = []
            for locations_item_data in _locations:
                locations_item = IncidentLocationWrite.from_dict(locations_item_data)



                locations.append(locations_item)


        _citations = d.pop("citations", UNSET)
        citations: list[CitationWrite] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = CitationWrite.from_dict(citations_item_data)



                citations.append(citations_item)


        _contributions = d.pop("contributions", UNSET)
        contributions: list[ContributionWrite] | Unset = UNSET
        if _contributions is not UNSET:
            contributions = []
            for contributions_item_data in _contributions:
                contributions_item = ContributionWrite.from_dict(contributions_item_data)



                contributions.append(contributions_item)


        _findings = d.pop("findings", UNSET)
        findings: list[FindingWrite] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = FindingWrite.from_dict(findings_item_data)



                findings.append(findings_item)


        _relations = d.pop("relations", UNSET)
        relations: list[IncidentRelationWrite] | Unset = UNSET
        if _relations is not UNSET:
            relations = []
            for relations_item_data in _relations:
                relations_item = IncidentRelationWrite.from_dict(relations_item_data)



                relations.append(relations_item)


        patched_incident_write = cls(
            title=title,
            summary=summary,
            type_=type_,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            date_precision=date_precision,
            origin_country=origin_country,
            destination_country=destination_country,
            sharing_level=sharing_level,
            release_title=release_title,
            release_summary=release_summary,
            release_level=release_level,
            provisions=provisions,
            context_provisions=context_provisions,
            version=version,
            consent=consent,
            materiel=materiel,
            involvements=involvements,
            locations=locations,
            citations=citations,
            contributions=contributions,
            findings=findings,
            relations=relations,
        )


        patched_incident_write.additional_properties = d
        return patched_incident_write

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
