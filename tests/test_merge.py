"""Cross-report merge: which mentions become one event, and the merged figures."""

from __future__ import annotations

import itertools
import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from pipeline.events import event_schema
from pipeline.merge import _candidate_pairs, _features, merge_mentions, pairwise_scores

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.gold.jsonl"
CORPUS_GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold.jsonl"


def mention(doc_id, published, text, start=0, **fields):
    """A mention dict as the extractor writes it (texts written for these tests)."""
    base = {
        "doc_id": doc_id,
        "published": published,
        "event_type": "attack",
        "method": "unknown",
        "suicide": None,
        "date": None,
        "country": "Pakistan",
        "province": "Khyber Pakhtunkhwa",
        "district": None,
        "place": None,
        "perpetrators": [],
        "targets": [],
        "killed": None,
        "injured": None,
        "perpetrators_killed": None,
        "qualifier": None,
        "evidence": [{"start": start, "end": start + len(text), "text": text}],
    }
    base.update(fields)
    return base


@pytest.fixture
def same_incident():
    """One roadside bombing reported three times, spelled and counted differently."""
    return [
        mention(
            "a_first", "2025-03-04",
            "A roadside bomb struck a police van near Kulachi in D.I. Khan, killing four policemen.",
            start=120, method="bombing", date="2025-03-04", district="Dera Ismail Khan",
            place="D.I. Khan", targets=["police"], killed=4, injured=2, qualifier="exact",
        ),
        mention(
            "b_second", "2025-03-05",
            "The toll from the Kulachi roadside bombing of a police van in Dera Ismail Khan rose "
            "to six; the Pakistani Taliban claimed it.",
            start=40, method="bombing", date="2025-03-03", district="Dera Ismail Khan",
            place="Dera Ismail Khan", targets=["police"], killed=6, injured=3,
            perpetrators=[{"group": "TTP", "attribution": "claimed"}], qualifier="at_least",
        ),
        mention(
            "c_third", "2025-03-05",
            "Police said an improvised bomb hit their vehicle in Kulachi tehsil on Tuesday; five "
            "officers were killed.",
            start=10, method="bombing", date="2025-03-04", district="Dera Ismail Khan",
            place="Kulachi", targets=["police"], killed=5,
            perpetrators=[{"group": "TTP", "attribution": "suspected"}], qualifier="exact",
        ),
    ]


@pytest.fixture
def two_incidents_one_day():
    """A market bombing and, hours later, a gun attack on a police station: same district."""
    return [
        mention(
            "d_market", "2025-06-11",
            "A bomb planted on a motorcycle exploded in the crowded vegetable market of Bannu "
            "city, killing nine shoppers.",
            start=0, method="bombing", date="2025-06-10", district="Bannu", place="Bannu city",
            targets=["civilians"], killed=9,
        ),
        mention(
            "e_station", "2025-06-11",
            "Hours later, gunmen opened fire on the Mandan police station in Bannu, killing two "
            "constables before escaping.",
            start=300, method="armed_assault", date="2025-06-10", district="Bannu",
            place="Mandan police station", targets=["police"], killed=2,
            perpetrators=[{"group": "TTP", "attribution": "attributed"}],
        ),
        mention(
            "f_roundup", "2025-06-12",
            "In Bannu a vegetable market blast on Tuesday left nine people dead.",
            start=55, method="bombing", date="2025-06-10", district="Bannu",
            targets=["civilians"], killed=9,
        ),
        mention(
            "g_police", "2025-06-12",
            "Militants attacked Mandan police station in Bannu late on Tuesday; two policemen "
            "were martyred.",
            start=900, method="armed_assault", date="2025-06-10", district="Bannu",
            place="Mandan", targets=["police"], killed=2,
        ),
    ]


def clusters(events):
    return sorted(sorted(m["doc_id"] for m in e["mentions"]) for e in events)


def test_merge_same_incident_spellings_tolls_dates(same_incident):
    events = merge_mentions(same_incident)
    assert clusters(events) == [["a_first", "b_second", "c_third"]]
    event = events[0]
    assert event["district"] == "Dera Ismail Khan"
    assert event["method"] == "bombing"
    assert event["perpetrators"] == [{"group": "TTP", "attribution": "claimed"}]
    assert len(event["merge"]["links"]) == 2


def test_merge_keeps_distinct_incidents_of_one_day_apart(two_incidents_one_day):
    events = merge_mentions(two_incidents_one_day)
    assert clusters(events) == [["d_market", "f_roundup"], ["e_station", "g_police"]]
    methods = sorted(e["method"] for e in events)
    assert methods == ["armed_assault", "bombing"]


def test_merge_policy_latest_takes_newest_then_higher(same_incident):
    event = merge_mentions(same_incident, policy="latest")[0]
    # b_second and c_third were both published 2025-03-05: the higher figure wins the tie
    assert event["killed"] == 6
    assert event["qualifier"] == "at_least"
    assert event["injured"] == 3
    assert event["killed_range"] == {"low": 4, "best": 6, "high": 6}
    assert event["merge"]["policy"] == "latest"


def test_merge_policy_conservative_takes_lowest(same_incident):
    event = merge_mentions(same_incident, policy="conservative")[0]
    assert event["killed"] == 4
    assert event["injured"] == 2
    assert event["killed_range"] == {"low": 4, "best": 4, "high": 6}


def test_merge_latest_prefers_newer_lower_figure():
    older = mention("h_old", "2025-01-01", "Blast in Quetta kills 12 at a bus stand.",
                    date="2025-01-01", district="Quetta", province="Balochistan",
                    method="bombing", targets=["transport"], killed=12)
    newer = mention("i_new", "2025-01-03", "Officials revised the Quetta bus stand blast toll "
                    "to 10.", date="2025-01-01", district="Quetta", province="Balochistan",
                    method="bombing", targets=["transport"], killed=10)
    events = merge_mentions([older, newer])
    assert len(events) == 1
    assert events[0]["killed"] == 10
    assert events[0]["killed_range"] == {"low": 10, "best": 10, "high": 12}


def test_merge_never_joins_mentions_of_one_document():
    text = "A suicide bomber hit a Frontier Corps convoy in Khyber, killing three soldiers."
    twins = [
        mention("j_doc", "2025-02-02", text, start=0, method="suicide_bombing",
                date="2025-02-01", district="Khyber", targets=["paramilitary"], killed=3),
        mention("j_doc", "2025-02-02", text, start=500, method="suicide_bombing",
                date="2025-02-01", district="Khyber", targets=["paramilitary"], killed=3),
    ]
    third = mention("k_doc", "2025-02-03", text, method="suicide_bombing",
                    date="2025-02-01", district="Khyber", targets=["paramilitary"], killed=3)
    events = merge_mentions(twins + [third])
    assert len(events) == 2
    for event in events:
        docs = [m["doc_id"] for m in event["mentions"]]
        assert len(docs) == len(set(docs))


def test_merge_is_independent_of_input_order(same_incident, two_incidents_one_day):
    mentions = same_incident + two_incidents_one_day
    reference = json.dumps(merge_mentions(mentions), sort_keys=True)
    for seed in range(5):
        shuffled = list(mentions)
        random.Random(seed).shuffle(shuffled)
        assert json.dumps(merge_mentions(shuffled), sort_keys=True) == reference


def test_merge_event_id_stable_when_unrelated_document_added(same_incident):
    before = {tuple(sorted(m["doc_id"] for m in e["mentions"])): e["event_id"]
              for e in merge_mentions(same_incident)}
    unrelated = mention("z_other", "2025-09-09", "Gunmen kidnapped two engineers in Gwadar.",
                        province="Balochistan", district="Gwadar", date="2025-09-08",
                        method="kidnapping", targets=["foreigners"])
    after = merge_mentions(same_incident + [unrelated])
    ids = {tuple(sorted(m["doc_id"] for m in e["mentions"])): e["event_id"] for e in after}
    assert ids[("a_first", "b_second", "c_third")] == before[("a_first", "b_second", "c_third")]
    assert len({e["event_id"] for e in after}) == 2
    assert all(e["event_id"].startswith("ev-") and len(e["event_id"]) == 19 for e in after)
    assert merge_mentions(same_incident)[0]["event_id"] == before[("a_first", "b_second", "c_third")]


def test_merge_month_date_joins_day_date_in_that_month():
    day = mention("l_day", "2025-05-20", "A drone strike hit a compound in Mir Ali, killing "
                  "five militants.", date="2025-05-19", district="North Waziristan",
                  place="Mir Ali", method="airstrike", targets=["militants"])
    month = mention("m_month", "2025-07-01", "The May drone strike on a Mir Ali compound "
                    "angered tribal elders.", date="2025-05", district="North Waziristan",
                    place="Mir Ali", method="airstrike", targets=["militants"])
    other_month = dict(month, doc_id="n_month", date="2025-06")
    assert clusters(merge_mentions([day, month])) == [["l_day", "m_month"]]
    assert clusters(merge_mentions([day, other_month])) == [["l_day"], ["n_month"]]


def test_merge_an_abduction_told_as_a_raid_by_another_report_joins_it():
    kidnapping = mention("q_kid", "2025-03-09", "Gunmen kidnapped a road engineer from his house in "
                         "the Model Town area of Mardan on Saturday.", date="2025-03-08", district="Mardan",
                         province="Khyber Pakhtunkhwa", place="Model Town", method="kidnapping", targets=["civilians"])
    raid = mention("r_raid", "2025-03-22", "Two weeks ago armed men broke into an engineer's house in "
                   "Model Town, Mardan, and drove off with him.", date="2025-03", district="Mardan",
                   province="Khyber Pakhtunkhwa", place="Model Town", method="armed_assault", targets=["civilians"])
    assert clusters(merge_mentions([kidnapping, raid])) == [["q_kid", "r_raid"]]


def test_merge_different_districts_stay_apart():
    a = mention("o_a", "2025-04-02", "Twin attacks: a bomb hit a patrol in Kohat.",
                district="Kohat", date="2025-04-01", method="bombing", targets=["police"])
    b = mention("p_b", "2025-04-02", "Twin attacks: a bomb hit a patrol in Bhakkar.",
                province="Punjab", district="Bhakkar", date="2025-04-01", method="bombing",
                targets=["police"])
    assert len(merge_mentions([a, b])) == 2


def test_merge_output_matches_schema(same_incident, two_incidents_one_day):
    for event in merge_mentions(same_incident + two_incidents_one_day):
        jsonschema.validate(event, event_schema())


def test_merge_rejects_unknown_policy(same_incident):
    with pytest.raises(ValueError):
        merge_mentions(same_incident, policy="median")


def test_pairwise_scores_counts_pairs():
    scores = pairwise_scores([{1, 2, 3}, {4}], [{1, 2}, {3, 4}])
    assert scores["predicted_pairs"] == 3 and scores["gold_pairs"] == 2
    assert scores["precision"] == pytest.approx(1 / 3) and scores["recall"] == 0.5


def test_merge_candidates_are_bounded_per_mention():
    """A crowded district-day: 40 reports from 40 documents. Blocking alone would pair all
    780; the sorted neighbourhood keeps at most 3 partners per mention."""
    crowd = [
        mention(f"q_{n:02d}", "2025-05-02", f"A blast in Tank bazaar number {n}.",
                date=f"2025-05-0{1 + n % 3}", district="Tank", method="bombing")
        for n in range(40)
    ]
    ms = [_features(i, m, (m["doc_id"], 0, 0, "", "")) for i, m in enumerate(crowd)]
    for m in ms:
        m.weight = 1.0
    pairs = _candidate_pairs(ms, window=2, rare_df=None, max_candidates=3)
    assert 40 * 3 // 2 <= len(pairs) <= 40 * 3
    partners = {i: 0 for i in range(40)}
    for i, j in pairs:
        assert ms[i].doc != ms[j].doc
        partners[i] += 1
        partners[j] += 1
    assert min(partners.values()) >= 3  # each keeps its own 3, and may be kept by others
    # the nearest by date come first: every kept pair of a same-day pair exists before others
    same_day = sum(ms[i].date == ms[j].date for i, j in pairs)
    assert same_day == len(pairs)
    # merging the crowd stays order-independent under the bound
    reference = json.dumps(merge_mentions(crowd, max_candidates=3), sort_keys=True)
    shuffled = list(crowd)
    random.Random(1).shuffle(shuffled)
    assert json.dumps(merge_mentions(shuffled, max_candidates=3), sort_keys=True) == reference


def test_merge_district_named_in_evidence_decides_between_twin_attacks():
    """A roundup states no district but names Mastung: it joins the Mastung blast, not the
    same-day blast in Hangu."""
    mastung = mention("r_mastung", "2023-09-30", "A suicide bomber struck a procession in "
                      "Mastung.", province="Balochistan", district="Mastung",
                      date="2023-09-29", method="suicide_bombing", targets=["religious"])
    # canonically first, so without the evidence check the tie would go to Hangu
    hangu = mention("h_hangu", "2023-09-30", "A suicide bomber struck a procession in Hangu.",
                    district="Hangu", date="2023-09-29", method="suicide_bombing",
                    targets=["religious"])
    roundup = mention("t_roundup", "2023-10-02", "A suicide bomber struck a procession in "
                      "Mastung on Friday.", province=None, date="2023-09-29",
                      method="suicide_bombing", targets=["religious"])
    assert clusters(merge_mentions([mastung, hangu, roundup])) == [
        ["h_hangu"], ["r_mastung", "t_roundup"]]


def _gold_mentions(path):
    mentions, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        event = json.loads(line)
        ids = set()
        for n, m in enumerate(event["mentions"]):
            m = dict(m)
            m["evidence"] = [{"start": -1, "end": -1, "text": q} for q in m["evidence"]]
            m["gold_id"] = f"{event['id']}|{m['doc_id']}|{n}"
            ids.add(m["gold_id"])
            mentions.append(m)
        gold.append(ids)
    return mentions, gold


@pytest.mark.parametrize(
    "path, min_precision, min_recall",
    [
        pytest.param(GOLD, 0.8, 0.5, id="seeds"),
        pytest.param(CORPUS_GOLD, 0.95, 0.95, id="corpus"),
    ],
)
def test_merge_reconstructs_gold_events(path, min_precision, min_recall):
    if not path.exists():
        pytest.skip(f"{path} not available")
    mentions, gold = _gold_mentions(path)
    events = merge_mentions(mentions)
    predicted = [{m["gold_id"] for m in e["mentions"]} for e in events]
    scores = pairwise_scores(predicted, gold)
    assert scores["precision"] >= min_precision
    assert scores["recall"] >= min_recall


def _market_bombing(doc_id, published, date, start=0):
    text = "A bomb hidden in a vegetable cart tore through the Hazarganji market, killing nine traders."
    return mention(doc_id, published, text, start=start, method="bombing", date=date,
                   province="Balochistan", district="Quetta", place="Hazarganji",
                   targets=["civilians"], killed=9, qualifier="exact")


def test_merge_keeps_apart_reports_months_apart_however_alike():
    # an undated report is compatible with any date; published four months after the dated
    # one, it tells another bombing of the same market
    events = merge_mentions([
        _market_bombing("spring_report", "2019-04-13", "2019-04"),
        _market_bombing("summer_report", "2019-08-20", None),
    ])
    assert len(events) == 2


def test_merge_an_undated_mention_borrows_its_publication_date():
    dated = _market_bombing("day_report", "2019-04-13", "2019-04-12")
    next_day = _market_bombing("undated_next_day", "2019-04-13", None, start=7)
    months_later = _market_bombing("undated_months_later", "2019-09-30", None, start=9)
    events = merge_mentions([dated, next_day, months_later])
    by_docs = sorted(sorted(m["doc_id"] for m in e["mentions"]) for e in events)
    assert by_docs == [["day_report", "undated_next_day"], ["undated_months_later"]]


def test_merge_city_name_against_a_site_is_no_contradiction():
    # the same assault told as "in Karachi" by one report and at the stock exchange by another
    wire = mention("w_wire", "2020-06-30", "Gunmen stormed the stock exchange building in Karachi, killing four guards.",
                   method="grenade", date="2020-06-29", province="Sindh", district="Karachi",
                   place="Pakistan Stock Exchange", targets=["infrastructure"], killed=4)
    daily = mention("x_daily", "2020-06-30", "Four attackers who lobbed grenades at the stock exchange were shot dead in Karachi.",
                    method="grenade", date="2020-06-29", province="Sindh", district="Karachi",
                    place="Karachi", targets=["police"], killed=4)
    assert clusters(merge_mentions([wire, daily])) == [["w_wire", "x_daily"]]


def test_merge_undated_reports_published_the_same_day_are_near_in_time():
    first = mention("y_first", "2016-03-28", "A suicide bomber struck a crowded park in Lahore on Easter, killing 72.",
                    method="suicide_bombing", province="Punjab", district="Lahore", place="Gulshan-e-Iqbal park",
                    targets=["civilians"], killed=72, qualifier="at_least")
    second = mention("z_second", "2016-03-28", "The toll of the Easter park bombing in Lahore reached 70 as families mourned.",
                     method="bombing", province="Punjab", district="Lahore", place="Gulshan-e-Iqbal Park",
                     targets=["civilians"], killed=70)
    assert clusters(merge_mentions([first, second])) == [["y_first", "z_second"]]


# ----------------------------------------------------------------------------- the time sweep
# The merge finds, scores and clusters pairs in one pass over the mentions in time order and
# holds only a window of them. These tests check that what it finds is what blocking defines
# over all pairs at once, and that partners at the edges of the window still meet.


def _long_season(seed=11):
    """Made-up reports of 150 incidents over 20 months in three districts, each told by one to
    three papers (a paper's edition of one day is one document): most to the day, some only to
    the month, a few only to the year or undated. Each incident has a hamlet of its own."""
    rng = random.Random(seed)
    districts = [("Khyber Pakhtunkhwa", "Bannu"), ("Khyber Pakhtunkhwa", "Tank"),
                 ("Balochistan", "Kech")]
    cues = {"bombing": "a roadside bomb went off", "armed_assault": "gunmen opened fire",
            "kidnapping": "armed men abducted two teachers"}
    start = date(2023, 1, 1).toordinal()
    mentions = []
    for n in range(150):
        province, district = rng.choice(districts)
        day = start + rng.randrange(600)
        method = rng.choice(sorted(cues))
        for paper in range(rng.choice((1, 2, 3))):
            published = date.fromordinal(day + paper + rng.choice((0, 1))).isoformat()
            told = date.fromordinal(day).isoformat()
            r = rng.random()
            when = told if r < 0.7 else told[:7] if r < 0.85 else told[:4] if r < 0.93 else None
            text = f"Police said {cues[method]} near hamlet{n:03d} in {district} district."
            mentions.append(mention(
                f"paper{paper}_{published}", published, text, start=10 * n, method=method,
                date=when, province=province, district=district, killed=rng.randrange(1, 5),
            ))
    return mentions


def _blocking_over_all_pairs(ms, keep, window=2, max_gap=60, rare_df=25):
    """The candidate pairs by the blocking rules of the module docstring, tested over all pairs
    (every mention here states its district), each mention keeping its `keep` best."""
    df = Counter(w for m in ms for w in m.words)
    rare = {w for w, count in df.items() if count <= rare_df}
    partners = {m.idx: [] for m in ms}
    for a, b in itertools.combinations(ms, 2):
        if a.doc == b.doc or a.district != b.district:
            continue
        shortest = min(a.prec, b.prec)
        if shortest:
            if a.prec == b.prec == 3:
                if abs(a.ordinal - b.ordinal) > window:
                    continue
            elif a.date[:(0, 4, 7)[shortest]] != b.date[:(0, 4, 7)[shortest]]:
                continue
        if max(a.lo, b.lo) - min(a.hi, b.hi) > max_gap:
            continue
        if shortest <= 1:  # a vague side: a shared rare word, or an undated report's month
            undated, dated = (a, b) if a.prec == 0 else (b, a)
            months = {date.fromordinal(undated.hi - back).isoformat()[:7] for back in (0, 31)}
            if not (a.words & b.words & rare or (undated.prec == 0 and dated.prec >= 2
                                                  and dated.ym in months)):
                continue
        gap = abs(a.ordinal - b.ordinal) if shortest == 3 else (365, 180, 15)[shortest]
        shared = len(a.words & b.words)
        partners[a.idx].append((gap, -shared, b.idx))
        partners[b.idx].append((gap, -shared, a.idx))
    return {tuple(sorted((i, j)))
            for i, found in partners.items() for _, _, j in sorted(found)[:keep]}


@pytest.mark.parametrize("keep", [3, 10, 1000])
def test_merge_sweep_finds_the_pairs_blocking_defines_over_all_pairs(keep):
    mentions = _long_season()
    ms = [_features(i, m, (m["doc_id"], 0, 0, "", "")) for i, m in enumerate(mentions)]
    assert {m.prec for m in ms} == {0, 1, 2, 3}
    expected = _blocking_over_all_pairs(ms, keep)
    assert len(expected) > 100
    assert _candidate_pairs(ms, window=2, rare_df=25, max_candidates=keep) == expected


def test_merge_of_a_long_season_is_independent_of_input_order():
    mentions = _long_season()
    reference = json.dumps(merge_mentions(mentions), sort_keys=True)
    shuffled = list(mentions)
    random.Random(4).shuffle(shuffled)
    assert json.dumps(merge_mentions(shuffled), sort_keys=True) == reference
    assert json.dumps(merge_mentions(list(reversed(mentions))), sort_keys=True) == reference


def test_merge_window_edges_a_year_apart_in_the_sweep():
    """The sweep reaches a year-only report on 1 January and its partner on 30 December, and
    an undated report with no publication date before everything; a year of other reports
    lies in between. Both still merge with their partners, as they do without the year."""
    review = mention("a_review", "2025-01-05", "Kidnappers who seized the Zarghunabad headman in "
                     "Tank freed him after a month.", date="2024", district="Tank",
                     method="kidnapping")
    seized = mention("b_daily", "2024-12-31", "Armed men seized the Zarghunabad headman in Tank "
                     "on Monday night.", date="2024-12-30", district="Tank", method="kidnapping")
    lost = mention("c_undated", None, "A shrine guard of Pirkotlai in Bannu was shot dead by "
                   "men on a motorcycle.", district="Bannu", method="targeted_killing",
                   killed=1)
    shot = mention("d_daily", "2024-02-11", "Men on a motorcycle shot dead a shrine guard at "
                   "Pirkotlai in Bannu.", date="2024-02-10", district="Bannu",
                   method="targeted_killing", killed=1)
    new_year = date(2024, 1, 1).toordinal()
    year = [
        mention(f"e_filler_{n:03d}", date.fromordinal(new_year + n + 1).isoformat(),
                f"A grenade was hurled at shop {n} in the Turbat bazaar.", province="Balochistan",
                district="Kech", date=date.fromordinal(new_year + n).isoformat(),
                method="grenade", targets=["civilians"])
        for n in range(0, 360, 4)  # four days apart: never one incident
    ]
    alone = merge_mentions([review, seized, lost, shot])
    assert clusters(alone) == [["a_review", "b_daily"], ["c_undated", "d_daily"]]
    together = merge_mentions(year + [review, seized, lost, shot])
    ours = [e for e in together if e["district"] != "Kech"]
    # (the scores differ a little: idf is over all mentions)
    assert clusters(ours) == clusters(alone)
    assert [e["event_id"] for e in ours] == [e["event_id"] for e in alone]
    assert len(together) == len(alone) + len(year)


def test_merge_partners_across_a_month_boundary():
    """Day dates on either side of a month's end, and an undated report published on the first
    of a month whose partner is dated in the month before (the sweep's month buckets)."""
    march = mention("f_march", "2024-04-01", "A bomb hidden in a cart killed three at the Mir Ali "
                    "cattle market.", date="2024-03-31", district="North Waziristan",
                    method="bombing", killed=3)
    april = mention("g_april", "2024-04-02", "The Mir Ali cattle market cart bomb toll rose to "
                    "four.", date="2024-04-01", district="North Waziristan", method="bombing",
                    killed=4)
    undated = mention("h_undated", "2024-04-01", "A cart bomb killed three at the cattle market "
                      "of Mir Ali.", district="North Waziristan", method="bombing", killed=3)
    events = merge_mentions([march, april, undated])
    assert clusters(events) == [["f_march", "g_april", "h_undated"]]


def test_merge_an_undated_report_reaches_a_month_date_whose_month_began_long_before():
    """An undated report published on 20 March is 49 days after the end of January: within
    `max_gap_days` of a report dated only "2024-01", although that month began 79 days
    before (the sweep keeps dated mentions a month beyond the gap for vague ones)."""
    january = mention("i_january", "2024-02-03", "A bomb wrecked the girls school of "
                      "Spinkai Raghzai in January.", date="2024-01", district="South Waziristan",
                      method="bombing", targets=["education"])
    march = mention("j_march", "2024-03-20", "The girls school of Spinkai Raghzai that a bomb "
                    "wrecked is still closed.", district="South Waziristan", method="bombing",
                    targets=["education"])
    ms = [_features(i, m, (m["doc_id"], 0, 0, "", "")) for i, m in enumerate([january, march])]
    assert _candidate_pairs(ms, window=2, rare_df=None) == {(0, 1)}
    assert clusters(merge_mentions([january, march])) == [["i_january", "j_march"]]


def test_merge_a_dated_mention_with_no_time_span_still_meets_a_vague_one():
    """A month date that is no month ("2024-13") and no publication date give a mention no
    time span: the sweep keeps it apart from the recent dated mentions (which it trims by
    time) and a vague report sharing its rare words still finds it."""
    odd = mention("k_odd", None, "Gunmen abducted the Zarghunabad headman in Tank.",
                  date="2024-13", district="Tank", method="kidnapping")
    review = mention("l_review", "2025-01-05", "The Zarghunabad headman abducted in Tank was "
                     "freed.", date="2024", district="Tank", method="kidnapping")
    months = [
        mention(f"m_filler_{n:02d}", f"2024-{n:02d}-11", f"A grenade hit shop {n} in Turbat.",
                province="Balochistan", district="Kech", date=f"2024-{n:02d}-10",
                method="grenade")
        for n in range(1, 13)
    ]
    events = merge_mentions(months + [odd, review])
    assert ["k_odd", "l_review"] in clusters(events)
    assert len(events) == len(months) + 1


# ----------------------------------------------------------------------------- fast paths


@pytest.mark.parametrize("policy", ["latest", "conservative"])
def test_merge_event_of_a_lone_mention_is_the_general_paths(policy):
    """The fast path for a mention that ends up alone builds the event the general path
    (comparisons across members) builds for a one-mention cluster, field for field."""
    from pipeline.merge import _event, _single_event

    lone = [
        mention("a", "2024-03-02", "A blast hit a market in Bannu.", date="2024-03-01",
                district="Bannu", place="Bannu", method="bombing", killed=4, injured=9,
                qualifier="at_least", targets=["civilians", "police", "civilians"],
                perpetrators=[{"group": "TTP", "attribution": "suspected"},
                              {"group": "TTP", "attribution": "claimed"},
                              {"group": "HGB", "attribution": None}, {"group": None}]),
        mention("b", None, "A suicide bomber struck.", method="suicide_bombing", suicide=None,
                date="2024-13", place="Kili 12", event_type=""),
        mention("c", "2024-05-05", "Gunmen abducted a teacher.", method="unknown", suicide=False,
                date="2024", injured=0, perpetrators_killed=2, targets=["zebra", "education"],
                latitude=33.0, longitude=70.6, geo_precision=2),
        mention("d", "", "Shots were fired.", method=None, suicide=True, date="", place="",
                province=None, country=None, killed=0, qualifier="exact"),
    ]
    for n, data in enumerate(lone):
        general = _event([_features(n, data, (data["doc_id"], 0, 0, "", ""))], [], policy)
        assert json.dumps(_single_event(data, policy)) == json.dumps(general)


def _long_years(seed=5, years=9):
    """The long season's kind of reports, over `years` years: long enough that time segments
    of a few years each leave out part of the input."""
    rng = random.Random(seed)
    cues = {"bombing": "a roadside bomb went off", "armed_assault": "gunmen opened fire",
            "kidnapping": "armed men abducted two teachers"}
    start = date(2015, 1, 1).toordinal()
    mentions = []
    for n in range(90 * years):
        province, district = rng.choice([("Khyber Pakhtunkhwa", "Bannu"),
                                         ("Balochistan", "Kech")])
        day = start + rng.randrange(365 * years)
        method = rng.choice(sorted(cues))
        for paper in range(rng.choice((1, 2, 3))):
            published = date.fromordinal(day + paper + rng.choice((0, 1))).isoformat()
            told = date.fromordinal(day).isoformat()
            r = rng.random()
            when = told if r < 0.75 else told[:7] if r < 0.9 else told[:4] if r < 0.96 else None
            text = f"Police said {cues[method]} near hamlet{n % 40:03d} in {district} district."
            mentions.append(mention(
                f"paper{paper}_{published}", published, text, start=10 * n, method=method,
                date=when, province=province, district=district, killed=rng.randrange(1, 5),
            ))
    return mentions


def test_merge_in_time_segments_gives_the_events_of_one_process(monkeypatch):
    """Sweeping time segments in several processes gives the events of one process, byte for
    byte, for any number of processes (each segment is swept with a margin that holds every
    mention its events' links depend on)."""
    import pipeline.merge as merge

    results = []
    real = merge._merge_segments
    monkeypatch.setattr(merge, "_merge_segments",
                        lambda *args: results.append(real(*args)) or results[-1])
    mentions = _long_years()
    reference = json.dumps(merge_mentions(mentions, processes=1, parallel_min=0))
    for processes in (2, 3, 5):
        shuffled = list(mentions)
        random.Random(processes).shuffle(shuffled)
        events = merge_mentions(shuffled, processes=processes, parallel_min=0)
        assert json.dumps(events) == reference
        assert results[-1] is not None  # the segments did the merge (no fallback)
    assert len(results) == 3


def test_merge_in_time_segments_only_from_the_least_size(monkeypatch):
    import pipeline.merge as merge

    calls = []
    monkeypatch.setattr(merge, "_merge_segments", lambda *args: calls.append(args) or None)
    mentions = _long_years(years=2)
    merge_mentions(mentions, processes=2, parallel_min=len(mentions) + 1)
    assert calls == []
    merge_mentions(mentions, processes=2, parallel_min=len(mentions))
    assert len(calls) == 1


def test_merge_in_time_segments_refuses_a_group_beyond_the_margin(monkeypatch):
    """An event whose mentions reach further past its segment than the margin allows for
    cannot be certain: the segments are refused and one process merges, with the same events.
    (The margin is shrunk so that a two-day event across the cut reaches past it.)"""
    import pipeline.merge as merge

    results = []
    real = merge._merge_segments
    monkeypatch.setattr(merge, "_merge_segments",
                        lambda *args: results.append(real(*args)) or results[-1])
    monkeypatch.setattr(merge, "_segment_margin", lambda gap: (gap + 366, 2 * (gap + 366) - 1))
    day = date(2024, 6, 10).toordinal()

    def filler(n, offset):
        when = date.fromordinal(day + offset).isoformat()
        return mention(f"f{n:02d}_{when}", when, f"A grenade hit shop {n} in Turbat.",
                       province="Balochistan", district="Kech", date=when, method="grenade")

    told = [mention("x_paper", "2024-06-10", "A roadside bomb hit a Levies van in Bannu.",
                    date="2024-06-10", district="Bannu", method="bombing", killed=3),
            mention("y_paper", "2024-06-12", "A roadside bomb hit a Levies van in Bannu.",
                    date="2024-06-11", district="Bannu", method="bombing", killed=3)]
    mentions = ([filler(n, -100 - 5 * n) for n in range(9)] + told
                + [filler(10 + n, 100 + 5 * n) for n in range(10)])
    events = merge_mentions(mentions, processes=2, parallel_min=0)
    assert results == [None]
    assert json.dumps(events) == json.dumps(merge_mentions(mentions, processes=1))
    assert ["x_paper", "y_paper"] in clusters(events)


def test_merge_worshippers_of_one_report_are_the_civilians_of_another():
    # one report names the shrine (its people are worshippers: religious), the other only the
    # civilians; they also blame different groups, and disjoint targets would be a second
    # contradiction keeping them apart
    shrine = mention("s_shrine", "2024-06-15", "A suicide bomber struck the shrine of a Sufi saint "
                     "in Jhal Magsi on Friday evening, killing 14 devotees.", date="2024-06-14",
                     province="Balochistan", district="Jhal Magsi", method="suicide_bombing",
                     targets=["religious"], killed=14,
                     perpetrators=[{"group": "IS-KP", "attribution": "claimed"}])
    town = mention("t_town", "2024-06-15", "Fourteen civilians died when a suicide bomber blew "
                   "up a Sufi shrine gathering in Jhal Magsi district on Friday.", date="2024-06-14",
                   province="Balochistan", district="Jhal Magsi", method="suicide_bombing",
                   targets=["civilians"], killed=14,
                   perpetrators=[{"group": "LeJ", "attribution": "suspected"}])
    assert clusters(merge_mentions([shrine, town])) == [["s_shrine", "t_town"]]


@pytest.mark.parametrize("later_toll,joined", [(31, True), (70, False)])
def test_merge_without_day_dates_tolls_far_apart_are_two_incidents(later_toll, joined):
    # a month-dated recollection and an undated report of a bombing in one city: alike in place
    # and method, told apart only by how many died
    recalled = mention("u_recall", "2024-05-20", "A car bomb ripped through a bazaar in Bannu in "
                       "April, killing 24 shoppers.", date="2024-04", province="Khyber Pakhtunkhwa",
                       district="Bannu", method="bombing", targets=["civilians"], killed=24)
    report = mention("v_report", "2024-04-12", "The car bomb that tore through the Bannu bazaar "
                     f"killed {later_toll} shoppers, officials said.", province="Khyber Pakhtunkhwa",
                     district="Bannu", method="bombing", targets=["civilians"], killed=later_toll)
    expected = [["u_recall", "v_report"]] if joined else [["u_recall"], ["v_report"]]
    assert clusters(merge_mentions([recalled, report])) == expected


@pytest.mark.parametrize("event_type,method,counted", [("clash", "armed_clash", False), ("strike", "airstrike", True)])
def test_merge_the_army_tells_a_strike_apart_but_not_one_of_its_operations(event_type, method, counted):
    """The army is the actor of most clashes in its area (its operations): two reports naming it
    share nothing telling; as the actor of a strike it is part of what the two agree on."""
    army = [{"group": "Pakistan Armed Forces", "attribution": "claimed"}]
    fields = dict(event_type=event_type, method=method, date="2025-06-02", district="North Waziristan",
                  perpetrators=army, targets=["militants"], perpetrators_killed=5)
    events = merge_mentions([
        mention("op_a", "2025-06-03", "Soldiers raided a compound near Mir Ali on Monday and killed five militants.", **fields),
        mention("op_b", "2025-06-03", "Five militants died near Mir Ali on Monday when the military hit their hideout.", **fields),
    ])
    assert clusters(events) == [["op_a", "op_b"]]
    parts = events[0]["merge"]["links"][0]["parts"]
    assert ("perpetrators" in parts) is counted


def test_an_undated_retelling_of_a_toll_is_the_dated_incident(run_extract):
    # the capital where security was tightened is not a second attack with the same nine dead
    text = ("A suicide bomber killed nine people and wounded 21 at a rally in Loralai on Tuesday.\n"
            "Security was tightened in Islamabad after the bombing that killed nine people and wounded 21.")
    events = run_extract(text, published="2020-05-05")
    assert [(e["district"], e["killed"], e["injured"]) for e in events] == [("Loralai", 9, 21)]


def test_a_small_toll_told_twice_on_one_day_may_be_two_incidents(run_extract):
    text = ("Gunmen killed three policemen at a checkpost in Bannu on Tuesday.\n"
            "In Lakki Marwat, three labourers were killed when their van hit a roadside bomb.")
    assert sorted(e["district"] for e in run_extract(text, published="2020-05-05")) == ["Bannu", "Lakki Marwat"]
