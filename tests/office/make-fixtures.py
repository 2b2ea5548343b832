#!/usr/bin/env python3
"""Renders text and markdown documents as DOCX, ODT and HTML with pandoc, for the office
reader tests and benchmarks.

usage: make-fixtures.py [--titles-from ACERVO] OUT_DIR FILE...

Writes OUT_DIR/docx/STEM.docx, OUT_DIR/odt/STEM.odt and OUT_DIR/html/STEM.html (one folder
per format, so `acervo eval --source OUT_DIR/docx` finds each document by its stem), and
OUT_DIR/md/STEM.md, the markdown pandoc was given. That markdown is the source with what a
flowing document cannot hold made explicit:
- pages (form feeds) are joined, and a table's header row repeated at the top of the next
  page is dropped (a Word or HTML table runs on; nothing repeats it);
- tab-separated table rows, which pandoc would read as wrapped paragraphs, become pipe
  tables (the same rows, the first one the header);
- every line break is kept (pandoc's hard_line_breaks), as acervo reads each source line.
The HTML page's <title> is the document's first heading, or with --titles-from the title
`ACERVO extract` finds in the markdown (records use the document's title, so a score
comparison must give both the same one). Exits 77 (skip) when pandoc is not installed.
"""
import json
import os
import shutil
import subprocess
import sys

# markdown without the extensions that would read plain report text as something else:
# smart quotes and dashes, TeX math between dollar signs (amounts), raw TeX, subscripts.
READER = "markdown-smart-tex_math_dollars-raw_tex-subscript-superscript+hard_line_breaks"


def cell(text):
    return text.strip().replace("|", "\\|") or " "


def pipe_tables(text):
    """Each run of tab-separated lines as a pipe table under its first line."""
    out, run = [], []

    def flush():
        if not run:
            return
        width = max(len(r) for r in run)
        rows = [r + [""] * (width - len(r)) for r in run]
        out.append("")
        out.append("| " + " | ".join(cell(c) for c in rows[0]) + " |")
        out.append("|" + "---|" * width)
        for r in rows[1:]:
            out.append("| " + " | ".join(cell(c) for c in r) + " |")
        out.append("")
        run.clear()

    for line in text.split("\n"):
        if "\t" in line and not line.lstrip().startswith("|"):
            run.append(line.split("\t"))
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def join_pages(text):
    """Pages joined; a table row at the top of a page that repeats the header of the table
    the previous page ended in is dropped."""
    pages = text.split("\f")
    out = pages[0]
    for page in pages[1:]:
        before = out.rstrip("\n").split("\n")
        lines = page.lstrip("\n").split("\n")
        if "\t" in before[-1] and lines and "\t" in lines[0]:
            header = len(before) - 1
            while header > 0 and "\t" in before[header - 1]:
                header -= 1
            if lines[0] == before[header]:
                lines = lines[1:]
            out = out.rstrip("\n") + "\n" + "\n".join(lines)
        else:
            out = out + "\n\n" + page
    return out


def first_heading(text):
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    for line in lines:
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return lines[0].replace("*", "") if lines else "document"


def detected_title(acervo, path):
    done = subprocess.run([acervo, "extract", path], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["document"]["title"] or "document"


def main():
    args = sys.argv[1:]
    acervo = None
    if args[:1] == ["--titles-from"]:
        acervo, args = args[1], args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    if shutil.which("pandoc") is None:
        print("pandoc not installed: skipping", file=sys.stderr)
        sys.exit(77)
    out = args[0]
    for fmt in ("md", "docx", "odt", "html"):
        os.makedirs(os.path.join(out, fmt), exist_ok=True)
    for path in args[1:]:
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            source = pipe_tables(join_pages(f.read()))
        given = os.path.join(out, "md", stem + ".md")
        with open(given, "w", encoding="utf-8") as f:
            f.write(source)
        title = detected_title(acervo, given) if acervo else first_heading(source)
        for fmt in ("docx", "odt", "html"):
            target = os.path.join(out, fmt, stem + "." + fmt)
            args = ["pandoc", "-f", READER, "-o", target]
            if fmt == "html":
                args += ["-s", "--metadata", "pagetitle=" + title]
            subprocess.run(args, input=source, text=True, check=True)


if __name__ == "__main__":
    main()
