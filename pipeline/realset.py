"""The real-news development set (corpus/real/): manifest, gold checks, texts and splits.

Third-party texts never enter the repository. What is committed is a manifest (one line per
document: where its stored copy is found, its hash and length) and gold labels whose evidence is
`[start, end]` character offsets into the saved text. The texts themselves live in a git-ignored
folder (`corpus/real/texts/<doc_id>.txt`) and are re-obtained from the stored copies of the pages
(corpus/real/README.md says how); `check_texts` says which are present, missing or changed, and
`write_inputs` lays out the split folders that `incidents extract` and `incidents evaluate` read.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .events import FIELD_NAMES, vocabulary

REAL_DIR = Path(__file__).resolve().parent.parent / "corpus" / "real"
SPLITS = ("tune", "holdout")
MANIFEST_KEYS = ("doc_id", "url", "query", "published", "sha256", "chars", "outlet")
DOC_ID = re.compile(r"^[a-z]{2}\d{3}_[a-z0-9-]+$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
PROVINCES = frozenset({
    "Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh", "Islamabad Capital Territory",
    "Gilgit-Baltistan", "Azad Kashmir",
})
#: Later years are kept for held-out evaluation: the development set stops before this.
LAST_YEAR = 2021


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def sha256_text(text: str) -> str:
    """Hash of a saved text: SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_literal(literal: str) -> str:
    """The text of an excerpt copied as its JSON string literal (quotes and escapes as shown)."""
    literal = literal.strip()
    if not (literal.startswith('"') and literal.endswith('"')):
        raise ValueError("expected a JSON string literal, starting and ending with a double quote")
    text = json.loads(literal)
    if not isinstance(text, str) or not text:
        raise ValueError("the literal decodes to an empty text")
    return text


def read_text(path: Path) -> str:
    """A saved text exactly as written (no newline translation, so offsets hold)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def save_text(texts_dir: Path, doc_id: str, text: str) -> tuple[str, int]:
    """Write `text` as `<texts_dir>/<doc_id>.txt`; return its sha256 and length in characters."""
    texts_dir.mkdir(parents=True, exist_ok=True)
    with open(texts_dir / f"{doc_id}.txt", "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return sha256_text(text), len(text)


# --- the manifest ---------------------------------------------------------------------------

def manifest_problems(rows: list[dict[str, Any]]) -> list[str]:
    """What is wrong with manifest lines: keys, id form, dates before the held-out years, hashes."""
    problems, seen_ids, seen_hashes = [], set(), {}
    for number, row in enumerate(rows, start=1):
        where = f"manifest line {number} ({row.get('doc_id', '?')})"
        missing = [key for key in MANIFEST_KEYS if key not in row]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if not DOC_ID.match(str(row["doc_id"])):
            problems.append(f"{where}: doc_id must look like ab012_short-slug")
        if row["doc_id"] in seen_ids:
            problems.append(f"{where}: duplicate doc_id")
        seen_ids.add(row["doc_id"])
        if not str(row["url"]).startswith(("http://", "https://")):
            problems.append(f"{where}: url must be an http(s) address")
        if not isinstance(row["query"], str) or not row["query"].strip():
            problems.append(f"{where}: query must be the text that finds the stored copy")
        published = row["published"]
        if published is not None:
            if not isinstance(published, str) or not DATE.match(published):
                problems.append(f"{where}: published must be YYYY[-MM[-DD]] or null")
            elif int(published[:4]) > LAST_YEAR:
                problems.append(f"{where}: published {published} is in the held-out years")
        if not isinstance(row["sha256"], str) or not SHA256.match(row["sha256"]):
            problems.append(f"{where}: sha256 must be 64 lowercase hex digits")
        elif row["sha256"] in seen_hashes:
            problems.append(f"{where}: same text as {seen_hashes[row['sha256']]}")
        else:
            seen_hashes[row["sha256"]] = row["doc_id"]
        if not isinstance(row["chars"], int) or row["chars"] <= 0:
            problems.append(f"{where}: chars must be a positive integer")
        if not isinstance(row["outlet"], str) or not row["outlet"].strip():
            problems.append(f"{where}: outlet must name the publisher")
        if "split" in row and row["split"] not in SPLITS:
            problems.append(f"{where}: split must be one of {', '.join(SPLITS)}")
    return problems


# --- the gold -------------------------------------------------------------------------------

def _field_problems(values: dict[str, Any], where: str) -> list[str]:
    problems = []

    def bad(condition: bool, message: str) -> None:
        if condition:
            problems.append(f"{where}: {message}")

    bad(values.get("event_type") not in vocabulary("event_type"), f"event_type {values.get('event_type')!r}")
    bad(values.get("method") not in vocabulary("method"), f"method {values.get('method')!r}")
    bad(values.get("suicide") not in (True, False, None), "suicide must be true, false or null")
    date = values.get("date")
    bad(date is not None and not (isinstance(date, str) and DATE.match(date)), f"date {date!r}")
    bad(values.get("country") is None, "country is required")
    province = values.get("province")
    bad(values.get("country") == "Pakistan" and province is not None and province not in PROVINCES,
        f"province {province!r}")
    perpetrators = values.get("perpetrators")
    if not isinstance(perpetrators, list):
        problems.append(f"{where}: perpetrators must be a list")
    else:
        for item in perpetrators:
            bad(not isinstance(item, dict) or set(item) != {"group", "attribution"},
                "perpetrator must be {group, attribution}")
            bad(isinstance(item, dict) and item.get("attribution") not in vocabulary("attribution"),
                f"attribution {item!r}")
    targets = values.get("targets")
    bad(not isinstance(targets, list) or not set(targets) <= set(vocabulary("target")),
        f"targets {targets!r}")
    for count in ("killed", "injured", "perpetrators_killed"):
        value = values.get(count)
        bad(value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0),
            f"{count} must be a non-negative integer or null")
    bad(values.get("qualifier") not in (None, "exact", "at_least", "approx"), "qualifier")
    bad(values.get("killed") is None and values.get("qualifier") is not None,
        "qualifier must be null when killed is null")
    return problems


def gold_problems(
    gold: list[dict[str, Any]],
    manifest: list[dict[str, Any]],
    texts_dir: Path | None = None,
) -> list[str]:
    """What is wrong with gold events: format, vocabularies, unique ids, documents known to the
    manifest, `published` as the manifest says, evidence offsets inside the text (its length from
    the manifest; the text itself is read when `texts_dir` has it, to check no span is blank)."""
    docs = {row["doc_id"]: row for row in manifest if "doc_id" in row}
    problems, ids = [], set()
    for event in gold:
        key = event.get("id")
        where = f"gold {key!r}"
        if not isinstance(key, str) or not key:
            problems.append(f"{where}: every event needs an id")
        elif key in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(key)
        if not isinstance(event.get("required"), bool):
            problems.append(f"{where}: required must be true or false")
        problems += _field_problems(event, where)
        mentions = event.get("mentions")
        if not isinstance(mentions, list) or not mentions:
            problems.append(f"{where}: no mentions")
            continue
        doc_ids = [m.get("doc_id") for m in mentions]
        if len(doc_ids) != len(set(doc_ids)):
            problems.append(f"{where}: two mentions from one document")
        for mention in mentions:
            here = f"{where} / {mention.get('doc_id')}"
            missing = [name for name in FIELD_NAMES if name not in mention]
            if missing:
                problems.append(f"{here}: missing {', '.join(missing)}")
                continue
            problems += _field_problems(mention, here)
            doc = docs.get(mention.get("doc_id"))
            if doc is None:
                problems.append(f"{here}: document not in the manifest")
                continue
            if mention.get("published") != doc["published"]:
                problems.append(f"{here}: published {mention.get('published')!r}, manifest says {doc['published']!r}")
            if "required" in mention and not isinstance(mention["required"], bool):
                problems.append(f"{here}: required must be true or false")
            problems += _evidence_problems(mention.get("evidence"), doc, texts_dir, here)
    return problems


def _evidence_problems(evidence: Any, doc: dict[str, Any], texts_dir: Path | None, where: str) -> list[str]:
    if not isinstance(evidence, list) or not evidence:
        return [f"{where}: evidence must be a non-empty list of [start, end] offsets"]
    text = None
    if texts_dir is not None and (texts_dir / f"{doc['doc_id']}.txt").is_file():
        text = read_text(texts_dir / f"{doc['doc_id']}.txt")
        if sha256_text(text) != doc["sha256"]:
            text = None  # a changed text: check_texts reports it; offsets are checked by length
    problems = []
    for span in evidence:
        if (not isinstance(span, list) or len(span) != 2
                or not all(isinstance(n, int) and not isinstance(n, bool) for n in span)):
            problems.append(f"{where}: evidence {span!r} is not [start, end]")
        elif not 0 <= span[0] < span[1] <= doc["chars"]:
            problems.append(f"{where}: evidence {span} outside the text (0..{doc['chars']})")
        elif text is not None and not text[span[0]:span[1]].strip():
            problems.append(f"{where}: evidence {span} is blank")
    return problems


# --- texts on this machine -------------------------------------------------------------------

@dataclass
class TextCheck:
    present: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.changed


def check_texts(manifest: list[dict[str, Any]], texts_dir: Path) -> TextCheck:
    """Which manifest documents have their text saved here unchanged (same sha256)."""
    result = TextCheck()
    for row in manifest:
        path = texts_dir / f"{row['doc_id']}.txt"
        if not path.is_file():
            result.missing.append(row["doc_id"])
        elif sha256_text(read_text(path)) != row["sha256"]:
            result.changed.append(row["doc_id"])
        else:
            result.present.append(row["doc_id"])
    return result


def resolve_evidence(event: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """A copy of a gold event whose `[start, end]` evidence also carries the text it points to
    (`{start, end, text}`), for evaluation reports on a machine that has the texts."""
    mentions = []
    for mention in event["mentions"]:
        text = texts.get(mention["doc_id"])
        evidence = [
            {"start": s, "end": e, "text": text[s:e]} if text is not None else [s, e]
            for s, e in mention["evidence"]
        ]
        mentions.append({**mention, "evidence": evidence})
    return {**event, "mentions": mentions}


def write_inputs(
    manifest: list[dict[str, Any]], gold: list[dict[str, Any]], texts_dir: Path, out_dir: Path
) -> dict[str, int]:
    """Lay out `<out_dir>/<split>/` (texts with `.meta.json` sidecars for `incidents extract`) and
    `<out_dir>/<split>.gold.jsonl` (the gold events of that split's documents, with their mentions
    in them, evidence resolved) for every split, from the texts present and unchanged. A document
    whose text is missing or changed is left out of both, so a split's gold scores exactly the
    texts an extractor is given (a lost page is not counted as misses). Returns documents written
    per split."""
    texts = {}
    for row in manifest:
        path = texts_dir / f"{row['doc_id']}.txt"
        if path.is_file():
            text = read_text(path)
            if sha256_text(text) == row["sha256"]:
                texts[row["doc_id"]] = text
    split_of = {row["doc_id"]: row.get("split") for row in manifest}
    written = {}
    for split in SPLITS:
        folder = out_dir / split
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.iterdir():
            stale.unlink()
        count = 0
        for row in manifest:
            if split_of[row["doc_id"]] != split or row["doc_id"] not in texts:
                continue
            with open(folder / f"{row['doc_id']}.txt", "w", encoding="utf-8", newline="") as handle:
                handle.write(texts[row["doc_id"]])
            meta = {"published": row["published"], "source": row["outlet"], "url": row["url"]}
            (folder / f"{row['doc_id']}.meta.json").write_text(json.dumps(meta) + "\n", encoding="utf-8")
            count += 1
        written[split] = count
        events = []
        for event in gold:
            # an incident that documents of both splits report (a round-up in one split recalls an
            # attack another split's pages report as news) is scored in each on its own reports
            mentions = [m for m in event["mentions"]
                        if split_of.get(m["doc_id"]) == split and m["doc_id"] in texts]
            if mentions:
                events.append(resolve_evidence({**event, "mentions": mentions}, texts))
        write_jsonl(out_dir / f"{split}.gold.jsonl", events)
    return written


# --- the split --------------------------------------------------------------------------------

def assign_splits(
    manifest: list[dict[str, Any]], gold: list[dict[str, Any]], *, seed: int = 0, tune_share: float = 2 / 3
) -> dict[str, str]:
    """Split documents by incident: documents that report one incident (news or background) are
    joined, and each joined group goes whole to `tune` or `holdout`, in a seeded random order,
    so that `tune` holds about `tune_share` of the documents."""
    parent = {row["doc_id"]: row["doc_id"] for row in manifest}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for event in gold:
        doc_ids = [m["doc_id"] for m in event["mentions"] if m["doc_id"] in parent]
        for other in doc_ids[1:]:
            parent[root(other)] = root(doc_ids[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(parent):
        groups[root(doc_id)].append(doc_id)
    order = sorted(groups)
    random.Random(seed).shuffle(order)
    target, tune_count, split_of = tune_share * len(parent), 0, {}
    for key in order:
        members = groups[key]
        split = "tune" if tune_count + len(members) / 2 <= target else "holdout"
        tune_count += len(members) if split == "tune" else 0
        for doc_id in members:
            split_of[doc_id] = split
    return split_of


# --- statistics -------------------------------------------------------------------------------

def statistics(manifest: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures corpus/real/README.md reports: documents, incidents, reports per incident,
    documents without incidents, outlets, provinces, methods, splits."""
    in_gold = {m["doc_id"] for e in gold for m in e["mentions"] if m.get("required", e["required"])}
    reports = [len({m["doc_id"] for m in e["mentions"]}) for e in gold]

    def count(values: Iterable[Any]) -> dict[str, int]:
        tally: dict[str, int] = defaultdict(int)
        for value in values:
            tally[str(value)] += 1
        return dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))

    required = [e for e in gold if e["required"]]
    return {
        "documents": len(manifest),
        "incidents": len(gold),
        "incidents_required": len(required),
        "mentions": sum(reports),
        "incidents_with_2_to_4_reports": sum(2 <= n <= 4 for n in reports),
        "documents_without_news_incident": sum(row["doc_id"] not in in_gold for row in manifest),
        "outlets": count(row["outlet"] for row in manifest),
        "years": count(str(row["published"])[:4] if row["published"] else "undated" for row in manifest),
        "provinces": count(e["province"] or e["country"] for e in gold),
        "methods": count(e["method"] for e in gold),
        "splits": count(row.get("split") for row in manifest),
    }


# --- assembling the annotators' parts ---------------------------------------------------------

#: Group codes the annotators wrote in two spellings: one code each in the assembled gold.
GROUP_CODE_VARIANTS = {"United States": "US Armed Forces", "Jundallah": "Jundullah"}


def _latest_published(event: dict[str, Any]) -> str:
    return max((m.get("published") or "" for m in event["mentions"]), default="")


def assemble(
    parts: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]],
    same: list[list[str]] = (),
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One manifest and one gold from the slices' (manifest, reconciled gold) pairs.

    An incident labelled in two slices (the same id: district and date, or ids listed together
    in `same`, kept under the first) becomes one event with the mentions of both; its top-level
    fields are those of the slice whose report is the most recent, and it is required when any
    slice requires it. Raises ValueError when a document is in two slices or one document would
    report one incident twice."""
    alias = {other: ids[0] for ids in same for other in ids[1:]}
    manifest: list[dict[str, Any]] = []
    seen_docs: dict[str, int] = {}
    events: dict[str, dict[str, Any]] = {}
    for number, (rows, gold) in enumerate(parts):
        for row in rows:
            if row["doc_id"] in seen_docs:
                raise ValueError(f"{row['doc_id']} is in two slices")
            seen_docs[row["doc_id"]] = number
            manifest.append(row)
        for event in gold:
            event = json.loads(json.dumps(event))  # a deep copy
            event["id"] = alias.get(event["id"], event["id"])
            for holder in [event, *event["mentions"]]:
                for perpetrator in holder.get("perpetrators") or []:
                    perpetrator["group"] = GROUP_CODE_VARIANTS.get(perpetrator["group"], perpetrator["group"])
            known = events.get(event["id"])
            if known is None:
                events[event["id"]] = event
                continue
            docs = {m["doc_id"] for m in known["mentions"]}
            if docs & {m["doc_id"] for m in event["mentions"]}:
                raise ValueError(f"{event['id']}: one document reports it in two slices")
            mentions = known["mentions"] + event["mentions"]
            newer = event if _latest_published(event) > _latest_published(known) else known
            events[event["id"]] = {**newer, "required": known["required"] or event["required"], "mentions": mentions}
    manifest.sort(key=lambda row: row["doc_id"])
    gold = sorted(events.values(), key=lambda e: e["id"])
    return manifest, gold


# --- error analysis ---------------------------------------------------------------------------

ERROR_COLUMNS = ("miss", "false_alarm", "killed", "injured", "date", "district", "province",
                 "method", "perpetrators", "targets")


def error_key(error: dict[str, Any]) -> list[Any]:
    """What identifies one error of `EvaluationResult.errors()` across versions of the extractor
    (no text: predicted event ids change, so a false alarm is known by its place and date)."""
    if error["kind"] == "miss":
        return ["miss", error["doc_id"], error["gold_event"]]
    if error["kind"] == "false_alarm":
        return ["false_alarm", error["doc_id"], error["pred"].get("district"), error["pred"].get("date")]
    return ["field", error["doc_id"], error["gold_event"], error["field"]]


def error_table(causes: list[dict[str, Any]], current: list[dict[str, Any]] | None = None) -> str:
    """A Markdown table of errors per cause (rows) and kind or field (columns), from the
    annotated errors `causes` (each with `cause`, `kind`, `field` and `key`). With `current`
    (the errors of a later run), only the annotated errors still present are counted, and a last
    row counts the new errors no one has annotated yet."""
    present = None if current is None else {json.dumps(error_key(e)) for e in current}
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in causes:
        if present is None or json.dumps(row["key"]) in present:
            table[row["cause"]][row["kind"] if row["kind"] != "field" else row["field"]] += 1
    if current is not None:
        known = {json.dumps(row["key"]) for row in causes}
        for error in current:
            if json.dumps(error_key(error)) not in known:
                table["(new, not annotated)"][error["kind"] if error["kind"] != "field" else error["field"]] += 1
    lines = ["| cause | " + " | ".join(ERROR_COLUMNS) + " | total |", "|" + "---|" * (len(ERROR_COLUMNS) + 2)]
    totals: dict[str, int] = defaultdict(int)
    for cause in sorted(table, key=lambda c: (c.startswith("("), -sum(table[c].values()), c)):
        counts = table[cause]
        for column, n in counts.items():
            totals[column] += n
        cells = " | ".join(str(counts.get(column, "")) for column in ERROR_COLUMNS)
        lines.append(f"| {cause} | {cells} | {sum(counts.values())} |")
    cells = " | ".join(str(totals.get(column, 0)) for column in ERROR_COLUMNS)
    lines.append(f"| **total** | {cells} | {sum(totals.values())} |")
    return "\n".join(lines)
