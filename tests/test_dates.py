"""Date resolution: `resolve_date_phrase` on its own, and dates of incidents in whole documents.

Weekdays used below: 2026-02-25 is a Wednesday, 2026-02-27 a Friday, 2026-02-28 a Saturday.
"""

from __future__ import annotations

import pytest

from pipeline.components.dates import latest_explicit_date, resolve_date_phrase




@pytest.mark.parametrize(
    "phrase,published,value,precision",
    [
        ("February 24", "2026-02-25", "2026-02-24", "day"),
        ("24 February", "2026-02-25", "2026-02-24", "day"),
        ("on Friday", "2026-02-27", "2026-02-27", "day"),
        ("on Friday", "2026-02-28", "2026-02-27", "day"),
        ("Thursday night", "2026-02-27", "2026-02-26", "day"),
        ("yesterday", "2026-02-25", "2026-02-24", "day"),
        ("yesterday", "2026-03-01", "2026-02-28", "day"),
        ("last week", "2026-02-25", "2026-02", "month"),
        ("last week", "2026-03-03", "2026-02", "month"),
        ("a week ago", "2026-03-04", "2026-02", "month"),
        # "earlier this week" on a Saturday: a day of that week before it, in one month
        ("earlier this week", "2026-02-28", "2026-02", "month"),
        # "over the weekend" in a Monday's report: the Saturday and Sunday before
        ("over the weekend", "2026-02-23", "2026-02", "month"),
        ("two days ago", "2026-02-25", "2026-02-23", "day"),
        ("a few days ago", "2026-02-25", "2026-02", "month"),
        ("the night between Saturday and Sunday", "2026-02-25", "2026-02-21", "day"),
        ("last month", "2026-02-25", "2026-01", "month"),
        ("last month", "2026-01-10", "2025-12", "month"),
        ("the 4th of this month", "2026-02-25", "2026-02-04", "day"),
        ("the 28th of last month", "2026-03-02", "2026-02-28", "day"),
        ("the 27th of this month", "2026-02-25", "2026-02", "month"),  # not yet come
        ("in March 2025", "2026-02-25", "2025-03", "month"),
        ("2023", "2026-02-25", "2023", "year"),
        ("December 18", "2026-01-05", "2025-12-18", "day"),
        ("March 3, 2024", "2026-02-25", "2024-03-03", "day"),
        ("April 12 last year", "2026-05-20", "2025-04-12", "day"),
        ("12 December last year", "2026-12-20", "2025-12-12", "day"),
    ],
)
def test_dates_resolve_phrase_against_publication(phrase, published, value, precision):
    found_value, found_precision, relative, inferred = resolve_date_phrase(phrase, published)
    assert (found_value, found_precision) == (value, precision)
    assert relative is None
    assert inferred is False


@pytest.mark.parametrize("phrase", ["hours earlier", "later that day", "the same night"])
def test_dates_resolve_same_day_cue_is_relative(phrase):
    assert resolve_date_phrase(phrase, "2026-02-25") == (None, None, "same_day", False)


@pytest.mark.parametrize("phrase", ["Tuesday night", "yesterday", "on Friday"])
def test_dates_resolve_against_a_month_only_publication_gives_that_month(phrase):
    assert resolve_date_phrase(phrase, "2021-10")[:2] == ("2021-10", "month")


def test_dates_resolve_without_publication_uses_reference_year():
    value, precision, relative, inferred = resolve_date_phrase("March 11", None, "2025-01-01")
    assert (value, precision, relative) == ("2025-03-11", "day", None)
    assert inferred is True


def test_dates_resolve_without_any_anchor_gives_none():
    assert resolve_date_phrase("March 11", None, None)[0] is None
    assert resolve_date_phrase("yesterday", None, None)[0] is None


def test_dates_counting_back_past_the_calendar_start_gives_no_date():
    assert resolve_date_phrase("on Friday", "0001-01-01")[0] is None
    assert resolve_date_phrase("yesterday", "0001-01-01")[0] is None
    assert resolve_date_phrase("on Friday", "0001-01-15")[0] == "0001-01-12"


@pytest.mark.parametrize(
    "phrase",
    ["the past three years", "over the past decade", "since 2021", "every Friday", "four months"],
)
def test_dates_resolve_period_phrase_gives_none(phrase):
    value, _, relative, _ = resolve_date_phrase(phrase, "2026-02-25")
    assert value is None and relative is None


def test_dates_resolve_never_after_publication():
    # a day-month that would fall after the paper came out belongs to the year before
    value, _, _, _ = resolve_date_phrase("November 30", "2026-02-25")
    assert value == "2025-11-30"


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("27-04-2024", "2024-04-27"),
        ("27/04/2024", "2024-04-27"),
        ("on 05.04.2024", "2024-04-05"),  # both numbers could be months: written day first
        ("04/27/2024", "2024-04-27"),  # 27 is no month: month first
        ("31/02/2024", None),  # no such day
    ],
)
def test_dates_numeric_dates_are_read_day_first(phrase, value):
    assert resolve_date_phrase(phrase, "2024-05-10")[0] == value


def test_dates_event_dated_by_a_numeric_date(run_extract, only_event):
    event = only_event(run_extract("Gunmen shot dead two constables in Karak on 27-04-2024.", published="2024-05-10"))
    assert event["date"] == "2024-04-27"


def test_dates_latest_explicit_date():
    text = "The raid of 4 June 2024 was followed by another on 9 August 2024, and a third in 2023."
    assert latest_explicit_date(text) == "2024-08-09"
    assert latest_explicit_date("No dates are given here.") is None


def test_dates_doc_records_resolved_phrases(make_doc):
    doc = make_doc("Gunmen shot dead a shopkeeper in Kohat on Monday.", published="2026-02-25")
    values = [(d["text"], d["value"], d["precision"]) for d in doc._.incidents_dates]
    assert ("Monday", "2026-02-23", "day") in values
    found = next(d for d in doc._.incidents_dates if d["text"] == "Monday")
    assert doc.text[found["start"] : found["end"]] == "Monday"


def test_dates_doc_reads_weekdays_the_model_left_untagged(nlp):
    from pipeline.components.extensions import register_extensions

    register_extensions()
    doc = nlp.make_doc("A clinic in Bannu was bombed late Friday, officials said.")
    doc._.incidents_published = "2026-02-25"
    doc.ents = []  # as when the base model misses the weekday
    doc = nlp.get_pipe("incidents_dates")(doc)
    assert [(d["text"], d["value"]) for d in doc._.incidents_dates] == [("late Friday", "2026-02-20")]


def test_dates_doc_skips_period_entities(make_doc):
    doc = make_doc(
        "Over the past three years the district has seen repeated attacks on polio teams.",
        published="2026-02-25",
    )
    assert [d for d in doc._.incidents_dates if d["value"]] == []


# -- dates of incidents in whole documents ---------------------------------------------------


def test_dates_event_weekday_resolved_against_date_line(run_extract, only_event):
    text = (
        "February 25, 2026\n\n"
        "Gunmen on a motorcycle shot dead two policemen at a checkpoint in Kohat on Monday night, "
        "officials said.\n"
    )
    event = only_event(run_extract(text))
    assert event["date"] == "2026-02-23"
    assert event["mentions"][0]["published"] == "2026-02-25"


def test_dates_event_date_told_in_a_later_sentence(run_extract, only_event):
    text = (
        "February 25, 2026\n\n"
        "A roadside bomb struck a police van in Lakki Marwat, killing three constables.\n"
        "The blast took place on Tuesday morning near the bus stand, a police spokesman said.\n"
    )
    event = only_event(run_extract(text))
    assert event["district"] == "Lakki Marwat"
    assert event["date"] == "2026-02-24"
    assert event["killed"] == 3


def test_dates_event_without_date_in_text_is_not_dated_by_date_line(run_extract, only_event):
    # the date line is when the story was published, not when the incident happened
    text = (
        "February 25, 2026\n\n"
        "Unidentified gunmen shot dead two policemen at a checkpoint in Kohat, officials said.\n"
    )
    event = only_event(run_extract(text))
    assert event["mentions"][0]["published"] == "2026-02-25"
    assert event["date"] is None, event


def test_dates_event_yearless_date_in_undated_text_takes_year_from_text(run_extract, only_event):
    text = (
        "Security incidents, March 2025\n\n"
        "On March 11, militants ambushed a Levies patrol in Kachhi, killing four personnel.\n"
    )
    event = only_event(run_extract(text))
    assert event["date"] == "2025-03-11"
    assert event["mentions"][0]["published"] is None
    assert event["mentions"][0]["date_year_inferred"] is True


def test_dates_this_week_across_a_month_end_has_no_month():
    # Tuesday 3 March 2026: the week so far is Monday 2 March, in one month
    assert resolve_date_phrase("earlier this week", "2026-03-03")[0] == "2026-03"
    # Thursday 2 April 2026: the days before it that week run from 30 March to 1 April, two months
    assert resolve_date_phrase("earlier this week", "2026-04-02")[0] is None


def test_dates_a_weekend_across_a_month_end_has_no_month():
    # Monday 2 March 2026: the weekend before was 28 February and 1 March
    assert resolve_date_phrase("over the weekend", "2026-03-02")[0] is None


def test_dates_bare_months_in_a_chronology_follow_the_year_told_before_them(run_extract):
    # a paragraph that steps through a year: "In July", "in December" are that year's months,
    # not the months before the publication date
    text = ("The campaign grew deadlier. In March 2023, a suicide bomber killed nine policemen in Bolan. "
            "In July, a bombing killed 40 people at a rally in Bajaur, and in December, militants killed "
            "23 soldiers in Daraban.")
    found = {e["district"]: e["date"] for e in run_extract(text, published="2025-02-10")}
    assert found == {"Kachhi": "2023-03", "Bajaur": "2023-07", "Dera Ismail Khan": "2023-12"}


def test_dates_a_year_inside_a_clause_starts_no_chronology(run_extract):
    # "since ... in August 2021" dates a period's start; "In January" is then the publication's
    text = ("Attacks have surged since the Taliban took Kabul in August 2021. In January, a suicide bomber "
            "killed 84 people in a mosque in Peshawar.")
    event = run_extract(text, published="2023-11-04")
    assert [(e["district"], e["date"]) for e in event] == [("Peshawar", "2023-01")]
