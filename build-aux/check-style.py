#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the sources keep the house style of .editorconfig.

    check-style.py [--fix] SOURCE_ROOT [PATH...]

C and headers: two-space indents and no tabs, lines of at most 100
characters, a space before the parenthesis of every call and macro
(g_autoptr (GError), not g_autoptr(GError)), except gettext's _(), N_(),
C_() and NC_(). Every source file: an SPDX line at the top, no trailing
white space, a final newline. meson.build: the files of every list, one a
line, in alphabetical order. Prints one line per offence and exits with 1
when there is any.

Each PATH, a file or a folder relative to SOURCE_ROOT, limits the check to
it; without any, the whole tree is checked. --fix first mends what needs no
judgement: it puts the missing space before the parenthesis of calls (never
in strings, comments or preprocessor lines), trims white space at the ends
of lines and adds the final newline. The rest is reported as before.
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
            closed = j < n and code[j] == quote
            out.append(quote + re.sub(r'[^\n]', ' ', code[i + 1:j]) + (quote if closed else ''))
            i = j + 1 if closed else j
        else:
            out.append(code[i])
            i += 1
    return ''.join(out)


def calls_without_space(code_line):
    """The calls of a line of blanked code that lack the space before their
    parenthesis, as matches."""
    if code_line.lstrip().startswith('#'):
        return []
    return [match for match in CALL.finditer(code_line) if match.group(1) not in GETTEXT]


def check_c(path, text, offences):
    for number, line in enumerate(text.split('\n'), 1):
        if len(line) > MAX_LINE:
            offences.append(f'{path}:{number}: {len(line)} characters, more than {MAX_LINE}')
        if '\t' in line:
            offences.append(f'{path}:{number}: a tab; indent with spaces')

    code = blank_strings_and_comments(text)
    for number, line in enumerate(code.split('\n'), 1):
        for match in calls_without_space(line):
            offences.append(f'{path}:{number}: no space before the parenthesis of '
                            f'“{match.group(1)} (”')


def fix(path, text):
    """The text with what check_file reports and needs no judgement mended:
    a space before the parenthesis of calls, no white space at the ends of
    lines, a final newline."""
    lines = text.split('\n')
    if path.endswith(('.c', '.h')):
        code = blank_strings_and_comments(text).split('\n')
        for number, code_line in enumerate(code):
            for match in reversed(calls_without_space(code_line)):
                at = match.end() - 1
                lines[number] = lines[number][:at] + ' ' + lines[number][at:]
    text = '\n'.join(line.rstrip() for line in lines)
    if text and not text.endswith('\n'):
        text += '\n'
    return text


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


def check_file(root, path, offences, fixing=False):
    full = os.path.join(root, path)
    try:
        with open(full, encoding='utf-8', newline='') as f:
            text = f.read()
    except UnicodeDecodeError:
        return

    if fixing:
        fixed = fix(path, text)
        if fixed != text:
            with open(full, 'w', encoding='utf-8', newline='') as f:
                f.write(fixed)
            print(f'{path}: fixed')
            text = fixed

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


def checked(name):
    return name == 'meson.build' or name.endswith(CHECKED)


def sources(root, paths):
    """The files to check, relative to root: those under paths, or under
    the usual folders of the tree when there is none."""
    whole = not paths
    for top in paths or ('src', 'tests', 'ui', 'build-aux', 'data', 'po', '.'):
        top = os.path.join(root, top)
        if os.path.isfile(top):
            if checked(os.path.basename(top)):
                yield os.path.relpath(top, root)
            continue
        if not os.path.isdir(top):
            if not whole:
                sys.exit(f'{os.path.relpath(top, root)}: no such file or folder')
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs
                             if d not in SKIP_DIRS and not d.startswith(('_build', '.')))
            if whole and os.path.samefile(top, root):
                dirs[:] = []
            for name in sorted(files):
                if checked(name):
                    yield os.path.relpath(os.path.join(folder, name), root)


def main():
    args = sys.argv[1:]
    fixing = '--fix' in args
    args = [arg for arg in args if arg != '--fix']
    root = args[0] if args else os.path.join(os.path.dirname(__file__), '..')
    offences = []

    for path in sources(root, args[1:]):
        check_file(root, path, offences, fixing)

    for offence in offences:
        print(offence)
    if offences:
        print(f'{len(offences)} offences against the house style (see .editorconfig)')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
