#!/usr/bin/env python3
"""Checks Backsight's .ts files (docs/translations.md): every message finished, none vanished or obsolete, and
each translation keeps its source's placeholders (%1, %2, %n). Prints what is wrong; exit status 1 if anything is.

Usage: ts_check.py FILE.ts...    (--summary: also one line of counts per file)
"""
import re
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def texts(message):
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return translation, ([f.text or "" for f in forms] if forms else [translation.text or ""])


def check(path, summary):
    problems = []
    total = 0
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source") or ""
            translation, forms = texts(message)
            kind = translation.get("type")
            where = f"{path}: [{name}] {source[:70]!r}"
            if kind in ("vanished", "obsolete"):
                problems.append(f"{where}: {kind} (its source string is gone; run translations/update.sh --prune)")
                continue
            if kind == "unfinished" or not any(forms):
                problems.append(f"{where}: unfinished")
                continue
            wanted = set(PLACEHOLDER.findall(source))
            if message.get("numerus") == "yes":
                wanted.discard("%n")  # a singular form may spell the one out ("eine Datei")
            for form in forms:
                missing = wanted - set(PLACEHOLDER.findall(form))
                if missing:
                    problems.append(f"{where}: translation {form[:60]!r} lacks {' '.join(sorted(missing))}")
            if "&" in source.replace("&&", "") and "&" not in " ".join(forms).replace("&&", ""):
                if re.search(r"&\w", source):
                    problems.append(f"{where}: translation lacks the accelerator (&)")
    if summary:
        print(f"{path}: {total} messages, {len(problems)} problems")
    return problems


def main(argv):
    summary = "--summary" in argv
    files = [a for a in argv if a != "--summary"]
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    problems = [p for f in files for p in check(f, summary)]
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
