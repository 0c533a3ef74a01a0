"""Full disks: ENOSPC on events.jsonl, errors.jsonl or the store.

The previous events and errors files are left exactly as they were (both files are written to
temporary files first and renamed only when both are whole), the store keeps every document
stored before the disk filled, the command says so in one line with exit 2, and the same
command, once there is space, ends with the events of a run that never met a full disk.

Two ways of filling the disk: an injected ENOSPC (a disk with N bytes free: always runs), and
a real size-limited tmpfs mounted in a private mount namespace (`unshare`; skipped where the
machine does not allow it).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner import run_extraction

KECH = (
    "TURBAT, August 3, 2025: Gunmen ambushed a Frontier Corps convoy in Kech district on Saturday, "
    "killing four soldiers and injuring six, officials said.\n"
)
LAKKI = (
    "LAKKI MARWAT, June 12, 2025: Three policemen were killed and two others wounded when a roadside "
    "bomb struck their patrol van in Lakki Marwat district on Wednesday, police said.\n"
)


def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "kech.txt").write_text(KECH, encoding="utf-8")
    (folder / "lakki.txt").write_text(LAKKI, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")  # one problem, so errors.jsonl has a line
    return folder


@pytest.fixture
def full_disk(monkeypatch):
    """`full_disk(name)`: writes of a temporary file for `name` fail with ENOSPC, as on a disk
    with no space left for it (the other file's writes succeed)."""
    real_fdopen = os.fdopen

    def arm(target_name: str):
        def fdopen(fd, *args, **kwargs):
            handle = real_fdopen(fd, *args, **kwargs)
            name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}")) if os.path.exists(f"/proc/self/fd/{fd}") else ""
            if not name.startswith(f".{target_name}."):
                return handle

            class Full:
                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    handle.close()

                def write(self, data):
                    raise OSError(errno.ENOSPC, "No space left on device")

                def __getattr__(self, attr):
                    return getattr(handle, attr)

            return Full()

        monkeypatch.setattr(os, "fdopen", fdopen)

    return arm


def previous_outputs(tmp_path: Path) -> dict[Path, bytes]:
    files = {tmp_path / "events.jsonl": b'{"event_id": "ev-previous"}\n', tmp_path / "errors.jsonl": b'{"path": "old"}\n'}
    for path, data in files.items():
        path.write_bytes(data)
    return files


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="needs /proc")
@pytest.mark.parametrize("full", ["events.jsonl", "errors.jsonl"])
def test_full_disk_on_an_output_leaves_both_previous_files(tmp_path, full_disk, full, nlp):
    folder = inbox(tmp_path)
    before = previous_outputs(tmp_path)
    db = tmp_path / "incidents.db"
    full_disk(full)
    with pytest.raises(OSError, match="the disk is full; the previous files are left as they were"):
        run_extraction(folder, tmp_path / "events.jsonl", store_path=db, time_budget=0)
    assert {path: path.read_bytes() for path in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.jsonl", "events.jsonl", "inbox", "incidents.db"]


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="needs /proc")
def test_full_disk_then_rerun_gives_the_events(tmp_path, full_disk, monkeypatch, nlp):
    folder = inbox(tmp_path)
    previous_outputs(tmp_path)
    db = tmp_path / "incidents.db"
    real_fdopen = os.fdopen
    full_disk("events.jsonl")
    with pytest.raises(OSError):
        run_extraction(folder, tmp_path / "events.jsonl", store_path=db, time_budget=0)
    monkeypatch.setattr(os, "fdopen", real_fdopen)  # space again
    summary = run_extraction(folder, tmp_path / "events.jsonl", store_path=db, time_budget=0)
    assert (summary.documents_processed, summary.documents_already_stored) == (0, 2)
    reference = run_extraction(folder, tmp_path / "reference.jsonl", store_path=tmp_path / "ref.db",
                               errors_path=tmp_path / "ref-errors.jsonl", time_budget=0)
    assert reference.events_written == 2
    assert (tmp_path / "events.jsonl").read_bytes() == (tmp_path / "reference.jsonl").read_bytes()


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="needs /proc")
def test_full_disk_message_is_one_line_exit_2(tmp_path, full_disk, nlp):
    folder = inbox(tmp_path)
    before = previous_outputs(tmp_path)
    full_disk("events.jsonl")
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(tmp_path / "events.jsonl"), "--quiet", "--time-budget", "0"],
                                env={"COLUMNS": "60"})
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "events.jsonl" in lines[0] and "the disk is full" in lines[0] and "left as they were" in lines[0]
    assert {path: path.read_bytes() for path in before} == before


# --- a real full disk: a small tmpfs in a private mount namespace -----------------------------------

CLI = [sys.executable, "-c", "import sys; from pipeline.cli import app; sys.argv[0] = 'incidents'; app()"]


def _namespace_command() -> list[str] | None:
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for command in ([unshare, "-m"], [unshare, "-rm"]) if os.geteuid() == 0 else ([unshare, "-rm"],):
        probe = subprocess.run([*command, "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d"],
                               capture_output=True)
        if probe.returncode == 0:
            return command
    return None


NAMESPACE = _namespace_command()

SCENARIO = r"""
set -u
mount -t tmpfs -o size=768k tmpfs "$MNT" || exit 99
cp "$PREV"/* "$MNT"/ 2>/dev/null
dd if=/dev/zero of="$MNT/ballast" bs=4k 2>/dev/null
truncate -s -"$FREE" "$MNT/ballast"
"$PY" -c "$CODE" extract "$IN" -o "$MNT/events.jsonl" $STORE --quiet --time-budget 0 > /dev/null 2> "$REPORT/first.err"; echo $? > "$REPORT/first.rc"
ls -A "$MNT" > "$REPORT/first.ls"
for f in events.jsonl errors.jsonl; do [ -f "$MNT/$f" ] && cp "$MNT/$f" "$REPORT/first.$f"; done
[ -f "$MNT/incidents.db" ] && "$PY" -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute('PRAGMA integrity_check').fetchone()[0], c.execute('SELECT count(*) FROM documents').fetchone()[0])" "$MNT/incidents.db" > "$REPORT/first.store"
rm "$MNT/ballast"
"$PY" -c "$CODE" extract "$IN" -o "$MNT/events.jsonl" $STORE --quiet --time-budget 0 > /dev/null 2> "$REPORT/second.err"; echo $? > "$REPORT/second.rc"
cp "$MNT/events.jsonl" "$REPORT/second.events.jsonl"
"""


def corpus_inbox(tmp_path: Path, n: int) -> Path:
    source = Path(__file__).resolve().parents[1] / "corpus" / "articles"
    folder = tmp_path / "inbox"
    folder.mkdir()
    for text in sorted(source.glob("*.txt"))[:n]:
        shutil.copy(text, folder / text.name)
        sidecar = text.with_name(text.stem + ".meta.json")
        if sidecar.exists():
            shutil.copy(sidecar, folder / sidecar.name)
    return folder


def run_scenario(tmp_path: Path, folder: Path, *, free: str, store_on_disk: bool, prev: dict[str, bytes]) -> Path:
    mnt, report, prev_dir = tmp_path / "mnt", tmp_path / "report", tmp_path / "prev"
    for d in (mnt, report, prev_dir):
        d.mkdir()
    for name, data in prev.items():
        (prev_dir / name).write_bytes(data)
    store = f"--store {mnt / 'incidents.db'}" if store_on_disk else f"--store {tmp_path / 'incidents.db'}"
    env = dict(os.environ, MNT=str(mnt), REPORT=str(report), PREV=str(prev_dir), FREE=free, IN=str(folder),
               PY=sys.executable, CODE=CLI[2], STORE=store, COLUMNS="300", PYTHONWARNINGS="ignore")
    result = subprocess.run([*NAMESPACE, "sh", "-c", SCENARIO], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode != 99, result.stderr
    return report


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """12 articles of the bundled corpus and the events of an uninterrupted run on them."""
    tmp_path = tmp_path_factory.mktemp("corpus_run")
    folder = corpus_inbox(tmp_path, 12)
    out = tmp_path / "reference" / "events.jsonl"
    subprocess.run([*CLI, "extract", str(folder), "-o", str(out), "--store", str(tmp_path / "reference" / "r.db"),
                    "--quiet", "--time-budget", "0"], capture_output=True, timeout=600, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    return folder, out.read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(NAMESPACE is None, reason="cannot mount a tmpfs in a private mount namespace here")
def test_real_full_disk_on_the_events_file(tmp_path, corpus_run):
    folder, reference = corpus_run
    prev = {"events.jsonl": b'{"event_id": "ev-previous"}\n', "errors.jsonl": b'{"path": "old"}\n'}
    report = run_scenario(tmp_path, folder, free="2k", store_on_disk=False, prev=prev)
    first_err = (report / "first.err").read_text()
    assert (report / "first.rc").read_text().strip() == "2", first_err
    lines = [line for line in first_err.splitlines() if line.strip()]
    assert len(lines) == 1 and "the disk is full; the previous files are left as they were" in lines[0], first_err
    assert (report / "first.events.jsonl").read_bytes() == prev["events.jsonl"]
    assert (report / "first.errors.jsonl").read_bytes() == prev["errors.jsonl"]
    assert not [n for n in (report / "first.ls").read_text().split() if n.endswith(".tmp")]
    assert (report / "second.rc").read_text().strip() == "0", (report / "second.err").read_text()
    assert (report / "second.events.jsonl").read_bytes() == reference


@pytest.mark.slow
@pytest.mark.skipif(NAMESPACE is None, reason="cannot mount a tmpfs in a private mount namespace here")
def test_real_full_disk_on_the_store(tmp_path, corpus_run):
    folder, reference = corpus_run
    report = run_scenario(tmp_path, folder, free="96k", store_on_disk=True, prev={})
    first_err = (report / "first.err").read_text()
    assert (report / "first.rc").read_text().strip() == "2", first_err
    lines = [line for line in first_err.splitlines() if line.strip()]
    assert len(lines) == 1 and "the disk is full (while storing document" in lines[0] and "every document stored before is kept" in lines[0], first_err
    integrity, stored = (report / "first.store").read_text().split()
    assert integrity == "ok" and 0 < int(stored) < 12
    assert (report / "second.rc").read_text().strip() == "0", (report / "second.err").read_text()
    assert orjson.loads((report / "second.events.jsonl").read_bytes().splitlines()[0])
    assert (report / "second.events.jsonl").read_bytes() == reference
