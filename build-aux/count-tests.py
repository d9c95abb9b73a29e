#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints 'N passed, N failed' from one or more meson test logs, summed.

A TAP test program counts each of its test cases; any other test counts
once. A program that crashed before reporting counts as one failure more.
A test that must fail (should_fail) counts once, as passed when it failed.
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
            # A test that must fail passed when it failed, whatever it printed.
            if result == "EXPECTEDFAIL":
                passed += 1
                continue
            if result == "UNEXPECTEDPASS":
                failed += 1
                continue
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
                if result not in ("OK", "SKIP") and cases_failed == 0:
                    failed += 1
            elif result == "OK":
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
    return passed, failed, skipped


def main():
    paths = sys.argv[1:] or ["_build/meson-logs/testlog.json"]
    passed = failed = skipped = 0
    for path in paths:
        try:
            log_passed, log_failed, log_skipped = count(path)
        except OSError:
            # A missing log is a run that never happened: a failure.
            log_passed, log_failed, log_skipped = 0, 1, 0
        passed += log_passed
        failed += log_failed
        skipped += log_skipped
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
