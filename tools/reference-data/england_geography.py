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
    for code, (name, region) in sorted(authorities.items()):
        predecessors, start = SUCCESSIONS.get(code, ([], ""))
        out.append((code, name, "local_authority", region, " ".join(predecessors), start))
    with open(target, "w", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerows(out)
    print(f"{target}: {len(regions)} regions, {len(authorities)} local authorities, {len(SUCCESSIONS)} successions")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "services/Measures/Organisations/england-geography.csv")
