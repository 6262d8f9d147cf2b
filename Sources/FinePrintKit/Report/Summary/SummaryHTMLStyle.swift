/// The style sheet of the summary page, inlined so the page needs nothing from the network.
/// Colour is never the only signal: every coloured thing also carries a symbol (✗ ! ✓ ·) or a
/// word, and a border style that survives printing without backgrounds.
enum SummaryHTMLStyle {
  static let css = """
    :root {
      color-scheme: light;
      --ink: #1f2328; --muted: #4f5863; --line: #d0d7de; --paper: #fff; --page: #f3f5f7;
      --red: #b42318; --red-bg: #fde8e6; --amber: #8a5300; --amber-bg: #fff1cc;
      --green: #17692f; --green-bg: #e3f3e7; --grey: #4f5863; --grey-bg: #eceff2;
      --note: #0b5394; --note-bg: #e6f0fa;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--page); color: var(--ink); overflow-wrap: anywhere;
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
    }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    h1, h2, h3 { line-height: 1.25; margin: 0 0 .5rem; }
    h1 { font-size: 1.6rem; }
    h2 { font-size: 1.3rem; }
    h3 { font-size: 1.05rem; }
    p { margin: .25rem 0; }
    a { color: var(--note); }
    small, .small { font-size: .85rem; color: var(--muted); }
    .card {
      background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
      padding: 1rem 1.25rem; margin: 0 0 1rem; break-inside: avoid;
    }
    .red { --c: var(--red); --bg: var(--red-bg); --sym: "✗"; }
    .amber { --c: var(--amber); --bg: var(--amber-bg); --sym: "!"; }
    .green { --c: var(--green); --bg: var(--green-bg); --sym: "✓"; }
    .grey { --c: var(--grey); --bg: var(--grey-bg); --sym: "·"; }
    .note { --c: var(--note); --bg: var(--note-bg); --sym: "›"; }
    .sym { display: inline-block; min-width: 1.1em; font-weight: 700; color: var(--c); text-align: center; }

    /* The summary card: grade, meaning, reasons, formula. */
    .kicker { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
    .file { margin: 0 0 .75rem; font-size: .85rem; color: var(--muted); }
    .verdict { display: flex; gap: 1.25rem; align-items: flex-start; }
    .grade {
      flex: none; min-width: 6.5rem; height: 6.5rem; padding: 0 .75rem; border-radius: 14px;
      display: flex; flex-direction: column; align-items: center; justify-content: center;
      color: #fff; background: var(--gc); border: 3px solid var(--gc);
    }
    .grade .label { font-size: .75rem; text-transform: uppercase; letter-spacing: .08em; }
    #grade { font-size: 3.8rem; font-weight: 800; line-height: 1; }
    .grade-a { --gc: #17692f; } .grade-b { --gc: #3f6b12; } .grade-c { --gc: #805b00; }
    .grade-d { --gc: #b34700; } .grade-e { --gc: #b42318; }
    .grade-none { --gc: var(--grey); background: var(--grey-bg); color: var(--ink); }
    .grade-none #grade { font-size: 1.4rem; }
    .meaning { font-size: 1.25rem; font-weight: 700; margin: 0 0 .25rem; }
    .reasons { margin: .25rem 0; padding-left: 1.25rem; }
    .scale { display: flex; gap: .25rem; list-style: none; padding: 0; margin: .5rem 0 0; }
    .scale li {
      width: 1.6rem; text-align: center; border-radius: 4px; font-size: .8rem; font-weight: 700;
      color: var(--muted); border: 1px solid var(--line);
    }
    .scale li.on { color: #fff; background: var(--gc); border-color: var(--gc); }
    .formula { margin-top: .75rem; border-top: 1px solid var(--line); padding-top: .5rem; }
    .toc { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin-top: .5rem; font-size: .9rem; }

    /* Answers. */
    .answers, .points, .quotes, .standards, .items { list-style: none; padding: 0; margin-bottom: 0; }
    .quotes, .standards, .items { margin-top: 0; }
    /* Bottom margins only: a column break would eat a top margin and misalign the columns. */
    .answers, .points { margin-top: .75rem; }
    .answer, .point { border-left: 5px solid var(--c); padding: .4rem 0 .4rem .75rem; margin: 0 0 1rem; }
    .answer h3, .point h3 { margin: 0 0 .2rem; }
    .answer.grey { border-left-color: #a8b0b9; }
    .answer, .point { break-inside: avoid; }
    .badge {
      display: inline-block; padding: 0 .5rem; margin-right: .35rem; border: 1.5px solid var(--c); border-radius: 999px;
      color: var(--c); background: var(--bg); font-weight: 700; font-size: .9rem; white-space: nowrap;
    }
    .quotes li { margin: .3rem 0; }
    .quote {
      display: block; color: var(--ink); text-decoration: none; font-size: .95rem;
      border-left: 2px solid var(--line); padding-left: .6rem;
    }
    a.quote:hover .text, a.quote:focus .text { text-decoration: underline; }
    .quote b { font-weight: 700; background: var(--bg, var(--grey-bg)); }
    .pos { font: .8rem ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: var(--note); margin-right: .4rem; }
    .more { font-size: .85rem; color: var(--muted); }

    /* Risks beside protections, contradictions side by side: one column on a phone. */
    .columns, .pair { display: grid; grid-template-columns: 1fr; gap: 0 1rem; align-items: start; }
    @media (min-width: 52rem) {
      .columns { grid-template-columns: 1fr 1fr; }
      .pair { grid-template-columns: 1fr 1fr; }
      /* One side empty: it shrinks to a line, the other side's points flow in two columns. */
      .columns.lopsided { grid-template-columns: 1fr; }
      .columns.lopsided .points, .answers { columns: 2; column-gap: 2rem; }
    }
    .none { color: var(--muted); font-style: italic; }
    .contradiction { margin: .75rem 0; }
    .side { border: 1px solid var(--c); border-top-width: 4px; border-radius: 6px; padding: .5rem .75rem; margin: .25rem 0; }
    .side h3 { color: var(--c); font-size: .95rem; }

    /* Readability. */
    .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .5rem; margin: .5rem 0; }
    .stats div { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .6rem; }
    .stats dt { font-size: .8rem; color: var(--muted); }
    .stats dd { margin: 0; font-size: 1.3rem; font-weight: 700; }
    .stats dd.sub { font-size: .85rem; font-weight: 400; color: var(--muted); }
    #readability h3 { margin-top: 1rem; }
    .standards li { margin: .35rem 0; }
    .hardest { padding-left: 1.25rem; }
    .hardest li { margin: .4rem 0; }

    /* The document with its clauses marked. */
    .legend { display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0 0 1rem; padding: 0; list-style: none; font-size: .9rem; }
    .doc { max-width: 46rem; font-family: Georgia, "DejaVu Serif", "Times New Roman", serif; font-size: 1.05rem; line-height: 1.6; }
    .doc h3, .doc h4, .doc h5, .doc h6 { font-family: inherit; margin: 1.25rem 0 .5rem; }
    .doc p, .doc li { margin: .5rem 0; }
    .doc .items li { position: relative; padding-left: 1.5rem; }
    .doc .items li::before { content: "•"; position: absolute; left: .4rem; color: var(--muted); }
    /* A number flows with the text, so "10." or "viii." never runs into it. */
    .doc .items li[data-number] { padding-left: 0; }
    .doc .items li[data-number]::before { content: attr(data-number); position: static; margin-right: .4em; font-weight: 700; }
    .doc .items li.marked { padding-left: 0; }
    .doc .items li.marked::before { content: none; }
    .doc .depth-2 { margin-left: 1.5rem; } .doc .depth-3 { margin-left: 3rem; } .doc .depth-4 { margin-left: 4.5rem; }
    .doc .cell { padding-left: .75rem; border-left: 1px dotted var(--line); }
    mark {
      color: inherit; background: var(--bg); border-bottom: 2px solid var(--c); padding: 0 .1em;
      scroll-margin-top: 4rem; -webkit-box-decoration-break: clone; box-decoration-break: clone;
    }
    mark::before {
      content: var(--sym); color: var(--c); font: 700 .85em system-ui, "DejaVu Sans", sans-serif; margin-right: .2em;
    }
    mark.amber { border-bottom-style: dashed; }
    mark.green { border-bottom: 3px double var(--c); }
    mark.note { border-bottom-style: dotted; }
    mark:target { outline: 3px solid var(--c); outline-offset: 2px; }
    footer { margin: 1rem 0 2rem; font-size: .85rem; color: var(--muted); text-align: center; }

    @media (max-width: 30rem) {
      main { padding: .5rem; }
      .card { padding: .75rem .85rem; }
      h1 { font-size: 1.35rem; }
      .verdict { gap: .85rem; }
      .grade { min-width: 5rem; height: 5rem; }
      #grade { font-size: 3rem; }
      .meaning { font-size: 1.1rem; }
      .formula { font-size: .78rem; }
    }

    @media print {
      body { background: #fff; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      .card { border: 1px solid #888; border-radius: 0; }
      .card.document { break-inside: auto; }
      .answers-card, .points-card { break-inside: auto; }
      .answer, .point, .contradiction, .stats div, .standards li { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      .toc { display: none; }
      a, a.quote { color: inherit; text-decoration: none; }
      .grade { background: none; color: var(--gc); border-width: 4px; }
      .scale li.on { background: none; color: var(--ink); border: 2px solid var(--ink); }
      mark { background: none; }
      .badge { background: none; }
    }
    """
}
