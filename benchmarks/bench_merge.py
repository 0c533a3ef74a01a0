"""Time `merge_mentions` on synthetic mentions and check that it grows near-linearly.

    python benchmarks/bench_merge.py                 # 10k, 20k, 50k, 100k mentions
    python benchmarks/bench_merge.py --sizes 5000 10000 --seed 3

The generator is deterministic (seeded). Incidents fall on dates spread over two years in a small
list of districts; each is reported by 1-4 documents (newspaper editions: one source on one day
is one document, so a document reports many incidents) with realistic variation: the toll rises
in later reports, a date is off by a day or only a month or year is given, places are spelled
differently, method/targets/perpetrators are sometimes unknown. Besides the time, the script
prints the pairwise precision/recall of the merge against the generator's truth.
"""

from __future__ import annotations

import argparse
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
    "D.I. Khan": "Dera Ismail Khan", "Nushki": "Noshki", "Bolan": "Kachhi", "Mir Ali": "Miranshah",
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


def generate(n_mentions: int, seed: int = 7) -> tuple[list[dict], dict[int, set]]:
    """`n_mentions` mention dicts and the truth: incident number -> set of mention ids."""
    rng = random.Random(seed)
    mentions: list[dict] = []
    truth: dict[int, set] = {}
    incident = 0
    while len(mentions) < n_mentions:
        province, district, places = rng.choice(DISTRICTS)
        day = START + timedelta(days=rng.randrange(SPAN_DAYS))
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


def run(sizes: list[int], seed: int) -> None:
    largest = max(sizes)
    pool, truth = generate(largest, seed)
    incident_of = {mid: inc for inc, ids in truth.items() for mid in ids}
    previous = None
    for size in sizes:
        mentions = pool[:size]
        start = time.perf_counter()
        events = merge_mentions(mentions)
        seconds = time.perf_counter() - start
        predicted = [{m["_id"] for m in e["mentions"]} for e in events]
        gold: dict[int, set] = {}
        for m in mentions:
            gold.setdefault(incident_of[m["_id"]], set()).add(m["_id"])
        quality = pairwise_scores(predicted, list(gold.values()))
        growth = "" if previous is None else (
            f"  time x{seconds / previous[1]:.2f} for size x{size / previous[0]:.2f}"
        )
        print(
            f"{size:>7} mentions -> {len(events):>6} events in {seconds:6.2f} s"
            f"  ({size / seconds:,.0f} mentions/s)  pairwise P={quality['precision']:.3f}"
            f" R={quality['recall']:.3f}{growth}",
            flush=True,
        )
        previous = (size, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    run(args.sizes, args.seed)


if __name__ == "__main__":
    main()
