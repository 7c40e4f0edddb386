"""The benchmark scripts still run: each in its tiny ``--quick`` mode (no timing assertions)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
