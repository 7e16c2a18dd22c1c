#!/usr/bin/env python3
"""Print every failed test in the given TRX files with the first lines of its message.

The test command ends with this so that a CI log cut to its last lines still names what failed.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MESSAGE_LINES = 6


def failures(path):
    root = ET.parse(path).getroot()
    for result in root.iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
        trace = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=NS).strip()
        yield result.get("testName"), message, trace


def main(paths):
    found = 0
    for path in paths:
        try:
            rows = list(failures(path))
        except ET.ParseError as error:
            print(f"!! {path}: unreadable results ({error})")
            continue
        for name, message, trace in rows:
            found += 1
            print(f"FAILED {name}")
            for line in (message.splitlines() + trace.splitlines()[:2])[:MESSAGE_LINES]:
                print(f"    {line}")
    return found


if __name__ == "__main__":
    main(sys.argv[1:])
