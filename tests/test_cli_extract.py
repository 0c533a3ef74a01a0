"""`incidents extract DIR -o out.jsonl` end to end on a temporary folder of articles written for
the test: exit codes, the events file (schema-valid lines), the errors file, and evidence
offsets that point into the original files."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

SIDECAR_ARTICLE = (
    "Three soldiers martyred in Zhob ambush\n\n"
    "Militants ambushed a Frontier Corps patrol near Zhob on Sunday, killing three soldiers and "
    "injuring two, the military said.\n"
    "Security forces killed four of the attackers in the exchange of fire that followed.\n"
)
DATELINE_ARTICLE = (
    "March 4, 2026\n\n"
    "A remote-controlled bomb exploded near a police van in Bannu on Tuesday, killing two "
    "constables, police said.\n"
    "The van was carrying officers to a checkpoint on the outskirts of the city.\n"
)
BINARY = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4


@pytest.fixture
def article_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "zhob-ambush.txt").write_text(SIDECAR_ARTICLE, encoding="utf-8")
    (folder / "zhob-ambush.meta.json").write_text(
        json.dumps({"published": "2026-03-02", "source": "test", "url": None}), encoding="utf-8"
    )
    (folder / "bannu-bomb.txt").write_text(DATELINE_ARTICLE, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(BINARY)
    return folder


@pytest.fixture
def cli_run(nlp, article_folder, tmp_path):
    """Run the command once over the folder; return (result, output path, errors path)."""
    output = tmp_path / "out" / "out.jsonl"
    output.parent.mkdir()
    result = CliRunner().invoke(app, ["extract", str(article_folder), "-o", str(output), "--quiet"])
    return result, output, output.with_name("errors.jsonl")


def _read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_cli_extract_exit_code_when_some_inputs_fail(cli_run):
    result, output, _ = cli_run
    assert result.exit_code == 1, result.output
    assert output.exists()


def test_cli_extract_events_are_schema_valid(cli_run, event_validator):
    _, output, _ = cli_run
    events = _read_jsonl(output)
    assert events
    for event in events:
        errors = sorted(event_validator.iter_errors(event), key=str)
        assert not errors, [e.message for e in errors]


def test_cli_extract_one_event_per_article(cli_run):
    _, output, _ = cli_run
    events = _read_jsonl(output)
    by_doc = {m["doc_id"]: (event, m) for event in events for m in event["mentions"]}
    assert set(by_doc) == {"zhob-ambush", "bannu-bomb"}, by_doc
    zhob, zhob_mention = by_doc["zhob-ambush"]
    bannu, bannu_mention = by_doc["bannu-bomb"]
    # publication dates: from the sidecar, and from the date line
    assert zhob_mention["published"] == "2026-03-02"
    assert bannu_mention["published"] == "2026-03-04"
    assert (zhob["district"], zhob["date"], zhob["killed"], zhob["injured"]) == ("Zhob", "2026-03-01", 3, 2)
    assert zhob["perpetrators_killed"] == 4
    assert (bannu["district"], bannu["date"], bannu["killed"], bannu["method"]) == (
        "Bannu",
        "2026-03-03",
        2,
        "bombing",
    )


def test_cli_extract_errors_file_lists_binary(cli_run, article_folder):
    _, _, errors_path = cli_run
    problems = _read_jsonl(errors_path)
    failed = [p for p in problems if p["stage"] not in {"dedup", "metadata"}]
    assert [p["path"] for p in failed] == [str(article_folder / "scan.pdf")], problems
    assert failed[0]["reason"]


def test_cli_extract_evidence_offsets_point_into_files(cli_run, article_folder):
    _, output, _ = cli_run
    texts = {
        "zhob-ambush": (article_folder / "zhob-ambush.txt").read_text(encoding="utf-8"),
        "bannu-bomb": (article_folder / "bannu-bomb.txt").read_text(encoding="utf-8"),
    }
    checked = 0
    for event in _read_jsonl(output):
        for mention in event["mentions"]:
            text = texts[mention["doc_id"]]
            for evidence in mention["evidence"]:
                assert evidence["text"]
                assert text[evidence["start"] : evidence["end"]] == evidence["text"]
                checked += 1
    assert checked >= 2


def test_cli_extract_clean_folder_exits_zero(nlp, tmp_path):
    folder = tmp_path / "clean"
    folder.mkdir()
    (folder / "bannu-bomb.txt").write_text(DATELINE_ARTICLE, encoding="utf-8")
    output = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(output), "--quiet"])
    assert result.exit_code == 0, result.output
    assert len(_read_jsonl(output)) == 1
    assert _read_jsonl(output.with_name("errors.jsonl")) == []


def test_cli_extract_missing_path_exits_two(tmp_path):
    result = CliRunner().invoke(
        app, ["extract", str(tmp_path / "nowhere"), "-o", str(tmp_path / "e.jsonl"), "--quiet"]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "e.jsonl").exists()


@pytest.mark.slow
def test_cli_extract_installed_command(article_folder, tmp_path, event_validator):
    """The `incidents` console script of the environment, in a process of its own."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    command = Path(sys.executable).with_name("incidents")
    if not command.exists():
        found = shutil.which("incidents")
        if found is None:
            pytest.skip("the incidents console script is not installed")
        command = Path(found)
    output = tmp_path / "sub" / "events.jsonl"
    output.parent.mkdir()
    completed = subprocess.run(
        [str(command), "extract", str(article_folder), "-o", str(output), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1, completed.stderr
    events = _read_jsonl(output)
    assert {m["doc_id"] for e in events for m in e["mentions"]} == {"zhob-ambush", "bannu-bomb"}
    for event in events:
        assert not list(event_validator.iter_errors(event))
    assert "scan.pdf" in output.with_name("errors.jsonl").read_text(encoding="utf-8")


def test_cli_extract_missing_path_fails_before_any_progress_bar(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nowhere"), "-o", str(tmp_path / "e.jsonl")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output and "nowhere" in result.output
    assert "extracting" not in result.output and "0/0" not in result.output


def test_progress_total_counts_documents_not_sidecars(article_folder):
    from pipeline.runner import count_documents

    # zhob-ambush.txt (with its .meta.json sidecar), bannu-bomb.txt and scan.pdf (a failure the
    # bar also advances for)
    assert count_documents(article_folder) == 3
    (article_folder / ".DS_Store").write_bytes(b"\x00\x01")
    (article_folder / "batch.jsonl").write_text(
        '{"id": "a", "text": "one"}\n\n{"id": "b", "text": "two"}\n', encoding="utf-8"
    )
    assert count_documents(article_folder) == 5  # hidden files skipped, one per JSONL line
    assert count_documents(article_folder / "batch.jsonl") == 2
    assert count_documents(article_folder / "zhob-ambush.meta.json") == 0


def test_progress_advances_once_per_counted_document(nlp, article_folder, tmp_path):
    from pipeline.runner import count_documents, run_extraction

    (article_folder / "batch.jsonl").write_text(
        '{"id": "a", "text": "A bomb killed two people in Bannu on Monday.", "published": "2025-01-07"}\n'
        "not json\n", encoding="utf-8"
    )
    seen = []
    run_extraction(article_folder, tmp_path / "out.jsonl", on_document=seen.append)
    assert len(seen) == count_documents(article_folder) == 5


@pytest.mark.parametrize("options", [["--one-pass"], ["--n-process", "2"]])
def test_cli_extract_one_pass_and_two_processes_write_the_same_events(cli_run, article_folder, tmp_path, options):
    result, output, _ = cli_run
    other = tmp_path / "other.jsonl"
    again = CliRunner().invoke(app, ["extract", str(article_folder), "-o", str(other), "--quiet", *options])
    assert again.exit_code == result.exit_code == 1, again.output  # the PDF fails either way
    assert _read_jsonl(other) == _read_jsonl(output)
