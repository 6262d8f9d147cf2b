#!/usr/bin/env python3
"""Measure a fineprint binary on the wording sets of this folder.

usage: python3 measure.py [--binary PATH] [--show] [SET ...]

A set is a `.tsv` of `CATEGORY<TAB>SENTENCE` lines (risky wording: found when `fineprint
classify` gives the sentence that category) or a `.txt` of one sentence a line (benign wording:
clean when `classify` gives it no risk category). Without SET, every set here is measured.
`--show` prints the sentences missed or falsely flagged; never use it on the `*-unread*` sets,
which are kept unread to tell whether a change generalises (see README.md).
"""
import argparse, glob, json, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Categories that are no warning about the terms: the protections, and readability.
NOT_RISKS = {"no-sale", "revocation-right", "security-commitment", "clear-compensation", "selective-sharing", "plain-language"}


def classify(binary, texts):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": t}) + "\n")
    try:
        out = subprocess.run([binary, "classify", f.name], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    return {int(d["id"]): set(d["categories"]) for d in map(json.loads, out.splitlines())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(HERE, "../../../.build/release/fineprint"))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("sets", nargs="*")
    args = ap.parse_args()
    sets = args.sets or sorted(glob.glob(os.path.join(HERE, "*.tsv")) + glob.glob(os.path.join(HERE, "*.txt")))
    for path in sets:
        lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip()]
        name = os.path.basename(path)
        show = args.show and "unread" not in name
        if path.endswith(".tsv"):
            rows = [l.split("\t", 1) for l in lines]
            got = classify(args.binary, [t for _, t in rows])
            found = sum(cat in got[i] for i, (cat, _) in enumerate(rows))
            if show:
                for i, (cat, t) in enumerate(rows):
                    if cat not in got[i]:
                        print(f"  missed {cat}: {t}  -> {sorted(got[i])}")
            print(f"{name}: {found} of {len(rows)} found")
        else:
            got = classify(args.binary, lines)
            flagged = [i for i in range(len(lines)) if got[i] - NOT_RISKS]
            if show:
                for i in flagged:
                    print(f"  flagged {sorted(got[i] - NOT_RISKS)}: {lines[i]}")
            print(f"{name}: {len(lines) - len(flagged)} of {len(lines)} clean")


if __name__ == "__main__":
    main()
