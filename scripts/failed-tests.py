#!/usr/bin/env python3
"""Prints each failed test in the given .trx files with the first lines of its message and stack.

test.sh calls it just above its summary line: a CI log is often read from the tail, and the
console logger prints failures far above it, among hundreds of passing tests."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

def main(paths):
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            print(f"could not read {path}: {e}")
            continue
        for result in root.iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") in ("Passed", "NotExecuted"):
                continue
            print(f"FAILED {result.get('testName')} ({result.get('duration')})")
            message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS)
            stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=NS)
            for line in (message.strip().splitlines()[:25] + stack.strip().splitlines()[:8]):
                print(f"    {line}")
            # The end of what the test wrote (the pane tests' trace of slow and failed answers): what led to the failure.
            output = result.findtext(".//t:Output/t:StdOut", default="", namespaces=NS).strip().splitlines()
            if output:
                print("    output (last lines):")
                for line in output[-30:]:
                    print(f"      {line}")

if __name__ == "__main__":
    main(sys.argv[1:])
