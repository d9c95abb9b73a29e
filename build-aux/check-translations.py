#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations against the sources: every .c and .ui file with a
translatable string is listed in po/POTFILES.in and every listed file exists;
every catalogue passes msgfmt --check, has no fuzzy or untranslated entry,
and holds every string that xgettext finds in the sources today (a string
added since the last update would otherwise show in English)."""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

C_MARKS = re.compile(r"(?<![\w])(?:_|N_|C_|NC_)\s*\(|(?<![\w])(?:g_d?n?gettext|ngettext|g_dpgettext2)\s*\(")
UI_MARKS = re.compile(r'translatable\s*=\s*"yes"')

# The keywords of meson's i18n.gettext(preset: 'glib').
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
]


def listed_files(root):
    listed = []
    for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)
    return listed


def files_with_strings(root):
    found = []
    for path in sorted((root / "src").rglob("*.c")):
        if C_MARKS.search(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(root).as_posix())
    for path in sorted((root / "ui").rglob("*.ui")):
        if UI_MARKS.search(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(root).as_posix())
    return found


def msgids(path):
    """The (context, msgid) pairs of a .po or .pot file, without the header
    and without obsolete entries."""
    entries = set()
    context = None
    current = None
    field = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#~"):
            continue
        match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if match:
            field = match.group(1)
            if field == "msgctxt":
                context = match.group(2)
            elif field == "msgid":
                current = match.group(2)
            elif field.startswith("msgstr") and current is not None:
                if current != "":
                    entries.add((context, current))
                current = None
                context = None
            continue
        match = re.match(r'^"(.*)"$', line)
        if match and field == "msgid" and current is not None:
            current += match.group(1)
        elif match and field == "msgctxt":
            context += match.group(1)
    return entries


def check_catalogue(po, problems):
    result = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file=/dev/null", str(po)],
                            capture_output=True, text=True, env={"LC_ALL": "C"})
    if result.returncode != 0:
        problems.append(f"{po.name}: msgfmt --check: {result.stderr.strip()}")
        return
    statistics = result.stderr.strip()
    for kind in ("fuzzy", "untranslated"):
        count = re.search(r"(\d+) " + kind, statistics)
        if count and int(count.group(1)) > 0:
            problems.append(f"{po.name}: {statistics}")
            break


def main(root):
    root = pathlib.Path(root)
    problems = []

    listed = listed_files(root)
    for name in listed:
        if not (root / name).is_file():
            problems.append(f"POTFILES.in lists {name}, which does not exist")
    for name in files_with_strings(root):
        if name not in listed:
            problems.append(f"{name} has translatable strings but is not in po/POTFILES.in")

    languages = [line.strip() for line in (root / "po" / "LINGUAS").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    if not shutil.which("msgfmt"):
        print("1..0 # SKIP msgfmt is not installed")
        return 77
    for language in languages:
        check_catalogue(root / "po" / f"{language}.po", problems)

    if shutil.which("xgettext") and not any("does not exist" in p for p in problems):
        with tempfile.TemporaryDirectory() as tmp:
            pot = pathlib.Path(tmp) / "wenji.pot"
            result = subprocess.run(["xgettext", *XGETTEXT_ARGS, "--directory", str(root),
                                     "--files-from", str(root / "po" / "POTFILES.in"),
                                     "--output", str(pot)],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                problems.append("xgettext: " + result.stderr.strip())
            else:
                wanted = msgids(pot)
                for language in languages:
                    missing = wanted - msgids(root / "po" / f"{language}.po")
                    for context, msgid in sorted(missing, key=lambda e: (e[0] or "", e[1])):
                        problems.append(f"{language}.po lacks “{msgid}”: run ninja wenji-update-po and translate it")

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
