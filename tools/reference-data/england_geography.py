#!/usr/bin/env python3
"""Writes services/Measures/Organisations/england-geography.csv from a DfE Explore Education Statistics file
that covers all of England (every EES release shares its geography columns), e.g.
  tools/reference-data/england_geography.py ../shared/fixtures/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv
England, the nine regions, Inner and Outer London, and every local authority that appears in any year (with the
region or London sub-region it reports under). Successions (a merger, a split, a changed code) cannot be read from
the file: they are listed below, each with the date the new authority began, and checked against the file (a
successor must first appear in the reporting year that starts on that date; a predecessor must last appear before).
"""
import csv
import sys

ENGLAND = "E92000001"
LONDON = "E12000007"
SUB_REGIONS = {"E13000001": "Inner London", "E13000002": "Outer London"}

# successor code -> (predecessor codes, first day)
SUCCESSIONS = {
    "E06000058": (["E06000028", "E06000029"], "2019-04-01"),  # Bournemouth, Christchurch and Poole
    "E06000059": (["E10000009"], "2019-04-01"),               # Dorset (unitary)
    "E06000060": (["E10000002"], "2020-04-01"),               # Buckinghamshire (unitary)
    "E06000061": (["E10000021"], "2021-04-01"),               # North Northamptonshire
    "E06000062": (["E10000021"], "2021-04-01"),               # West Northamptonshire
    "E06000063": (["E10000006"], "2023-04-01"),               # Cumberland
    "E06000064": (["E10000006"], "2023-04-01"),               # Westmorland and Furness
    "E06000065": (["E10000023"], "2023-04-01"),               # North Yorkshire (unitary)
    "E06000066": (["E10000027"], "2023-04-01"),               # Somerset (unitary)
}

# Code changes the c1 file does not show yet (its 2025 rows still use the old codes), seen in later releases:
# successor code -> (name, region, predecessor codes, first day). The Barnsley and Sheffield (Boundary Change)
# Order moved their boundary on 1 April 2024 and both got new codes; the workforce file for 2025 uses them.
RECODED_LATER = {
    "E08000038": ("Barnsley", "E12000003", ["E08000016"], "2024-04-01"),
    "E08000039": ("Sheffield", "E12000003", ["E08000019"], "2024-04-01"),
}

# Retired codes that other releases still use for years after the change: old code -> (name, region, successor,
# first day of the successor). Gateshead (E08000037) and Northumberland (E06000057) got new codes on 1 April 2013,
# yet the section 47 file (c4) keeps the old ones until 2019; those rows import with a "replaced" warning instead
# of being refused as unknown.
OLD_CODES_IN_LATER_RELEASES = {
    "E08000020": ("Gateshead", "E12000001", "E08000037", "2013-04-01"),
    "E06000048": ("Northumberland", "E12000001", "E06000057", "2013-04-01"),
}


def main(source, target):
    rows = list(csv.DictReader(open(source, newline="", encoding="utf-8")))
    regions, authorities, years = {}, {}, {}
    for row in rows:
        level, year = row["geographic_level"], int(row["time_period"])
        if level == "Regional":
            regions[row["region_code"]] = row["region_name"]
        elif level == "Local authority":
            code = row["new_la_code"]
            if code not in authorities or year >= years[code][1]:
                authorities[code] = (row["la_name"], row["region_code"])
            first, last = years.get(code, (year, year))
            years[code] = (min(first, year), max(last, year))
    for successor, (predecessors, start) in SUCCESSIONS.items():
        first_year = int(start[:4]) + 1  # EES reporting year N ends on 31 March N
        assert years[successor][0] == first_year, (successor, years[successor])
        assert all(years[p][1] < first_year for p in predecessors), (successor, predecessors)

    out = [("code", "name", "kind", "parent", "successor_of", "from"), (ENGLAND, "England", "region", "", "", "")]
    for code, name in sorted(regions.items()):
        parent = LONDON if code in SUB_REGIONS else ENGLAND
        out.append((code, name, "region", parent, "", ""))
    for code, (name, region, predecessors, start) in RECODED_LATER.items():
        assert code not in authorities and all(p in authorities for p in predecessors), code
        SUCCESSIONS[code] = (predecessors, start)
        authorities[code] = (name, region)
    for code, (name, region, successor, start) in OLD_CODES_IN_LATER_RELEASES.items():
        assert code not in authorities and successor in authorities and successor not in SUCCESSIONS, code
        SUCCESSIONS[successor] = ([code], start)
        authorities[code] = (name, region)
    for code, (name, region) in sorted(authorities.items()):
        predecessors, start = SUCCESSIONS.get(code, ([], ""))
        out.append((code, name, "local_authority", region, " ".join(predecessors), start))
    with open(target, "w", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerows(out)
    print(f"{target}: {len(regions)} regions, {len(authorities)} local authorities, {len(SUCCESSIONS)} successions")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "services/Measures/Organisations/england-geography.csv")
