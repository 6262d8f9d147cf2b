/// The `.fineprint.yml` that `fineprint init` writes: every key the configuration knows, with
/// what it does; only `version` and `fail_on` are set (to their defaults), so the file changes
/// nothing until a team edits it.
public enum StarterConfiguration {
  public static let text = """
    # FinePrint configuration: which rules run on the documents in this folder and below, and
    # when a run fails. Every key is optional; remove the # to use one. A file deeper in the tree
    # wins for the documents under it.
    version: 1

    # Rule IDs or categories to leave out (`fineprint rules list` names them).
    # disable: [plain-language]

    # A rule's or a category's severity: error, warning or info.
    # severity: {data-sent-abroad: warning}

    # Folders of your own rules, relative to this file (see "Writing rules" in the README).
    # rules: [fineprint-rules]

    # Paths not linted, relative to this file: * within a name, ** across folders.
    # ignore: ["archive/**", "*.draft.html"]

    # Exit with 1 on a risk at or above this severity: error, warning, info or never
    # (--fail-on wins).
    fail_on: warning

    # Thresholds of the readability notes.
    # readability: {reading_ease_below: 30, sentence_words_above: 50}

    # What one document may take; a document past a limit is an error, the others are still
    # read (--max-size, --max-depth, --max-clause-bytes and --timeout win). Longer clauses are
    # cut into pieces, with a warning.
    # limits: {max_size: 100, max_depth: 256, max_clause_bytes: 10000, timeout: 60}

    """
}
