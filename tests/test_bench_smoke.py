"""The benchmark scripts still run: each in its tiny ``--quick`` mode (no timing assertions)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.label_xmu import SHARED

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ["crawl", "incremental", "state_scale", "profile"]


def run(script: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bench" / f"{script}.py"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("script", SCRIPTS)
def test_help(script):
    proc = run(script, "--help", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "--quick" in proc.stdout


@pytest.mark.parametrize("script", SCRIPTS)
def test_quick(script, tmp_path):
    if script == "profile":
        if not (shutil.which("py-spy") or (Path(sys.executable).parent / "py-spy").exists()):
            pytest.skip("py-spy is not installed (pip install py-spy)")
        args = ["--quick", "--out", str(tmp_path / "profile.txt")]
    else:
        args = ["--quick"]
    proc = run(script, *args)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "target" in proc.stdout or "component" in proc.stdout


def test_crawl_ab_of_a_setting_runs_only_the_setups_asked_for():
    proc = run("crawl", "--quick", "--setups", "newscrawler,minimal,newscrawler+LOG_LEVEL=INFO",
               "--set", "CONCURRENT_ITEMS=100")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "extra settings {'CONCURRENT_ITEMS': '100'}" in proc.stdout
    assert "round 1 minimal" in proc.stdout and "round 1 newscrawler " in proc.stdout
    assert "round 1 newscrawler+LOG_LEVEL=INFO" in proc.stdout
    assert "round 1 crawlspider" not in proc.stdout and "round 1 scrapy bench" not in proc.stdout
    bad = run("crawl", "--quick", "--setups", "minimal", timeout=60)
    assert bad.returncode == 2 and "needs newscrawler" in bad.stderr
    bad = run("crawl", "--quick", "--setups", "newscrawler,nosuch", timeout=60)
    assert bad.returncode == 2 and "unknown setup" in bad.stderr
    bad = run("crawl", "--quick", "--set", "NOEQUALS", timeout=60)
    assert bad.returncode == 2 and "NAME=VALUE" in bad.stderr


def test_extraction_benchmark_runs_on_one_tool_and_scores_it():
    """bench/extraction.py (no --quick: its page sets are fixed) with one tool, one pass.
    Its pages are the real ones in ``../shared/realpages``, which a clone elsewhere lacks."""
    if not (SHARED / "realpages").is_dir():
        pytest.skip(f"real pages not found at {SHARED / 'realpages'}")
    proc = run("extraction", "--repeat", "1", "--limit-en", "5", "--tools", "newscrawler")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    held_out = proc.stdout.split("zh-xmu held-out sites", 1)[1].splitlines()
    row = next(line for line in held_out if line.startswith("newscrawler"))
    body_f1 = float(row.split()[1])
    assert 0.9 < body_f1 <= 1.0  # scored by bench/metrics.py, as the extraction tests are


def test_blind_benchmark_scores_the_pages_it_finds_and_tells_how_to_fetch_the_rest(tmp_path):
    """bench/blind.py scores the batch pages present under --pages (here one page, written
    from the label, so its date, author and title are all right) and names the missing ones;
    --fetch-commands prints a ``git show <commit>:<path>`` for every page."""
    import json

    labels = json.loads((ROOT / "bench" / "blind_labels.json").read_text("utf-8"))
    label = labels["batches"]["3"]["pages"][0]
    page = tmp_path / "3" / label["path"]
    page.parent.mkdir(parents=True)
    page.write_text(f"""<html><head><meta charset="utf-8"><title>{label['title']}</title></head>
<body><h1>{label['title']}</h1><div class="info">撰文：{label['author']} 出版：{label['published']}
</div><div class="article"><p>{"正文内容足够长，用来确认这里就是文章的主体。" * 8}</p></div></body>
</html>""", encoding="utf-8")
    proc = run("blind", "--pages", str(tmp_path), "--batch", "3", timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    missing = len(labels["batches"]["3"]["pages"]) - 1
    assert f"{missing} pages missing" in proc.stdout
    row = next(line for line in proc.stdout.splitlines()
               if line.startswith("newscrawler") and "missing" not in line)
    assert row.split()[2:7] == ["1", "1/1", "1/1", "0", "1/1"]
    proc = run("blind", "--fetch-commands", "--pages", str(tmp_path), timeout=60)
    commands = proc.stdout.splitlines()
    assert len(commands) == sum(len(b["pages"]) for b in labels["batches"].values())
    assert all("git -C" in line and " show '" in line for line in commands)


def cut(recipe: str, source: str) -> str:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "blind_cut.py"), recipe],
                          input=source.encode("utf-8"), capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode("utf-8")


def test_a_page_held_in_java_string_literals_is_cut_out_as_the_page(tmp_path):
    """Batch 71's pages are string literals in Java demos: --fetch-commands pipes the source
    through blind_cut.py, which joins the literals of the labelled lines and undoes Java's
    escapes (quotes, backslashes, \\n, \\uXXXX), and nothing outside those lines."""
    source = "\n".join([
        'String before = "<p>not this</p>";',
        'String html = "<html><head><meta charset=\\"utf-8\\"></head>\\n" +',
        '        "<body><p>\\u4e2d\\u6587 a\\\\b</p>" + // a comment',
        '        "</body></html>";',
        'String after = "<p>nor this</p>";',
    ])
    assert cut('{"kind": "java_string", "lines": [2, 4]}', source) == (
        '<html><head><meta charset="utf-8"></head>\n<body><p>中文 a\\b</p></body></html>')
    commands = run("blind", "--fetch-commands", "--batch", "71", "--pages", str(tmp_path),
                   timeout=60).stdout.splitlines()
    assert commands and all(
        "| python bench/blind_cut.py '{\"kind\": \"java_string\", \"lines\": [" in c
        for c in commands)


def test_a_page_kept_inside_another_file_is_cut_out_by_its_recipe():
    """A notebook stores a cell's printed output as a list of lines (joined with nothing); a
    JSON-lines or CSV dump keeps the page in one record's field; Python keeps it as implicitly
    concatenated literals; a Markdown fence keeps it verbatim. Each recipe gives back exactly
    the page, unescaped."""
    page = '<html><head><title>标题</title></head>\n<body><p>"正文" a\\b</p></body></html>\n'
    notebook = json.dumps({"cells": [{"outputs": []}, {"outputs": [
        {"output_type": "stream", "text": page.splitlines(keepends=True)}]}]}, ensure_ascii=False)
    assert cut('{"kind": "json", "path": ["cells", 1, "outputs", 0, "text"]}', notebook) == page
    dump = "\n".join(json.dumps({"url": f"u{i}", "html": page if i == 2 else "x"})
                     for i in range(1, 4))
    assert cut('{"kind": "jsonl", "line": 2, "path": ["html"]}', dump) == page
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerows([["url", "content"], ["u1", "x"], ["u2", page]])
    assert cut('{"kind": "csv", "row": 2, "column": "content"}', table.getvalue()) == page
    python = "\n".join(["x = 1", "html = (", f"    {page[:30]!r}", f"    {page[30:]!r}", ")"])
    assert cut('{"kind": "python_string", "lines": [3, 4]}', python) == page
    python = 'def test():\n    sample_html = """' + page.replace("\\", "\\\\") + '"""\n    assert 1'
    last = python.count("\n")  # the closing quotes' line
    assert cut(f'{{"kind": "python_string", "lines": [2, {last}]}}', python) == page
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "blind_cut.py"),
                           '{"kind": "python_string", "lines": [1, 1]}'],
                          input=b"print('no')", capture_output=True, timeout=60)
    assert proc.returncode != 0  # code is never run: only literals are evaluated
    markdown = "# 笔记\n\n```html\n" + page + "```\n"
    assert cut('{"kind": "lines", "lines": [4, 5]}', markdown) == page.rstrip("\n")
