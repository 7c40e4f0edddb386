"""Cut a blind page out of the file that holds it: the recipes a label's ``container`` names.

Some blind pages are not saved HTML files but a page kept inside another file: string literals
in a Java demo (batch 71), a notebook cell's output, a JSON fixture, a crawler's JSON-lines or CSV
dump. The helper who took such a page saved the decoded string as UTF-8 and wrote down how to get
it back from the repository's file; ``bench/blind.py --fetch-commands`` pipes the file through
``python bench/blind_cut.py '<recipe>'`` so that anybody can fetch the same bytes.

Recipes (``kind`` and its fields; lines and rows are 1-based):

- ``{"kind": "json", "path": [...]}``: the value at ``path`` in a JSON file (``.ipynb``, ``.har``);
  a list of strings, as notebooks store text, is joined with nothing between the items;
- ``{"kind": "jsonl", "line": N, "path": [...]}``: line N of a JSON-lines file, then ``path``;
- ``{"kind": "csv", "row": N, "column": "name"}``: row N after the header line of a CSV file;
- ``{"kind": "python_string", "lines": [FIRST, LAST]}``: the value of the Python expression of
  string literals on those lines (implicit concatenation, parentheses), after the ``name =`` of
  an assignment that starts the first line;
- ``{"kind": "java_string", "lines": [FIRST, LAST]}``: the Java string literals on those lines,
  joined, Java's escapes undone;
- ``{"kind": "lines", "lines": [FIRST, LAST]}``: those lines as they stand, joined with ``\n``:
  a page pasted into a Markdown code fence, a Go raw string, a shell heredoc or a JavaScript
  template literal without escapes, where nothing needs undoing.

Run: ``python bench/blind_cut.py '<recipe as JSON>' < file > page.html``
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import sys

#: A Java string literal, and an escape inside one.
JAVA_LITERAL_RE = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
JAVA_ESCAPE_RE = re.compile(r"\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)", re.S)
JAVA_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "s": " ",
                '"': '"', "'": "'", "\\": "\\"}

#: ``name =`` or ``self.name: str =`` before a Python literal.
ASSIGNMENT_RE = re.compile(r"\A\s*[A-Za-z_][\w.]*\s*(?::\s*\w+\s*)?=\s*")


def java_string(source: str, first: int, last: int) -> str:
    """The page a Java test or demo holds as ``"<html>..." + "..."`` on lines ``first``-``last``:
    its literals joined, Java's escapes undone."""
    def unescape(match: re.Match) -> str:
        escape = match.group(1)
        if escape[0] == "u":
            return chr(int(escape.lstrip("u"), 16))
        return chr(int(escape, 8)) if escape[0].isdigit() else JAVA_ESCAPES[escape]
    lines = source.splitlines()[first - 1:last]
    return "".join(JAVA_ESCAPE_RE.sub(unescape, literal)
                   for line in lines for literal in JAVA_LITERAL_RE.findall(line))


def python_string(source: str, first: int, last: int) -> str:
    """The value of the string-literal expression on lines ``first``-``last`` (in
    ``html = '''…'''``, the literal after the ``=``). Only literals are evaluated
    (``ast.literal_eval``), never code."""
    text = ASSIGNMENT_RE.sub("", "\n".join(source.splitlines()[first - 1:last]), count=1).strip()
    value = ast.literal_eval(text if text.startswith("(") else f"({text})")
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if not isinstance(value, str):
        raise ValueError(f"lines {first}-{last} hold a {type(value).__name__}, not a string")
    return value


def _at(value: object, path: list) -> str:
    for key in path:
        value = value[key]  # type: ignore[index]
    if isinstance(value, list):
        return "".join(value)
    if not isinstance(value, str):
        raise ValueError(f"{path} holds a {type(value).__name__}, not a string")
    return value


def cut(recipe: dict, data: bytes) -> str:
    """The page ``recipe`` names inside the file whose bytes are ``data``."""
    kind = recipe["kind"]
    text = data.decode("utf-8-sig")
    if kind == "json":
        return _at(json.loads(text), recipe["path"])
    if kind == "jsonl":
        return _at(json.loads(text.splitlines()[recipe["line"] - 1]), recipe["path"])
    if kind == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        return rows[recipe["row"] - 1][recipe["column"]]
    if kind == "python_string":
        return python_string(text, *recipe["lines"])
    if kind == "java_string":
        return java_string(text, *recipe["lines"])
    if kind == "lines":
        first, last = recipe["lines"]
        return "\n".join(text.splitlines()[first - 1:last])
    raise ValueError(f"unknown container kind {kind!r}")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    page = cut(json.loads(sys.argv[1]), sys.stdin.buffer.read())
    sys.stdout.buffer.write(page.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
