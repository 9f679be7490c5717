"""Build the .docx documents of the import corpus from their YAML specs, and check the corpus.

    python build_docx.py OUT_DIR          # build every docs/*.docx.yml into OUT_DIR/NN-name.docx
    python build_docx.py --check          # validate the whole corpus (see check())

A spec (`docs/NN-name.docx.yml`) describes one Word document laid out as Party committees lay
them out (Hướng dẫn 36-HD/VPTW): a borderless two-column header table, the type word and title,
the body, and a borderless two-column signature table («Nơi nhận:» left, signature right).

```yaml
page_header: MẬT                     # optional; or {text: MẬT, bold: true, align: left}
header_table:                        # rows of [left cell, right cell]
  - - "TỈNH ỦY THỪA THIÊN HUẾ\nBAN TUYÊN GIÁO\n*"          # a string: paragraphs split on \n
    - [{text: ĐẢNG CỘNG SẢN VIỆT NAM, bold: true, underline: true}]   # or a list of paragraphs
paragraphs:                          # the type word, title, Kính gửi, body
  - {text: HƯỚNG DẪN, bold: true, align: center}
  - {text: "Kính gửi: ...", runs: [...]}      # runs: [{text, bold, italic, underline}] instead of text
  - {text: "line one\nline two", soft_breaks: true}   # one paragraph with line breaks
  - {table: [[a, b], [c, d]], grid: true}     # a table in the body (first row is the heading row)
signature_table:                     # rows of [left cell, right cell], same cell syntax
  - ["Nơi nhận:\n- ...", "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n\nNguyễn Văn An"]
after: [...]                         # optional paragraphs after the signature table
```

A paragraph is a string or a mapping with `text` (or `runs`), and optional `bold`, `italic`,
`underline`, `align` (center|right|left|justify), `style` (a Word style such as `Heading 2` or
`List Bullet`), `indent` (first-line indent in cm), `size` (points). In cells the default
alignment is centre; in the body it is justify. The output is deterministic: fixed core
properties and fixed zip timestamps, so the same spec gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
EXPECTED = HERE / "expected"
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


# --- building ---------------------------------------------------------------------------------


def _paragraph_items(cell) -> list[dict]:
    """A cell or paragraph list in any accepted shape → list of paragraph dicts (one per paragraph)."""
    if cell is None:
        return []
    if isinstance(cell, str):
        return [{"text": line} for line in cell.split("\n")]
    if isinstance(cell, dict):
        cell = [cell]
    out = []
    for item in cell:
        if isinstance(item, str):
            out.extend({"text": line} for line in item.split("\n"))
        elif "runs" in item or item.get("soft_breaks") or "table" in item:
            out.append(item)
        else:
            for line in str(item.get("text", "")).split("\n"):
                out.append({**item, "text": line})
    return out


def _apply_run_format(run, fmt: dict, base: dict) -> None:
    for attr in ("bold", "italic", "underline"):
        value = fmt.get(attr, base.get(attr))
        if value is not None:
            setattr(run, attr, bool(value))
    size = fmt.get("size", base.get("size"))
    if size:
        run.font.size = Pt(size)


def _fill_paragraph(par, item: dict, default_align: str) -> None:
    align = item.get("align", default_align)
    if align:
        par.alignment = ALIGN[align]
    if item.get("indent"):
        par.paragraph_format.first_line_indent = Cm(float(item["indent"]))
    fmt = par.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(item.get("space_after", 0 if default_align == "center" else 6))
    if "runs" in item:
        for run_spec in item["runs"]:
            run_spec = {"text": run_spec} if isinstance(run_spec, str) else run_spec
            run = par.add_run(run_spec.get("text", ""))
            _apply_run_format(run, run_spec, item)
        return
    text = str(item.get("text", ""))
    if item.get("soft_breaks"):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            run = par.add_run(line)
            _apply_run_format(run, {}, item)
            if i < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        return
    if text:
        run = par.add_run(text)
        _apply_run_format(run, {}, item)


def _set_borders(table, val: str) -> None:
    """Give the table explicit borders (`nil`: none; `single`: a grid), in schema order inside w:tblPr."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    later = {qn(f"w:{t}") for t in ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")}
    successor = next((child for child in tbl_pr if child.tag in later), None)
    if successor is None:
        tbl_pr.append(borders)
    else:
        successor.addprevious(borders)


def _no_borders(table) -> None:
    _set_borders(table, "nil")


def _grid_borders(table) -> None:
    _set_borders(table, "single")


def _fill_cell(cell, spec, default_align: str = "center") -> None:
    items = _paragraph_items(spec)
    first = True
    for item in items:
        par = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _fill_paragraph(par, item, default_align)
        par.paragraph_format.space_after = Pt(item.get("space_after", 0))


HEADER_WIDTHS = (Cm(7.0), Cm(9.5))
SIGNATURE_WIDTHS = (Cm(7.5), Cm(9.0))


def _two_column_table(doc, rows, widths=HEADER_WIDTHS, aligns=("center", "center")):
    table = doc.add_table(rows=len(rows), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    for column, width in zip(table.columns, widths):
        column.width = width
    for r, row in enumerate(rows):
        left, right = (list(row) + [None, None])[:2]
        for c, (spec, width) in enumerate(zip((left, right), widths)):
            cell = table.cell(r, c)
            cell.width = width
            _fill_cell(cell, spec, aligns[c])
    return table


def _body_table(doc, spec: dict):
    rows = spec["table"]
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    if spec.get("grid", True):
        _grid_borders(table)
    for r, row in enumerate(rows):
        for c in range(ncols):
            text = str(row[c]) if c < len(row) else ""
            cell = table.cell(r, c)
            _fill_cell(cell, [{"text": text, "bold": r == 0}], "center" if r == 0 else "left")
    return table


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), "Times New Roman")
    props = doc.core_properties
    props.author = "kehoach corpus"
    props.last_modified_by = "kehoach corpus"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    props.title = ""
    props.comments = ""


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps (python-docx stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build(spec: dict, out_path) -> Path:
    """Write the Word document a spec describes to out_path."""
    doc = Document()
    _setup(doc)
    header = spec.get("page_header")
    if header:
        item = {"text": header} if isinstance(header, str) else dict(header)
        item.setdefault("bold", True)
        par = doc.sections[0].header.paragraphs[0]
        _fill_paragraph(par, item, item.get("align", "left"))
    # python-docx starts with one empty paragraph in some templates: remove it so the table is first.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    if spec.get("header_table"):
        _two_column_table(doc, spec["header_table"])
    for item in _paragraph_items(spec.get("paragraphs")):
        _add_body_item(doc, item)
    if spec.get("signature_table"):
        doc.add_paragraph()
        _two_column_table(doc, spec["signature_table"], widths=SIGNATURE_WIDTHS, aligns=("left", "center"))
    for item in _paragraph_items(spec.get("after")):
        _add_body_item(doc, item)
    buf = io.BytesIO()
    doc.save(buf)
    out_path = Path(out_path)
    out_path.write_bytes(_deterministic_zip(buf.getvalue()))
    return out_path


def _add_body_item(doc, item: dict) -> None:
    if "table" in item:
        _body_table(doc, item)
        return
    style = item.get("style")
    par = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    _fill_paragraph(par, item, "justify")


def load_spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def stem(path: Path) -> str:
    """docs/05-x.docx.yml and docs/05-x.txt → 05-x."""
    name = path.name
    for suffix in (".docx.yml", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--check":
        return check()
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1])
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for spec_path in sorted(DOCS.glob("*.docx.yml")):
        target = build(load_spec(spec_path), out / f"{stem(spec_path)}.docx")
        print(target)
    return 0


# --- checking ---------------------------------------------------------------------------------


def docx_text(path: Path) -> str:
    """Every visible paragraph of a .docx in order: page header, body paragraphs and table cells."""
    doc = Document(str(path))
    lines: list[str] = []
    for section in doc.sections:
        lines.extend(p.text for p in section.header.paragraphs)

    def walk(element):
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(
                    "".join(t.text or "" if t.tag == qn("w:t") else "\n" for t in child.iter(qn("w:t"), qn("w:br")))
                )
            elif child.tag == qn("w:tbl"):
                for row in child.iterchildren(qn("w:tr")):
                    for cell in row.iterchildren(qn("w:tc")):
                        walk(cell)

    walk(doc.element.body)
    return "\n".join(lines)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def views(text: str) -> list[str]:
    """The text joined into one line, plus its left and right columns.

    Plain-text files put two columns on shared lines (header block; «Nơi nhận:» beside the
    signature): a run of 3+ spaces or a tab separates them, and a piece starting left of
    column 28 belongs to the left column (wrapped left lines are indented a little).
    """
    left, right = [], []
    for line in text.expandtabs(8).splitlines():
        for m in re.finditer(r"\S+(?: {1,2}\S+)*", line):
            (left if m.start() < 28 else right).append(m.group())
    return [_collapse(text), _collapse("\n".join(left)), _collapse("\n".join(right))]


# A central document cited with its date: «… số 21-NQ/TW, ngày 16/6/2022 …».
CITED = re.compile(r"(\d+-[A-Za-zĐđ]+/(?:TW|BTCTW|BTGTW|VPTW|UBKTTW)),? ngày (\d{1,2}/\d{1,2}/\d{4})")


def _against_model(file_name: str, exp: dict) -> list[str]:
    """The expected fields the project's Document model also has must validate against it."""
    try:
        from pydantic import ValidationError

        from kehoach.model.schema import Document  # type: ignore
    except ImportError:
        return []
    front = {k: v for k, v in exp.items() if k not in {"issuer_name", "addressees", "body_format"}}
    front["issuer"] = front.get("issuer") or "absent"
    try:
        Document.model_validate(front)
    except ValidationError as exc:
        return [f"expected/{file_name}: {e['loc']}: {e['msg']}" for e in exc.errors()]
    return []


KNOWN_FIELDS = {
    "type",
    "number",
    "issuer",
    "issuer_name",
    "issuer_code",
    "issuing_body",
    "symbol_as_written",
    "place",
    "date",
    "title",
    "confidentiality",
    "urgency",
    "addressees",
    "signer",
    "recipients",
    "relations",
    "body_format",
}
TYPES = {"KH", "HD", "NQ", "KL", "CT", "QĐ", "CTr", "ĐA", "ĐC", "TB", "BC", "TTr", "CV", "QC"}


def check() -> int:
    sys.path.insert(0, str(HERE.parents[2]))
    problems: list[str] = []
    orgs_raw = yaml.safe_load((HERE / "organizations.yml").read_text(encoding="utf-8"))
    try:  # the schema as the project defines it, with the planned `district` level
        from pydantic import ValidationError

        from kehoach.model.schema import OrganizationsFile  # type: ignore

        try:
            OrganizationsFile.model_validate(orgs_raw)
        except ValidationError as exc:
            other = [e for e in exc.errors() if not (e["loc"][-1] == "level" and e.get("input") == "district")]
            for err in other:
                problems.append(f"organizations.yml: {err['loc']}: {err['msg']}")
    except ImportError as exc:
        print(f"(schema not importable, structural check only: {exc})")
    orgs = {o["key"]: o for o in orgs_raw["organizations"]}
    for org in orgs.values():
        if org.get("level") not in {"central", "province", "bloc", "district", "base", "cell"}:
            problems.append(f"organizations.yml: {org['key']}: level {org.get('level')}")
        if org.get("parent") and org["parent"] not in orgs:
            problems.append(f"organizations.yml: {org['key']}: unknown parent {org['parent']}")
        if unicodedata.normalize("NFC", str(org)) != str(org):
            problems.append(f"organizations.yml: {org['key']}: not NFC")

    texts: dict[str, dict[str, str]] = {}
    for path in sorted(DOCS.glob("*.txt")):
        raw = path.read_bytes().decode("utf-8-sig")
        texts.setdefault(stem(path), {})["txt"] = raw.replace("\r\n", "\n")
        if unicodedata.normalize("NFC", raw) != raw:
            problems.append(f"{path.name}: not NFC")
    with tempfile.TemporaryDirectory() as tmp:
        for spec_path in sorted(DOCS.glob("*.docx.yml")):
            spec = load_spec(spec_path)
            raw = spec_path.read_text(encoding="utf-8")
            if unicodedata.normalize("NFC", raw) != raw:
                problems.append(f"{spec_path.name}: not NFC")
            first = build(spec, Path(tmp) / f"{stem(spec_path)}.docx")
            again = build(spec, Path(tmp) / f"{stem(spec_path)}.again.docx")
            if first.read_bytes() != again.read_bytes():
                problems.append(f"{spec_path.name}: build is not deterministic")
            texts.setdefault(stem(spec_path), {})["docx"] = docx_text(first)

    expected_names = {p.name[:-4] for p in EXPECTED.glob("*.yml")}
    for name in sorted(set(texts) - expected_names):
        problems.append(f"{name}: no expected file")
    for name in sorted(expected_names - set(texts)):
        problems.append(f"{name}: expected file without a document")

    absent = []
    cited_dates: dict[str, dict[str, set]] = {}
    for path in sorted(EXPECTED.glob("*.yml")):
        name = path.name[:-4]
        raw = path.read_text(encoding="utf-8")
        if unicodedata.normalize("NFC", raw) != raw:
            problems.append(f"expected/{path.name}: not NFC")
        exp = yaml.safe_load(raw)
        for key in set(exp) - KNOWN_FIELDS:
            problems.append(f"expected/{path.name}: unknown field {key}")
        if exp.get("type") not in TYPES:
            problems.append(f"expected/{path.name}: type {exp.get('type')}")
        if "issuer" not in exp:
            problems.append(f"expected/{path.name}: no issuer field")
        elif exp["issuer"] is None:
            absent.append(name)
        elif exp["issuer"] not in orgs:
            problems.append(f"expected/{path.name}: issuer {exp['issuer']} not in organizations.yml")
        if "number" in exp and not isinstance(exp["number"], str):
            problems.append(f"expected/{path.name}: number must be a string")
        if "date" in exp and not isinstance(exp["date"], dt.date):
            problems.append(f"expected/{path.name}: date must be a YAML date")
        for rel in exp.get("relations", []):
            if rel.get("type") not in {"implements", "cites", "attached_to", "amends", "replaces", "repeals"}:
                problems.append(f"expected/{path.name}: relation type {rel.get('type')}")
            if "date" in rel and not isinstance(rel["date"], dt.date):
                problems.append(f"expected/{path.name}: relation date {rel['date']!r}")
        for rec in exp.get("recipients", []):
            if rec.get("purpose") not in (None, "b/c", "t/h", "lưu", "biết"):
                problems.append(f"expected/{path.name}: recipient purpose {rec.get('purpose')}")
        layouts = texts.get(name, {})
        if "body_format" in exp:
            if len(layouts) != 1:
                problems.append(f"expected/{path.name}: body_format given for a document in both layouts")
            elif exp["body_format"] != {"txt": "plain", "docx": "markdown"}[next(iter(layouts))]:
                problems.append(f"expected/{path.name}: body_format {exp['body_format']}")
        elif len(layouts) == 1:
            problems.append(f"expected/{path.name}: body_format missing")
        for layout, text in layouts.items():
            candidates = views(text)

            def occurs(needle: str, candidates=candidates) -> bool:
                needle = _collapse(str(needle))
                return any(needle in c for c in candidates)

            needles = [
                ("title", exp.get("title")),
                ("number", exp.get("number")),
                ("place", exp.get("place")),
                ("symbol_as_written", exp.get("symbol_as_written")),
            ]
            needles += [("issuer_name", part) for part in str(exp.get("issuer_name") or "").split(" / ") if part]
            needles += [("addressee", a) for a in exp.get("addressees", [])]
            needles += [("recipient", r["name"]) for r in exp.get("recipients", [])]
            signer = exp.get("signer") or {}
            needles += [(f"signer.{k}", v) for k, v in signer.items()]
            needles += [("relation", r["target"]) for r in exp.get("relations", [])]
            for field, needle in needles:
                if needle is not None and not occurs(needle):
                    problems.append(f"{name} ({layout}): {field} «{needle}» not found in the text")
            if exp.get("date"):
                d = exp["date"]
                head = "\n".join(text.splitlines()[:15])
                if not re.search(rf"ngày\s+0?{d.day}\s+tháng\s+0?{d.month}\s+năm\s+{d.year}", head):
                    problems.append(f"{name} ({layout}): date {d} not in the header as «ngày … tháng … năm …»")
            for sym, day in CITED.findall(_collapse(text)):
                cited_dates.setdefault(sym, {}).setdefault(day, set()).add(name)
        problems.extend(_against_model(path.name, exp))
        if exp.get("date"):
            if not dt.date(2019, 1, 1) <= exp["date"] <= dt.date(2025, 12, 31):
                problems.append(f"expected/{path.name}: date {exp['date']} outside 2019-2025")
            for rel in exp.get("relations", []):
                if rel.get("date") and rel["date"] > exp["date"]:
                    problems.append(f"expected/{path.name}: {rel['target']} dated after the document")
    for sym, days in sorted(cited_dates.items()):
        if len(days) > 1:  # central documents have one date corpus-wide
            problems.append(f"corpus: {sym} cited with different dates: {days}")
    if len(absent) != 2:
        problems.append(f"expected: {len(absent)} documents with issuer null (want exactly 2): {absent}")
    for p in problems:
        print(p)
    counts = {k: sum(1 for v in texts.values() if k in v) for k in ("txt", "docx")}
    both = sum(1 for v in texts.values() if len(v) == 2)
    print(
        f"{len(texts)} documents: {counts['txt']} .txt, {counts['docx']} .docx, {both} in both layouts; "
        f"{len(problems)} problem(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
