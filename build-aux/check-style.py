#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the sources keep the house style of .editorconfig.

    check-style.py SOURCE_ROOT

C and headers: two-space indents and no tabs, lines of at most 100
characters, a space before the parenthesis of every call and macro
(g_autoptr (GError), not g_autoptr(GError)), except gettext's _(), N_(),
C_() and NC_(). Every source file: an SPDX line at the top, no trailing
white space, a final newline. meson.build: the files of every list, one a
line, in alphabetical order. Prints one line per offence and exits with 1
when there is any.
"""

import os
import re
import sys

MAX_LINE = 100
SKIP_DIRS = {'.git', 'data', 'seeds', 'node_modules', '.flatpak-builder'}
CHECKED = ('.c', '.h', '.ui', '.xml', '.py', '.sh', '.in', '.css')
GETTEXT = {'_', 'N_', 'C_', 'NC_'}
CALL = re.compile(r'\b([A-Za-z_][A-Za-z0-9_]*)\(')
QUOTED = re.compile(r"^\s*'([a-z0-9][a-z0-9._-]*)',?\s*(#.*)?$")


def blank_strings_and_comments(code):
    """The code with every comment and string or character literal blanked
    out, line breaks kept, so that what is left is only code."""
    out = []
    i, n = 0, len(code)
    while i < n:
        if code.startswith('/*', i):
            j = code.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', code[i:j]))
            i = j
        elif code.startswith('//', i):
            j = code.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif code[i] in '"\'':
            quote, j = code[i], i + 1
            while j < n and code[j] != quote and code[j] != '\n':
                j += 2 if code[j] == '\\' else 1
            out.append(quote + ' ' * (j - i - 1) + quote)
            i = j + 1
        else:
            out.append(code[i])
            i += 1
    return ''.join(out)


def check_c(path, text, offences):
    for number, line in enumerate(text.split('\n'), 1):
        if len(line) > MAX_LINE:
            offences.append(f'{path}:{number}: {len(line)} characters, more than {MAX_LINE}')
        if '\t' in line:
            offences.append(f'{path}:{number}: a tab; indent with spaces')

    code = blank_strings_and_comments(text)
    for number, line in enumerate(code.split('\n'), 1):
        if line.lstrip().startswith('#'):
            continue
        for match in CALL.finditer(line):
            if match.group(1) not in GETTEXT:
                offences.append(f'{path}:{number}: no space before the parenthesis of '
                                f'“{match.group(1)} (”')


def check_meson(path, text, offences):
    """Every run of quoted file or test names, one a line, is sorted by
    name, a file before the ones named after it (wenji-editor.c, then
    wenji-editor-actions.c)."""
    run = []
    for number, line in enumerate(text.split('\n') + [''], 1):
        match = QUOTED.match(line)
        if match:
            run.append((number, match.group(1)))
            continue
        names = [os.path.splitext(name)[0] for _, name in run]
        if len(names) > 1 and names != sorted(names):
            offences.append(f'{path}:{run[0][0]}: the list is not in alphabetical order')
        run = []


def check_file(root, path, offences):
    full = os.path.join(root, path)
    try:
        with open(full, encoding='utf-8') as f:
            text = f.read()
    except UnicodeDecodeError:
        return

    if text and not text.endswith('\n'):
        offences.append(f'{path}: no newline at the end')
    for number, line in enumerate(text.split('\n'), 1):
        if line != line.rstrip():
            offences.append(f'{path}:{number}: white space at the end of the line')

    head = '\n'.join(text.split('\n')[:3])
    if 'SPDX-License-Identifier' not in head and not path.endswith(('.in', '.css')):
        offences.append(f'{path}:1: no SPDX-License-Identifier line at the top')

    if path.endswith(('.c', '.h')):
        check_c(path, text, offences)
    elif os.path.basename(path) == 'meson.build':
        check_meson(path, text, offences)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    offences = []

    for top in ('src', 'tests', 'ui', 'build-aux', 'data', 'po', '.'):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs
                             if d not in SKIP_DIRS and not d.startswith(('_build', '.')))
            if top == '.':
                dirs[:] = []
            for name in sorted(files):
                if name == 'meson.build' or name.endswith(CHECKED):
                    check_file(root, os.path.relpath(os.path.join(folder, name), root),
                               offences)

    for offence in offences:
        print(offence)
    if offences:
        print(f'{len(offences)} offences against the house style (see .editorconfig)')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
