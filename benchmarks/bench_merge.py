"""Time `merge_mentions` on synthetic mentions and check that it grows near-linearly.

    python benchmarks/bench_merge.py                 # 10k, 100k, 1M mentions, realistic
    python benchmarks/bench_merge.py --sizes 10000 20000 50000 100000   # a quicker run
    python benchmarks/bench_merge.py --years 10      # all sizes in ten years (denser with size)
    python benchmarks/bench_merge.py --dense         # the same sizes, crowded (stress test)
    python benchmarks/bench_merge.py --sizes 5000 10000 --seed 3

Density assumption (realistic, the default): incidents fall on dates spread over ten years
(3,650 days) per 100,000 mentions in the 162 Pakistani districts of the project gazetteer
(patterns/gazetteer.jsonl), with places taken from its towns and areas. 100,000 mentions are
about 45,000 incidents, i.e. on average 0.08 incidents per district per day and 12 per day
nationwide: more than real reporting (a few incidents per district per day at the very worst,
1,000-2,000 a year nationwide), so the figure is, if anything, pessimistic. Each size is its own
corpus at that density (10,000 mentions in one year, 1,000,000 in a hundred), so the growth
from one size to the next is the growth with the number of mentions alone.

`--years N` puts all sizes in one corpus over N years instead (each size the first N mentions
of it), so density grows with size: `--years 10` at 1,000,000 mentions holds about 450,000
incidents in ten years, ten times the realistic density, and more same-district same-day
candidates per mention.

`--dense` is the earlier, crowded corpus: two years in 24 districts, about 2.5 incidents per
district per day at 100k mentions, many of the same method on the same day. It stresses the
candidate bound (each mention scores at most `max_candidates` partners) and its pairwise
precision is low because the truth itself is ambiguous there (reports that differ only in a
random village name), not because the merge is slow.

Time: wall clock and CPU time of the merge; on a shared machine the wall clock also counts the
other jobs, and the growth is printed for both. From 200,000 mentions the merge sweeps time
segments in forked processes (pipeline/merge.py; `--processes 1` for one): the CPU time is then
that of all of them (the workers' is printed too), and the wall clock is below it.

Memory: the merge passes over the mentions in time order and holds features, candidate pairs
and links for a window of the sweep only (pipeline/merge.py), so what it needs beyond its input
and its output does not grow with N. The script prints the peak resident memory of the process,
the memory before the merge (the input mentions), how far above that the merge went at its
peak, how much the returned events hold (they carry copies of their mentions), and the peak of
the largest worker process (forked, it shares the input until it touches it).

The generator is deterministic (seeded). Each incident is reported by 1-4 documents (newspaper
editions: one source on one day is one document, so a document reports many incidents) with
realistic variation: the toll rises in later reports, a date is off by a day or only a month or
year is given, places are spelled differently, method/targets/perpetrators are sometimes
unknown. Besides the time, the script prints the pairwise precision/recall of the merge against
the generator's truth, and the growth of time against size.
"""

from __future__ import annotations

import argparse
import math
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.merge import merge_mentions, pairwise_scores  # noqa: E402

DISTRICTS = [
    ("Khyber Pakhtunkhwa", "Peshawar", ["Peshawar", "Hayatabad", "Badaber", "Police Lines"]),
    ("Khyber Pakhtunkhwa", "Dera Ismail Khan", ["D.I. Khan", "Dera Ismail Khan", "Kulachi", "Paharpur"]),
    ("Khyber Pakhtunkhwa", "Bannu", ["Bannu", "Domel", "Bannu Cantonment", "Jani Khel"]),
    ("Khyber Pakhtunkhwa", "North Waziristan", ["Mir Ali", "Miranshah", "Datta Khel", "Razmak"]),
    ("Khyber Pakhtunkhwa", "South Waziristan", ["Wana", "Makeen", "Ladha", "Tiarza"]),
    ("Khyber Pakhtunkhwa", "Bajaur", ["Khar", "Mamund", "Salarzai", "Nawagai"]),
    ("Khyber Pakhtunkhwa", "Khyber", ["Bara", "Bara Bazaar", "Landi Kotal", "Jamrud"]),
    ("Khyber Pakhtunkhwa", "Lakki Marwat", ["Lakki Marwat", "Serai Naurang", "Tajori", "Bettani"]),
    ("Khyber Pakhtunkhwa", "Tank", ["Tank", "Gomal", "Jandola", "Mulazai"]),
    ("Khyber Pakhtunkhwa", "Kurram", ["Parachinar", "Sadda", "Alizai", "Bagan"]),
    ("Khyber Pakhtunkhwa", "Kohat", ["Kohat", "Darra Adam Khel", "Lachi", "Jungle Khel"]),
    ("Khyber Pakhtunkhwa", "Orakzai", ["Kalaya", "Ghiljo", "Mishti Mela", "Feroz Khel"]),
    ("Balochistan", "Quetta", ["Quetta", "Hazar Ganji", "Satellite Town", "Kuchlak"]),
    ("Balochistan", "Kech", ["Turbat", "Buleda", "Tump", "Mand"]),
    ("Balochistan", "Mastung", ["Mastung", "Dasht", "Kardigap", "Dringarh"]),
    ("Balochistan", "Kalat", ["Kalat", "Mangochar", "Johan", "Surab"]),
    ("Balochistan", "Nushki", ["Nushki", "Noshki", "Dak", "Anam Bostan"]),
    ("Balochistan", "Kachhi", ["Bolan", "Kachhi", "Mach", "Dhadar"]),
    ("Balochistan", "Gwadar", ["Gwadar", "Pasni", "Jiwani", "Ormara"]),
    ("Balochistan", "Zhob", ["Zhob", "Sambaza", "Qamar Din Karez", "Ashewat"]),
    ("Sindh", "Karachi", ["Karachi", "Lyari", "Orangi Town", "Karachi airport"]),
    ("Punjab", "Bhakkar", ["Bhakkar", "Darya Khan", "Kaloorkot", "Mankera"]),
    ("Punjab", "Lahore", ["Lahore", "Data Darbar", "Model Town", "Johar Town"]),
    ("Islamabad Capital Territory", "Islamabad", ["Islamabad", "G-11", "Tarlai", "Bhara Kahu"]),
]
METHODS = {
    "bombing": ["roadside bomb", "improvised explosive device", "blast", "explosion"],
    "suicide_bombing": ["suicide bomber", "suicide blast", "explosives-laden vehicle"],
    "armed_assault": ["gunmen opened fire", "militants stormed", "ambush", "gun attack"],
    "targeted_killing": ["shot dead", "gunned down", "motorcycle-borne assailants"],
    "grenade": ["hand grenade", "grenade attack"],
    "kidnapping": ["abducted", "kidnapped"],
    "shelling": ["mortar shells", "rockets fired"],
}
SITES = {
    "police": ["police station", "checkpost", "police van", "patrol"],
    "paramilitary": ["Frontier Corps convoy", "Levies post", "FC checkpoint"],
    "military": ["army convoy", "military camp", "soldiers"],
    "civilians": ["market", "bazaar", "bus stand", "residents"],
    "religious": ["mosque", "imambargah", "worshippers"],
    "education": ["school", "college", "students"],
    "health": ["polio team", "hospital", "vaccinators"],
    "government": ["court", "deputy commissioner office", "tehsil office"],
    "transport": ["passenger bus", "highway", "train"],
}
#: Other spellings of some places, used by some reports.
VARIANTS = {
    "D.I. Khan": "Dera Ismail Khan", "Noshki": "Nushki", "Bolan": "Kachhi", "Mir Ali": "Miranshah",
    "Parachinar": "Para Chinar", "Bara": "Bara Bazaar", "Lakki Marwat": "Lakki", "Quetta": "Kuetta",
}
GROUPS = ["TTP", "BLA", "IS-KP", "HGB", "BLF", "LeJ"]
SOURCES = ["dawn", "tribune", "geo", "reuters", "ap", "news", "nation", "aljazeera"]
FILLER = (
    "officials confirmed the incident and a search operation was launched in the area after the "
    "attack while the injured were shifted to a nearby hospital for treatment"
).split()
START = date(2024, 1, 1)
SPAN_DAYS = 730
REALISTIC_START = date(2016, 1, 1)
REALISTIC_SPAN_DAYS = 3650
GAZETTEER = Path(__file__).resolve().parent.parent / "patterns" / "gazetteer.jsonl"


def gazetteer_districts() -> list[tuple[str, str, list[str]]]:
    """(province, district, places) for every Pakistani district of the project gazetteer."""
    rows = [json.loads(line) for line in GAZETTEER.read_text(encoding="utf-8").splitlines() if line]
    places: dict[str, list[str]] = {}
    for row in rows:
        if row["kind"] in ("town", "area", "site") and row.get("district"):
            places.setdefault(row["district"], []).append(row["name"])
    return [
        (row["province"], row["district"], places.get(row["district"], []) + [row["district"]])
        for row in rows
        if row["kind"] == "district" and row["country"] == "Pakistan"
    ]


def generate(
    n_mentions: int, seed: int = 7, dense: bool = False, years: int = 10
) -> tuple[list[dict], dict[int, set]]:
    """`n_mentions` mention dicts and the truth: incident number -> set of mention ids."""
    rng = random.Random(seed)
    districts = DISTRICTS if dense else gazetteer_districts()
    start_day, span = (START, SPAN_DAYS) if dense else (REALISTIC_START, REALISTIC_SPAN_DAYS * years // 10)
    mentions: list[dict] = []
    truth: dict[int, set] = {}
    incident = 0
    while len(mentions) < n_mentions:
        province, district, places = rng.choice(districts)
        day = start_day + timedelta(days=rng.randrange(span))
        method = rng.choice(list(METHODS))
        targets = rng.sample(list(SITES), rng.choice((1, 1, 2)))
        group = rng.choice(GROUPS) if rng.random() < 0.6 else None
        killed = rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 7, 9, 12, 15, 25, 40))
        injured = rng.choice((None, 0, 2, 5, 10, 20))
        place = rng.choice(places)
        village = f"{rng.choice(('Kili', 'Banda', 'Kalay', 'Goth'))} {rng.randrange(10000)}"
        site = rng.choice(SITES[targets[0]])
        cue = rng.choice(METHODS[method])
        sources = rng.sample(SOURCES, rng.choice((1, 1, 2, 2, 3, 4)))
        truth[incident] = set()
        for n, source in enumerate(sources):
            if len(mentions) >= n_mentions:
                break
            published = day + timedelta(days=n + rng.choice((0, 1)))
            r = rng.random()
            if r < 0.08:
                when = (day + timedelta(days=rng.choice((-1, 1)))).isoformat()
            elif r < 0.12:
                when = day.isoformat()[:7]
            elif r < 0.14:
                when = day.isoformat()[:4]
            elif r < 0.15:
                when = None
            else:
                when = day.isoformat()
            toll = killed + (n * rng.choice((0, 0, 1, 2)) if killed else 0)
            words = [cue, "in", place, "near the", site, "of", village, "in", district]
            words += rng.sample(FILLER, 8)
            text = " ".join(words) + f", killing {toll} people."
            start = rng.randrange(5000)
            mention = {
                "doc_id": f"{source}_{published.isoformat()}",
                "published": published.isoformat(),
                "event_type": "attack",
                "method": method if rng.random() > 0.15 else "unknown",
                "suicide": method == "suicide_bombing",
                "date": when,
                "country": "Pakistan",
                "province": province,
                "district": district if rng.random() > 0.03 else None,
                "place": VARIANTS.get(place, place) if rng.random() < 0.3 else place,
                "perpetrators": (
                    [{"group": group, "attribution": rng.choice(("claimed", "attributed", "suspected"))}]
                    if group and rng.random() < 0.7 else []
                ),
                "targets": targets if rng.random() > 0.2 else [],
                "killed": toll if rng.random() > 0.1 else None,
                "injured": injured,
                "perpetrators_killed": None,
                "qualifier": "exact",
                "evidence": [{"start": start, "end": start + len(text), "text": text}],
                "_id": len(mentions),
            }
            mentions.append(mention)
            truth[incident].add(mention["_id"])
        incident += 1
    return mentions, truth


def _peak_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children() -> tuple[float, float]:
    """(CPU seconds, largest peak RSS in MiB) of the finished child processes: the merge sweeps
    time segments in forked processes at large sizes (pipeline/merge.py)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _rss_mib() -> float:
    """Resident memory now (Linux /proc; the peak elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return _peak_rss_mib()
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _corpora(sizes: list[int], seed: int, dense: bool, years: int | None):
    """(size, mentions, truth, label) per size. Realistic without `years`: each size its own
    corpus at the density of 100,000 mentions in ten years (10,000 in one year, 1,000,000 in a
    hundred). Dense, or with `years`: the first N mentions of one corpus of the largest size."""
    if years is None and not dense:
        for size in sizes:
            span = max(1, round(10 * size / 100_000))
            mentions, truth = generate(size, seed, dense, span)
            yield size, mentions, truth, f"realistic, {span} years"
        return
    pool, truth = generate(max(sizes), seed, dense, years or 10)
    label = "dense" if dense else f"realistic spread over {years} years"
    for size in sizes:
        yield size, pool[:size], truth, label


def run(
    sizes: list[int], seed: int, dense: bool = False, years: int | None = None,
    processes: int | None = None,
) -> None:
    first = previous = None
    for size, mentions, truth, label in _corpora(sorted(sizes), seed, dense, years):
        incident_of = {mid: inc for inc, ids in truth.items() for mid in ids}
        before = _rss_mib()
        children_before = _children()[0]
        start, cpu = time.perf_counter(), time.process_time()
        events = merge_mentions(mentions, processes=processes)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        children_cpu, children_peak = _children()
        children_cpu -= children_before
        cpu += children_cpu  # all the CPU time the merge took, in every process
        # what the events hold (they carry copies of their mentions) against the peak: the
        # difference is what the merge needed while it ran
        held = _rss_mib() - before
        peak = _peak_rss_mib() - before
        predicted = [{m["_id"] for m in e["mentions"]} for e in events]
        gold: dict[int, set] = {}
        for m in mentions:
            gold.setdefault(incident_of[m["_id"]], set()).add(m["_id"])
        quality = pairwise_scores(predicted, list(gold.values()))
        growth = "" if previous is None else (
            f"  time x{seconds / previous[1]:.2f} for size x{size / previous[0]:.2f}"
        )
        print(
            f"{size:>7} mentions ({label}) -> {len(events):>6} events in {seconds:6.2f} s"
            f" (CPU {cpu:6.2f} s, of which other processes {children_cpu:.2f} s,"
            f" {size / seconds:,.0f} mentions/s)  pairwise"
            f" P={quality['precision']:.3f} R={quality['recall']:.3f}  peak RSS"
            f" {_peak_rss_mib():,.0f} MiB (input {before:,.0f} MiB, merge peak +{max(0.0, peak):,.0f},"
            f" events +{max(0.0, held):,.0f}; largest other process {children_peak:,.0f} MiB)"
            f"{growth}",
            flush=True,
        )
        previous = (size, seconds, cpu)
        first = first or previous
        del mentions, events, predicted, gold
    if first and previous and previous[0] > first[0]:
        size_x = previous[0] / first[0]
        # CPU time as well: on a shared machine the wall clock also measures the other jobs
        for name, n in (("time", 1), ("CPU time", 2)):
            time_x = previous[n] / first[n]
            exponent = math.log(time_x) / math.log(size_x)
            print(f"{first[0]} -> {previous[0]} mentions: size x{size_x:.1f}, {name} x{time_x:.1f}"
                  f" ({name} ~ size^{exponent:.2f}; 1.00 is linear, 2.00 quadratic)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--years", type=int, default=None,
                        help="one realistic corpus over this many years for all sizes (density "
                             "grows with size); default: each size at the density of 100k in 10 years")
    parser.add_argument("--dense", action="store_true",
                        help="two years in 24 districts (stress test) instead of ten years in 162")
    parser.add_argument("--processes", type=int, default=None,
                        help="processes the merge may use (default: its own choice; 1: one)")
    args = parser.parse_args()
    run(args.sizes, args.seed, args.dense, args.years, args.processes)


if __name__ == "__main__":
    main()
