#!/usr/bin/env python3
"""Score a fineprint binary on the blind-written documents of this folder.

usage: python3 score.py [--binary PATH] [--show]

Each set (`short/` … `fifth/`) holds documents written for this project by a helper that never saw
the rules, with `labels.jsonl`: the facts a person selling their data asks about, labelled by
reading, in the schema of the shared consent corpus. The facts are derived as
`../shared/eval/score.py consent` derives them (lint categories and summary answers). Each set is
split by sorted file name into a half that was read and fixed ("read") and a half that is never
read ("unread"): only the unread half's totals are printed, even with `--show`, so that it keeps
telling whether a change generalises.
"""
import argparse, json, os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
LINT_FACTS = ["vague-consent", "third-party-resale", "waived-litigation", "missing-revocation"]
FACTS = LINT_FACTS + [
    "q1: no way to withdraw or delete", "q2: sold or shared", "q3: right to sue waived",
    "q4: pay stated clearly", "q4: pay vague", "q7: ai training", "q7: perpetual licence",
]


def gold_facts(lab):
    q1_none = lab["q1"] in ("no", "not stated")
    g = {
        "vague-consent": bool(lab["vague_consent"]),
        "third-party-resale": lab["q2"] == "yes",
        "waived-litigation": lab["q3_can_sue"] == "no",
        "missing-revocation": q1_none or bool(lab["q1_partial"]),
        "q1: no way to withdraw or delete": q1_none,
        "q2: sold or shared": lab["q2"] == "yes",
        "q3: right to sue waived": lab["q3_can_sue"] == "no",
        "q4: pay stated clearly": lab["q4"] == "yes",
        "q4: pay vague": lab["q4"] == "no",
        "q7: ai training": bool(lab["ai_training"]),
        "q7: perpetual licence": bool(lab["perpetual"]),
    }
    return {f for f, v in g.items() if v}


def run_json(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)  # lint exits non-zero when it finds something
    return json.loads(p.stdout)


def categories(obj):
    found = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "findings" and isinstance(v, list):
                found |= {f["category"] for f in v if isinstance(f, dict) and "category" in f}
            found |= categories(v)
    elif isinstance(obj, list):
        for x in obj:
            found |= categories(x)
    return found


def predicted_facts(binary, path):
    cats = categories(run_json([binary, "lint", "--format", "json", path]))
    answers = {a.get("id"): a.get("answer") for a in run_json([binary, "summarize", "--format", "json", path]).get("answers", [])}
    pred = set(LINT_FACTS) & cats
    if "ai-training" in cats: pred.add("q7: ai training")
    if "perpetual-license" in cats: pred.add("q7: perpetual licence")
    if answers.get("withdraw-or-delete") in ("no", "not stated"): pred.add("q1: no way to withdraw or delete")
    if answers.get("shared-with-others") == "yes": pred.add("q2: sold or shared")
    if answers.get("court") == "no": pred.add("q3: right to sue waived")
    if answers.get("payment") == "yes": pred.add("q4: pay stated clearly")
    if answers.get("payment") == "no": pred.add("q4: pay vague")
    return pred


# Sets whose second half was read too, after it had been measured with every change of two
# sessions: they no longer measure documents nobody looked at.
READ_WHOLE = {"short", "long", "mixed"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(HERE, "../../../.build/release/fineprint"))
    ap.add_argument("--show", action="store_true", help="print the read halves' disagreements")
    args = ap.parse_args()
    for name in ("short", "long", "mixed", "fourth", "fifth", "sixth", "seventh"):
        folder = os.path.join(HERE, name)
        labels = [json.loads(l) for l in open(os.path.join(folder, "labels.jsonl"), encoding="utf-8") if l.strip()]
        files = sorted(l["file"] for l in labels)
        halves = {"read": set(files[0::2]), "unread": set(files[1::2])}
        totals = {}
        for half, members in halves.items():
            agree = total = 0
            for lab in labels:
                if lab["file"] not in members:
                    continue
                gold, pred = gold_facts(lab), predicted_facts(args.binary, os.path.join(folder, lab["file"]))
                for fact in FACTS:
                    total += 1
                    agree += (fact in gold) == (fact in pred)
                    if args.show and half == "read" and (fact in gold) != (fact in pred):
                        print(f"  {name}/{lab['file']}: {fact}: labelled {fact in gold}, found {fact in pred}")
            totals[half] = (agree, total)
        (ra, rt), (ua, ut) = totals["read"], totals["unread"]
        other = "second half (read since 2026-12-06)" if name in READ_WHOLE else "unread half"
        print(f"{name}: agreement over {len(FACTS)} facts: read half {ra}/{rt} = {ra / rt:.3f}, "
              f"{other} {ua}/{ut} = {ua / ut:.3f}, all {(ra + ua) / (rt + ut):.3f}")


if __name__ == "__main__":
    main()
