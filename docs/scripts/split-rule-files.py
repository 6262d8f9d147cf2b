#!/usr/bin/env python3
"""Splits rule files that hold a `rules:` list into one file a rule: FOLDER/<category>/<id>.yml.

Usage: split-rule-files.py [--replace] [FOLDER]   (FOLDER: Rules by default)

Every .yml file directly in FOLDER is split and removed. A rule's lines are moved as they are
written, comments included, four spaces less indented (the `  - ` of the list item becomes the
top level), under `version: 1`. Lexicons written beside the rules move to
FOLDER/lexicons/<file>.yml. Prints what it wrote. An existing file is an error unless --replace
is given (to split again a file that changed after an earlier split); two rules with one ID
always are.
"""
import os, re, sys

args = sys.argv[1:]
replace = "--replace" in args
args = [a for a in args if a != "--replace"]
root = args[0] if args else "Rules"
themes = sorted(f for f in os.listdir(root) if f.endswith(".yml"))
written = []

def fail(file, problem):
    sys.exit(f"error: {file}: {problem}")

def write(path, text):
    if path in written or (os.path.exists(path) and not replace):
        sys.exit(f"error: {path} exists; two rules with one ID, or an earlier split (--replace)")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    written.append(path)

for theme in themes:
    lines = open(os.path.join(root, theme)).read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # Top-level sections: key -> lines (the key's own line first).
    sections, current = {}, None
    for line in lines:
        m = re.match(r"^([a-z]+):", line)
        if m:
            current = m.group(1)
            sections[current] = [line]
        else:
            if current is None or not (line == "" or line.startswith(" ") or line.startswith("#")):
                fail(theme, f"cannot split at: {line}")
            sections[current].append(line)
    unknown = set(sections) - {"version", "pack", "description", "rules", "lexicons"}
    if unknown or sections.get("version", ["version: 1"]) != ["version: 1"] or "rules" not in sections:
        fail(theme, "not a rule file of format version 1 with a `rules:` list")
    if "lexicons" in sections:
        name = theme[:-4]
        body = sections["lexicons"]
        while body[-1] == "":
            body.pop()
        write(os.path.join(root, "lexicons", theme),
              "version: 1\ndescription: Words of the " + name + " rules.\n" + "\n".join(body) + "\n")
    # The rules: each item starts at `  - id:`.
    items, item = [], None
    for line in sections["rules"][1:]:
        if line.startswith("  - "):
            if not line.startswith("  - id: "):
                fail(theme, f"a rule that does not start with its id: {line}")
            item = [line]
            items.append(item)
        else:
            if item is None and line.strip() and not line.lstrip().startswith("#"):
                fail(theme, f"cannot split at: {line}")
            if item is not None:
                item.append(line)
    for item in items:
        while item[-1] == "":
            item.pop()
        out = []
        for line in item:
            if line == "":
                out.append("")
            elif line.startswith("  - "):
                out.append(line[4:])
            elif line.startswith("    "):
                out.append(line[4:])
            elif line.lstrip().startswith("#"):
                out.append(line.lstrip())
            else:
                fail(theme, f"a line of rule {out[0]} indented less than the rule: {line}")
        rule_id = out[0][len("id: "):].strip()
        category = [l for l in out if l.startswith("category: ")]
        if len(category) != 1:
            fail(theme, f"rule {rule_id} has no `category:` line of its own")
        category = category[0][len("category: "):].strip()
        write(os.path.join(root, category, rule_id + ".yml"), "version: 1\n" + "\n".join(out) + "\n")
    os.remove(os.path.join(root, theme))

print("\n".join(written))
print(len(written), "files written from", len(themes), "theme files", file=sys.stderr)
