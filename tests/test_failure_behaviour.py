"""How a run fails, and that it gives the same outputs every time.

Determinism: fresh processes with different PYTHONHASHSEED values, on the same files created in
another order, write byte-identical tables, and the same report apart from its build time.
Failure: SIGTERM midway leaves the previous tables as they were and the next run succeeds; an
output folder that cannot be created, a full disk (an injected write error), a missing input
folder and an empty one each give one clear line (and a non-zero exit where the run cannot go on),
never a traceback. `make lab` starts as root and prints the URL, with the project's kernel.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import cli
from helpers.paths import PROJECT_ROOT, SEEDS_DIR

pytestmark = pytest.mark.slow
EXTRA = {  # a few more articles beside the seeds, with contacts in several languages
    "x_fr.txt": "Le président Emmanuel Macron a reçu mardi à l'Élysée le président sénégalais Bassirou Diomaye Faye.\n",
    "x_ru.txt": "Министр иностранных дел России Сергей Лавров провёл переговоры с главой МИД Египта в Москве.\n",
    "x_de.txt": "Bundeskanzler Olaf Scholz hat am Montag in Berlin den kenianischen Präsidenten William Ruto "
                "empfangen.\n",
}


def _tables(input_dir: Path, out: Path, hash_seed: str) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-m", "helpers", "tables", "--input", str(input_dir), "--out", str(out)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, check=False, timeout=900)


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _without_cache(digest: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in digest.items() if not k.startswith("cache/")}


def _folder(path: Path, reverse: bool) -> Path:
    """The seeds and EXTRA, written in name order or in reverse order (another creation order and mtimes)."""
    path.mkdir()
    files = {p.name: p.read_bytes() for p in SEEDS_DIR.iterdir() if p.is_file()}
    files |= {name: text.encode("utf-8") for name, text in EXTRA.items()}
    for name in sorted(files, reverse=reverse):
        (path / name).write_bytes(files[name])
        time.sleep(0.01)
    return path


def test_fresh_processes_hash_seeds_and_file_orders_give_identical_tables(tmp_path):
    runs = []
    for n, (seed, reverse) in enumerate([("0", False), ("4242", True)]):
        result = _tables(_folder(tmp_path / f"in{n}", reverse), tmp_path / f"out{n}", seed)
        assert result.returncode == 0, result.stderr
        runs.append((_digest(tmp_path / f"out{n}" / "tables"), _digest(tmp_path / f"out{n}" / "clean")))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) >= 10 and len(runs[0][1]) == 8


def test_the_report_is_the_same_apart_from_its_build_time(tmp_path):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        result = subprocess.run([sys.executable, "-m", "helpers", "report", "--out", str(out)], capture_output=True,
                                text=True, cwd=PROJECT_ROOT, env=os.environ | {"PYTHONHASHSEED": seed}, check=False,
                                timeout=900)
        assert result.returncode == 0, result.stderr[-2000:]
        body = (out / "report.html").read_text(encoding="utf-8").replace(str(out), "OUT")
        pages.append(re.sub(r"<b>built:</b> [\d-]+ [\d:]+ UTC", "<b>built:</b> TIME", body))
    assert pages[0] == pages[1]


def test_sigterm_midway_leaves_the_previous_tables_and_the_next_run_succeeds(tmp_path):
    folder = _folder(tmp_path / "in", reverse=False)
    out = tmp_path / "out"
    assert _tables(folder, out, "0").returncode == 0
    before = _digest(out)
    (folder / "y_en.txt").write_text("Putin met Goita in Moscow on Tuesday.\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "helpers", "tables", "--input", str(folder), "--out", str(out)],
                            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not any(out.glob(".staging-*")) and time.monotonic() < deadline:  # wait until the run is writing
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM
    assert stderr.strip().splitlines() == ["error: interrupted (SIGTERM); the previous tables and report were left "
                                           "as they were"]
    # The per-article cache may have gained the interrupted run's results (content-addressed, harmless);
    # everything else is as it was.
    assert _without_cache(_digest(out)) == _without_cache(before), sorted(out.glob(".*"))
    assert not any(out.glob(".*"))
    again = _tables(folder, out, "0")
    assert again.returncode == 0 and (out / "clean" / "y_en.txt").exists()


@pytest.mark.parametrize(("args", "line"), [
    pytest.param(["--out", "{file}/out"], r"error: cannot write or read a file \(.*/a_file/out\): Not a directory",
                 id="out-under-a-file"),
    pytest.param(["--input", "{tmp}/nope"], r"error: parameter input_dir: .*", id="missing-input"),
])
def test_unusable_folders_give_one_line(tmp_path, args, line):
    (tmp_path / "a_file").write_text("")
    args = [a.format(file=tmp_path / "a_file", tmp=tmp_path) for a in args]
    result = subprocess.run([sys.executable, "-m", "helpers", "tables", *args], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, check=False)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and re.fullmatch(line, result.stderr.strip())


def test_a_full_disk_gives_one_line_and_keeps_the_previous_tables(tmp_path, monkeypatch, capsys):
    from helpers import articles

    out = tmp_path / "out"
    assert cli.main(["tables", "--out", str(out)]) == 0
    before = _digest(out)
    capsys.readouterr()

    def full(path, text):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(articles, "_atomic_write_text", full)
    assert cli.main(["tables", "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: cannot write or read a file (") and \
        err[0].endswith("): No space left on device")
    assert _digest(out) == before


def test_an_empty_folder_says_so_on_the_reports_first_page(tmp_path):
    empty = tmp_path / "empty"
    (empty / "2024").mkdir(parents=True)
    (empty / "2024" / "a.txt").write_text("Putin met Goita.\n")
    result = subprocess.run([sys.executable, "-m", "helpers", "report", "--input", str(empty), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, cwd=PROJECT_ROOT, check=False,
                            timeout=900)
    assert result.returncode == 0, result.stderr
    hint = "subfolders are not read, and 1 of them hold articles (2024); point INPUT at one of them"
    assert result.stdout.count(hint) == 1
    body = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    first_page = body[body.index("rp-title"):body.index("Headline figures")]
    assert hint in first_page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str, seconds: float = 60) -> dict:
    """GET a JSON answer, retrying while the server (which prints its URL before it listens) starts."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return json.load(answer)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_lab_starts_prints_the_url_and_uses_the_projects_kernel(tmp_path):
    port = _free_port()
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_PORT={port}"], cwd=PROJECT_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            env=os.environ | {"JUPYTER_RUNTIME_DIR": str(tmp_path)})
    try:
        url, deadline = None, time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            found = re.search(rf"(http://127\.0\.0\.1:{port}/lab\?token=\w+)", line)
            url = found.group(1) if found else None
            assert "Running as root is not recommended" not in line
        assert url, "no URL printed"
        token = url.rsplit("=", 1)[1]
        specs = _get_json(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}")
        assert specs["default"] == "python3"  # the kernel the notebooks name (their metadata kernelspec)
        # the native kernel: "python" is run as the server's own interpreter, the .venv's (make lab starts
        # .venv/bin/jupyter)
        assert specs["kernelspecs"]["python3"]["spec"]["argv"][:3] == ["python", "-m", "ipykernel_launcher"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
