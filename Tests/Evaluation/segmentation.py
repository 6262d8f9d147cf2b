#!/usr/bin/env python3
"""Boundary precision and recall of `fineprint clauses` against the CLAUDETTE lawyers'
sentence splits.

usage: segmentation.py [--corpus DIR] [--fineprint PATH] [--worst N]

Each gold sentence of claudette/sentences.jsonl is found, in order, in its document
(documents/NAME.txt), comparing non-space characters only; its start is a gold boundary.
Each clause's start (line, column) is a predicted boundary. Precision = shared / predicted,
recall = shared / gold, per document and overall.
"""
import argparse, collections, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def gold_boundaries(text, sentences):
    """Offsets in `text` where each gold sentence starts (non-space alignment)."""
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    stream = "".join(text[i] for i in positions)
    out, cursor = set(), 0
    for s in sentences:
        key = "".join(s.split())
        if not key:
            continue
        k = stream.find(key, cursor)
        if k < 0:
            k = stream.find(key[:40], cursor)
        if k < 0:
            continue
        out.add(positions[k])
        cursor = k + len(key) if stream.find(key, cursor) == k else k + 1
    return out


MARKER = re.compile(r"(\(?[0-9a-zA-Z]{1,4}[.)]|[0-9]{1,3}(\.[0-9]{1,3})*\.?|[-*\u2022\u00b7])\s+")


def after_marker(text, p):
    """Where the words start when a clause starts with a section number or bullet."""
    m = MARKER.match(text, p)
    return m.end() if m else p


def predicted_boundaries(fineprint, path, text):
    lines = re.split(r"(?<=\n)", text)
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line)
    p = subprocess.run([fineprint, "clauses", "--format", "jsonl", path], capture_output=True)
    if p.returncode != 0:
        sys.exit(f"fineprint clauses failed on {path}: {p.stderr.decode(errors='replace')[-500:]}")
    out = set()
    for line in p.stdout.decode().splitlines():
        d = json.loads(line)
        out.add(starts[d["line"] - 1] + d["column"] - 1)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--fineprint", default=os.path.join(ROOT, ".build", "release", "fineprint"))
    ap.add_argument("--worst", type=int, default=5)
    args = ap.parse_args()
    by_doc = collections.defaultdict(list)
    for line in open(os.path.join(args.corpus, "claudette", "sentences.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        by_doc[d["doc"]].append(d["text"])
    rows, tg, tp_, tpred, tol_g, tol_p = [], 0, 0, 0, 0, 0
    for doc in sorted(by_doc):
        path = os.path.join(args.corpus, "claudette", "documents", doc + ".txt")
        text = open(path, encoding="utf-8").read()
        if text.startswith("\ufeff"):
            text = text[1:]
        gold = gold_boundaries(text, by_doc[doc])
        pred = predicted_boundaries(args.fineprint, path, text)
        hit = len(gold & pred)
        # The lawyers split a leading section number ("1.1.") from its sentence; a clause that
        # keeps its number but starts where they do is the same boundary.
        shifted = {p: after_marker(text, p) for p in pred}
        tol_g += len({g for g in gold if g in pred or g in shifted.values()})
        tol_p += len([p for p in pred if p in gold or shifted[p] in gold])
        rows.append((doc, len(gold), len(pred), hit))
        tg, tp_, tpred = tg + len(gold), tp_ + hit, tpred + len(pred)
    print(f"{'document':16} {'gold':>6} {'pred':>6} {'shared':>6} {'P':>6} {'R':>6}")
    for doc, g, p, h in sorted(rows, key=lambda r: r[3] / max(r[1], 1))[: args.worst]:
        print(f"{doc:16} {g:6} {p:6} {h:6} {h / max(p, 1):6.3f} {h / max(g, 1):6.3f}")
    print(f"{'overall':16} {tg:6} {tpred:6} {tp_:6} {tp_ / max(tpred, 1):6.3f} {tp_ / max(tg, 1):6.3f}")
    print(f"{'overall, a leading number counted with its sentence':52} P {tol_p / max(tpred, 1):.3f}  R {tol_g / max(tg, 1):.3f}")


if __name__ == "__main__":
    main()
