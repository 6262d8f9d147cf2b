#!/usr/bin/env python3
"""Writes Samples/creator-licence.docx, the Word sample, from the text below.

The text is written for this project (no real company's terms). Word lays out a .docx the
same way: a ZIP of XML parts, the body in word/document.xml, heading styles in
word/styles.xml. Run it again after editing the text: python3 Samples/make-docx.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# (style, text); style None is a body paragraph, "List" a numbered one, "" an empty paragraph.
# Runs are split where Word would split them (a bold word, a tracked change): see RUNS.
BODY = [
    ("Title", "Creator Voice and Likeness Licence"),
    (None, "Between Lumen Voiceworks Ltd (\u201cLumen\u201d, \u201cwe\u201d) and you, the creator."),
    ("", ""),
    ("Heading1", "1. What you licence to us"),
    (None, "RUNS:licence"),
    (None, "This licence is perpetual and irrevocable, and it survives the end of this agreement."),
    (None, "We may use your recordings to train our machine learning models and to create a synthetic voice that sounds like you."),
    ("Heading1", "2. Your data"),
    (None, "To run the programme we collect:"),
    ("List", "your voice recordings and the transcripts of them;"),
    ("List", "photographs and video of your face;"),
    ("List", "your payment details and tax number."),
    (None, "RUNS:partners"),
    (None, "We keep your recordings for as long as we see fit, including in backups and in models trained on them."),
    ("Heading1", "3. Payment"),
    ("TABLE", [("Use of your voice", "What you are paid"), ("Voice model", "A share of revenue, at our discretion"),
               ("Promotional use", "No fee")]),
    (None, "We may change the fees at any time."),
    ("Heading1", "4. Disputes"),
    ("Heading2", "4.1 Arbitration"),
    (None, "Any dispute arising out of this licence will be resolved by binding arbitration in Singapore, and you waive any right to a jury trial."),
    (None, "You may only bring claims in your individual capacity, not as a plaintiff or class member in any class action."),
    ("Heading2", "4.2 Changes"),
    (None, "We may modify this licence at any time; continuing to upload recordings means you accept the changes."),
]

# Paragraphs made of several runs, as Word writes them.
RUNS = {
    "licence": [
        ("t", "You grant Lumen a worldwide, royalty-free licence to use, copy, modify and "),
        ("b", "sublicense"),
        ("t", " your voice, name and likeness in any media now known or later developed."),
    ],
    "partners": [
        ("t", "We may share your recordings and personal information with our "),
        ("del", "carefully selected "),
        ("t", "partners, including advertisers and other AI companies, for their own purposes."),
    ],
}


def run(kind, text):
    if kind == "del":
        return (f'<w:del w:id="1" w:author="Legal" w:date="2026-01-05T10:00:00Z"><w:r>'
                f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')
    bold = "<w:rPr><w:b/></w:rPr>" if kind == "b" else ""
    return f'<w:r>{bold}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(style, text):
    if style == "":
        return "<w:p/>"
    if style == "List":
        props = '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    elif style:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    else:
        props = ""
    if text.startswith("RUNS:"):
        runs = "".join(run(kind, part) for kind, part in RUNS[text[5:]])
    else:
        runs = run("t", text)
    return f"<w:p>{props}{runs}</w:p>"


def table(rows):
    cells = lambda row: "".join(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{paragraph(None, c)}</w:tc>' for c in row)
    return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>" + "".join(f"<w:tr>{cells(r)}</w:tr>" for r in rows) + "</w:tbl>"


def document():
    body = "".join(table(text) if style == "TABLE" else paragraph(style, text) for style, text in BODY)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>{body}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


def styles():
    def style(style_id, name, outline=None, based_on=None):
        based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
        level = f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>' if outline is not None else ""
        return f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}{level}</w:style>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
            + style("Normal", "Normal") + style("Title", "Title", based_on="Normal")
            + style("Heading1", "heading 1", 0, "Normal") + style("Heading2", "heading 2", 1, "Normal")
            + style("ListParagraph", "List Paragraph", based_on="Normal") + "</w:styles>")


def numbering():
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
            '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"""


def main():
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS), ("word/document.xml", document()),
             ("word/_rels/document.xml.rels", DOCUMENT_RELS), ("word/styles.xml", styles()), ("word/numbering.xml", numbering())]
    path = os.path.join(HERE, "creator-licence.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            # A fixed date keeps the file the same from run to run.
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 5, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    print(path)


if __name__ == "__main__":
    main()
