#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints 'N passed, N failed' from a meson test log.

A TAP test program counts each of its test cases; any other test counts
once. A program that crashed before reporting counts as one failure more.
"""
import json
import re
import sys

OK = re.compile(r"^ok\b(.*)$")
NOT_OK = re.compile(r"^not ok\b(.*)$")


def count(log_path):
    passed = failed = skipped = 0
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            test = json.loads(line)
            result = test.get("result", "")
            stdout = test.get("stdout") or ""
            cases_ok = cases_failed = cases_skipped = 0
            for out_line in stdout.splitlines():
                match = OK.match(out_line)
                if match:
                    if "# SKIP" in match.group(1).upper():
                        cases_skipped += 1
                    else:
                        cases_ok += 1
                    continue
                match = NOT_OK.match(out_line)
                if match:
                    if "# TODO" in match.group(1).upper():
                        cases_skipped += 1
                    else:
                        cases_failed += 1
            if cases_ok or cases_failed or cases_skipped:
                passed += cases_ok
                failed += cases_failed
                skipped += cases_skipped
                if result not in ("OK", "SKIP", "EXPECTEDFAIL") and cases_failed == 0:
                    failed += 1
            elif result == "OK":
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
    return passed, failed, skipped


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "_build/meson-logs/testlog.json"
    try:
        passed, failed, skipped = count(path)
    except OSError:
        print("0 passed, 1 failed")
        return 1
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
