"""The Dask engine gives exactly the events of a single-process run (LocalCluster, 2 workers)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed")

from pipeline.dask_runner import dask_client, extract_with_dask  # noqa: E402
from pipeline.runner import run_extraction  # noqa: E402

# Articles written for this test: two reports of one attack (a rising toll), an unrelated
# attack, and a piece with no incident.
ARTICLES = {
    "t1_bannu-checkpost.txt": (
        "Militants attack check post in Bannu\n\n"
        "BANNU: Four policemen were killed and two others injured when militants attacked a "
        "police check post in the Domel area of Bannu district on Monday night, police said.\n\n"
        "The attackers used heavy weapons and fled after an exchange of fire lasting an hour. "
        "A search operation was launched in the area.\n"
    ),
    "t2_bannu-toll-rises.txt": (
        "Bannu check post toll rises to six\n\n"
        "BANNU: The death toll from Monday's militant attack on a police check post in Domel, "
        "Bannu district, rose to six on Wednesday after two injured policemen died in hospital.\n\n"
        "The outlawed Tehreek-e-Taliban Pakistan later claimed the attack.\n"
    ),
    "t3_quetta-blast.txt": (
        "Roadside bomb kills three in Quetta\n\n"
        "QUETTA: Three people were killed and eleven wounded when a roadside bomb exploded near a "
        "vegetable market on Sariab Road in Quetta on Tuesday morning, officials said.\n\n"
        "The bomb had been planted on a motorcycle parked by the road, a police official said. "
        "No group claimed the blast.\n"
    ),
    "t4_budget-session.txt": (
        "Provincial assembly passes budget\n\n"
        "PESHAWAR: The provincial assembly on Thursday passed the budget for the next fiscal year "
        "after a debate of four days. The finance minister said spending on schools and hospitals "
        "would rise by a tenth.\n"
    ),
}
DATES = {
    "t1_bannu-checkpost": "2025-06-03",
    "t2_bannu-toll-rises": "2025-06-05",
    "t3_quetta-blast": "2025-06-04",
    "t4_budget-session": "2025-06-06",
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask_articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        doc_id = name.removesuffix(".txt")
        (folder / f"{doc_id}.meta.json").write_text(json.dumps({"published": DATES[doc_id]}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_events(articles, tmp_path_factory):
    output = tmp_path_factory.mktemp("local") / "events.jsonl"
    summary = run_extraction(articles, output)
    assert summary.exit_code == 0
    return output.read_bytes()


@pytest.fixture(scope="module")
def client():
    with dask_client(n_workers=2, processes=True) as dask:
        yield dask


def test_dask_run_extraction_writes_the_local_events(articles, local_events, client, tmp_path, monkeypatch):
    import pipeline.dask_runner as dask_runner

    # the runner builds its own LocalCluster; hand it the test's cluster instead of a third one
    original = dask_runner.dask_client
    monkeypatch.setattr(dask_runner, "dask_client", lambda *a, **k: original(client=client))
    output = tmp_path / "events.jsonl"
    summary = run_extraction(articles, output, engine="dask", n_process=2)
    assert summary.exit_code == 0
    assert summary.documents_processed == len(ARTICLES)
    assert output.read_bytes() == local_events
    assert len(local_events.splitlines()) >= 2  # the incidents are found at all


def test_dask_extract_with_dask_matches_local_and_spreads_work(articles, local_events, client):
    events = extract_with_dask(articles, client=client, docs_per_task=1)
    assert events == [json.loads(line) for line in local_events.splitlines()]
    # every worker loaded the pipeline and took part (4 tasks of one document, 2 workers)
    workers = client.run(lambda: __import__("pipeline.extraction").extraction._load_cached.cache_info().currsize)
    assert len(workers) == 2
    assert all(size == 1 for size in workers.values())


def test_dask_extract_with_dask_store_matches_local(articles, local_events, client, tmp_path):
    store = tmp_path / "incidents.db"
    first = extract_with_dask(articles, client=client, store_path=store)
    again = extract_with_dask(articles, client=client, store_path=store)  # nothing new to process
    expected = [json.loads(line) for line in local_events.splitlines()]
    assert first == expected
    assert again == expected


def test_dask_extract_with_dask_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError):
        extract_with_dask(tmp_path / "absent")


def test_dask_unknown_engine_is_refused(articles, tmp_path):
    with pytest.raises(ValueError, match="engine"):
        run_extraction(articles, tmp_path / "events.jsonl", engine="spark")
