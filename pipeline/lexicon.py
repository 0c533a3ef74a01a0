"""Word lists of the casualty, date and event stages, read once from patterns/lexicon.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .resources import data_path

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Lexicon:
    killed_lemmas: frozenset[str]
    injured_lemmas: frozenset[str]
    strict_killed: frozenset[str]
    person_only_casualty_lemmas: frozenset[str]  # "the deputy inspector general was martyred": one person
    strict_injured: frozenset[str]
    hedged_report_lemmas: frozenset[str]  # "one person reported killed": the outcome is the complement's
    tally_modifiers: frozenset[str]  # "a recent tally of the city's murdered doctors": a running tally, not one attack's
    initial_report_cues: tuple[str, ...]  # "initial reports said 18 were killed": superseded figures
    no_casualty_phrases: dict[str, tuple[str, ...]]  # "no one was hurt": outcome(s) -> phrases stating zero
    victim_category: dict[str, str]  # word -> people (unspecified) | civilian | security | attacker
    hostile_modifiers: frozenset[str]
    kin_nouns: frozenset[str]  # "his two sons": civilians, counted only with a possessive
    bodyguard_nouns: frozenset[str]  # "the officer and his gunman": an attacker's word for a guard
    armed_person_nouns: dict[str, frozenset[str]]  # "modifiers", "nouns": "armed men" are attackers
    private_guard_nouns: dict[str, frozenset[str]]  # "modifiers", "nouns": "four security guards" are civilians
    at_least: tuple[str, ...]
    approx: tuple[str, ...]
    vague_amounts: frozenset[str]
    number_words: dict[str, int]
    subset_cues: frozenset[str]
    subset_lead_phrases: tuple[str, ...]  # "among them": the count that follows is a part
    aggregate_nouns: frozenset[str]
    aggregate_period_cues: tuple[str, ...]
    aggregate_period_span: re.Pattern  # "during the five months": a stretch of time, figures over it a tally
    sum_cues: tuple[str, ...]  # "a total of": a tally only when several incidents are summed
    hard_hypothetical: frozenset[str]
    new_incident_cues: tuple[str, ...]
    summary_cues: tuple[str, ...]  # "in different areas", "in two days": a sentence counting several incidents
    summary_rank_words: frozenset[str]  # "the third such shooting in three days": ranks one incident, sums none
    same_day_cues: tuple[str, ...]
    claim_cues: tuple[str, ...]
    summary_item_openers: tuple[str, ...]  # "in the first incident": one of the attacks a summary counted
    parent_group_nouns: frozenset[str]  # "a splinter faction of the TTP": the parent is no perpetrator
    #: preposition -> the words before it that make its object a group's origin or ally ("broke away
    #: from the TTP", "a group linked to al-Qaeda")
    group_relation_words: dict[str, frozenset[str]]
    group_link_suffixes: frozenset[str]  # "an al-Qaeda-linked group": the ally named, not the attacker
    group_member_titles: frozenset[str]  # "the killing of an al-Qaeda leader": a member who did not act
    group_member_fates: frozenset[str]  # nouns and verb lemmas of what befell that member
    group_site_nouns: frozenset[str]  # "two bases of Jaish al-Adl" were struck: the group was hit
    suspect_cues: tuple[str, ...]
    describing_suspicion_words: frozenset[str]  # "struck suspected hideouts": a word of suspicion describing what was hit
    blame_cues: tuple[str, ...]  # "blamed the attack on": officials attribute it
    membership_words: frozenset[str]  # "the slain terrorists belonged to the TTP": the attackers' group
    driven_bomb_words: frozenset[str]  # "an explosive-laden vehicle" ...
    driven_bomb_verbs: frozenset[str]  # ... "rammed into the gate": a bomber at the wheel
    group_anaphora: tuple[str, ...]  # "the same group": the group named last
    claiming_group_nouns: frozenset[str]  # "the banned outfit claimed ...": the group named last
    target_cues: dict[str, str]  # phrase -> target category
    target_cue_rewrites: dict[str, str]  # phrase -> the words that stand for it when reading targets
    #: compiled once: (literal to look for first or None, pattern, replacement) per rewrite, in order
    target_rewrite_patterns: tuple[tuple[str | None, re.Pattern, str], ...]
    #: the cue phrases by their first word: (order, phrase, category)
    target_cue_index: dict[str, tuple[tuple[int, str, str], ...]]
    nationalities: frozenset[str]  # "kidnapped an American": a nationality as a noun is a foreign national
    #: "were among the dead", "the wounded included": a sentence that lists victims (* = up to three words)
    victim_list_patterns: tuple[re.Pattern, ...]
    uncounted_heads: frozenset[str]  # "a large number of": the article counts no victim
    victim_passive_verbs: frozenset[str]  # "a passer-by was shot": a counted victim as a passive subject
    identity_subjects: frozenset[str]  # "the dead were all policemen": who the victims were, told with "be"
    identity_shares: frozenset[str]  # "most of the dead were ..."
    identity_target_nouns: frozenset[str]  # "police officers were the target"
    person_singular: frozenset[str]
    person_invariant: frozenset[str]  # "one FC personnel": a noun whose plural form counts one too
    rank_titles: frozenset[str]  # "Sepoy", "Lance Naik", "ASI": a named member of the forces
    strike_actor_cues: frozenset[str]
    air_verbs: frozenset[str]  # "bombed": an airstrike only beside a word for aircraft
    air_verb_lemmas: frozenset[str]  # "jets bomb hideouts": any form of them beside aircraft is an airstrike
    pounding_verbs: frozenset[str]  # "pounded": an airstrike beside aircraft, else shelling
    aircraft_words: frozenset[str]
    operation_words: frozenset[str]  # "an IBO", "a search operation": violence only with a toll or a fight
    the_operation: re.Pattern  # "during the operation": the operation told before
    bystander_verbs: frozenset[str]  # verbs of speaking and responding: their parties are no targets
    guard_verbs: frozenset[str]  # "policemen escorting a team": whom the guards guarded is no target
    attacked_prepositions: frozenset[str]  # "an attack on a checkpost": its object was attacked
    earlier_prepositions: frozenset[str]  # "in the wake of the kidnapping": an attack that came before
    earlier_any_article: frozenset[str]  # "the 10th anniversary of a blast": before, whatever its article
    attacked_verbs: frozenset[str]  # "targeted a convoy", "tore through the bazaar": their objects were attacked
    attacked_phrase_prepositions: frozenset[str]  # "members of the Levies": part of the attacked noun phrase
    carrying_verbs: frozenset[str]  # "a bus carrying pilgrims": the pilgrims were attacked too
    people_site_prepositions: frozenset[str]  # "30 people at the shrine": where plain people were hit
    place_name_nouns: frozenset[str]  # "at Kalpani Bridge", "in Markhnai village": a place, no target
    settlement_nouns: frozenset[str]  # "killed in a village of North Waziristan": where, named or not
    offloading_verbs: frozenset[str]  # "passengers pulled off a bus": the bus was attacked too
    offloading_prepositions: frozenset[str]
    survival_verbs: frozenset[str]  # "the SSP escaped a suicide attack": its subject was attacked
    jurisdiction_nouns: frozenset[str]  # "in the eastern zone of the city police": whose area, not who was hit
    attacked_clause_prepositions: frozenset[str]  # "struck after joining the worshippers": that clause's objects
    assault_verbs: frozenset[str]  # "attacked", "stormed": a raid on a post when nothing says how
    assault_weapons: frozenset[str]  # "rockets": a gun attack's weapon when gunmen are told too
    launch_phrases: frozenset[str]  # "fired at": fires the weapon told, no gun attack of its own
    weaponless_targeting: frozenset[str]  # "a targeted attack": aimed at someone, no weapon named
    senior_victim_titles: frozenset[str]  # "killing the superintendent and three guards": aimed at him
    campaign_workers: tuple[str, ...]  # "two polio workers were shot dead": health, not civilians besides
    raided_sites: frozenset[str]  # "militants stormed the police station": an assault on the post, whoever died
    toll_includes_attacker_cues: tuple[str, ...]  # a toll counting the bomber among the dead
    place_roles: dict[str, frozenset[str]]  # word sets of place roles (patterns/lexicon.json)
    clutter_prefixes: tuple[str, ...]  # page lines that are not the story
    count_unit_words: frozenset[str]  # "five years", "two attacks": a number before these counts no people
    non_count_prefixes: frozenset[str]  # "No. 7", "aged 40", "Sector 9": a number after these counts no people
    money_scale_words: frozenset[str]  # "Rs1 million": a count starting with these is money
    number_tens: frozenset[str]  # "twenty", "hundred": number words a unit word may follow in one count
    number_scales: dict[str, int]  # "thousand" -> 1000: multiplies the count before it and closes it
    personal_objects: frozenset[str]  # "killing him": one person, as the object of a casualty verb
    plural_objects: frozenset[str]  # "opened fire on two policemen, killing them": the two
    member_nouns: frozenset[str]  # "members of the squad": the body named after them decides the kind
    outcome_adjectives: frozenset[str]  # "leaving nine people dead": the outcome closing the object of "leave"
    toll_update_verbs: frozenset[str]  # "the toll rose to 11": a revised total
    toll_given_passives: frozenset[str]  # "the number of injured was put at 27": a total given
    toll_nouns: frozenset[str]  # "toll", "tally": the running figure such a verb moves
    revised_figure_stems: dict[str, tuple[str, ...]]  # "number of wounded", "death toll": what a revised figure counts
    shoot_verbs: frozenset[str]  # "shot dead", "gunned down": these verbs kill ...
    shot_dead_particles: frozenset[str]  # ... with these particles
    shot_dead_forms: frozenset[str]  # "shot", "gunned": those verbs as written before the particle
    security_compounds: frozenset[str]  # "three police officials": a compound making the counted noun security
    hypothetical_modals: frozenset[str]  # "could strike": an attack word under these auxiliaries did not happen
    hypothetical_heads: frozenset[str]  # "plotted an attack", "foiled a bombing": nor one under these lemmas
    hypothetical_modifiers: frozenset[str]  # "a would-be suicide bomber": meant to attack, did not
    campaign_lemmas: frozenset[str]  # "are fighting to topple the government": a campaign's aim, no incident
    habitual_adverbs: frozenset[str]  # "the BLA frequently attacks the forces": what a group does as a rule
    record_quantifiers: frozenset[str]  # "the TTP has been behind most attacks on police": its record
    question_marks: frozenset[str]  # "not clear whether it was a suicide blast": an open question, no attack told
    record_lemmas: frozenset[str]  # "wanted for kidnapping traders": a suspect's record, no attack told
    seized_lemmas: frozenset[str]  # "an explosive device was recovered": a weapon found, no attack
    caught_with_lemmas: frozenset[str]  # "arrested with a suicide vest": a weapon found on a man taken
    non_attack_compound_heads: frozenset[str]  # "the bomb disposal squad": a unit named for bombs
    demolition_lemmas: frozenset[str]  # "troops blew up the bridges": the forces' demolition, no bombing
    trend_lemmas: frozenset[str]  # "kidnapping has declined by 40 percent": a trend, no attack
    trigger_counters: frozenset[str]  # "twin blasts": a counted plural trigger is particular incidents
    specific_plural_triggers: frozenset[str]  # "clashes", "airstrikes": plurals told of one incident
    launch_lemmas: frozenset[str]  # "rockets were fired at the city": the weapons of one attack
    one_raid_plurals: frozenset[str]  # "the strikes": one raid, not the totals of several
    rank_words: frozenset[str]  # "it was the latest attack": like an ordinal, ranks the incident told
    attack_lemmas: frozenset[str]  # a sentence with one of these tells of an attack
    summary_attack_lemmas: frozenset[str]  # "bombings in Zhob and Tank": plurals counting several incidents
    singular_attack_lemmas: frozenset[str]  # "an attack" keeps a toll told with "since" from being a tally
    speaker_verbs: frozenset[str]  # "the correspondent, in Islamabad, says": the place is the speaker's
    claim_verbs: frozenset[str]  # "the group said it killed 90 soldiers": a group's own tally is no toll
    claimant_nouns: frozenset[str]  # "the outfit claimed": subjects that stand for a group
    boast_verbs: frozenset[str]  # "it claimed ...": with a group named in the sentence, ...
    claimant_pronouns: frozenset[str]  # ... these subjects speak for it
    state_speaker_words: frozenset[str]  # "a Taliban government spokesman": a state's figures, no group's tally
    statement_verbs: frozenset[str]  # "police said Tuesday": the day dates the statement
    afghan_state_forces: dict[str, str]  # until, code_until, code_after: Afghanistan's forces by era
    home_nationals: dict[str, tuple[str, ...]]  # "Iranian police officers" in Iran are no foreigners
    roundup_connectives: tuple[str, ...]  # "Meanwhile, in X, ...": a roundup's next item, its day the one before's
    state_arms: dict  # "forces": country -> its forces' code; "arms": "its missiles", "its troops"
    drone_campaign: dict  # words, until, code: whose drone strikes in Pakistan were, by era
    time_gap_units: frozenset[str]  # "a day after a bombing left 26 dead": another, earlier attack
    natural_causes: frozenset[str]  # "died in a thunderstorm": no victim of violence
    criminal_motives: tuple[str, ...]  # "shot dead over a land dispute": a crime, no attack
    raid_words: frozenset[str]  # "militants attacked the post": their assault, though a gunfight followed
    similarity_words: frozenset[str]  # "a similar attack": compares, tells no incident
    same_place_phrases: tuple[str, ...]  # "in the same locality": where the incident told happened
    several_attacks: re.Pattern  # "twin blasts", "three coordinated attacks": several incidents counted
    one_site_attack_nouns: frozenset[str]  # "twin blasts" at one site: one incident
    apart_counters: frozenset[str]  # "separate blasts": apart even at one site
    attacks_anaphora: re.Pattern  # "both attacks": incidents already told
    day_part_phrases: frozenset[str]  # "earlier in the day": the story's own day
    claims_of_several: re.Pattern  # "claimed both attacks": a claim told of several attacks
    the_attacks: re.Pattern  # "claimed the attacks": after a summary of several, a claim of each
    negated_claims: re.Pattern  # "no group has claimed": a claim the text says was not made
    denial_verbs: frozenset[str]  # "the TTP denied involvement": the group's subject is no perpetrator
    pakistan_says: re.Pattern  # "the military said": Pakistan's state tells it
    afghan_actor: re.Pattern  # "Afghan forces", "the Taliban", "Kabul": an Afghan actor ("Pak-Afghan" is not)
    afghan_territory: re.Pattern  # "Afghan territory", "inside Afghanistan": the Afghan side of the border
    afghan_side_groups: frozenset[str]  # group ids of the Afghan side ("Taliban" alone may be)
    later_openers: tuple[str, ...]  # "Later, gunmen shot dead two farmers in a raid": another incident
    next_item_openers: tuple[str, ...]  # "In the second, two policemen were shot dead": the next attack counted
    report_relative: re.Pattern  # "the report comes a day after ...": dated from the report's day
    claim_of_the_attack: re.Pattern  # "claimed responsibility for the attack": a claim of one attack told
    counterfactual: re.Pattern  # "could have killed dozens": what did not happen
    plural_events: re.Pattern  # "attacks", "militancy": violence in the plural, beside a period a tally
    statistical_cues: re.Pattern  # "per cent", "statistics", "in 2019", "5%": a report's totals
    forces_initiative_verbs: frozenset[str]  # "troops raided a compound": the forces acted first
    force_unit_nouns: frozenset[str]  # "a police team raided ...": the unit's force acted
    militant_initiative_verbs: frozenset[str]  # "gunmen stormed the post": the militants did
    forces_response_verbs: frozenset[str]  # "troops retaliated": the militants began
    militant_answer_verbs: frozenset[str]  # "opened fire" once the police had raided: an answer
    outcome_words: dict[str, frozenset[str]]  # word sets of the outcome rules (patterns/lexicon.json)


@lru_cache(maxsize=4)
def load_lexicon(patterns_dir: str | None = None) -> Lexicon:
    folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
    with open(folder / "lexicon.json", encoding="utf-8") as handle:
        raw = json.load(handle)
    victim_category = {}
    # attacker words win over ambiguous ones ("fighters"), security over civilian ("members")
    for category in ("people", "civilian", "security", "attacker"):
        for word in raw["victim_nouns"][category]:
            victim_category[word] = category
    for word in raw["kin_nouns"]["words"]:
        victim_category.setdefault(word, "civilian")
    target_cues = {}
    for category, phrases in raw["target_cues"].items():
        for phrase in phrases:
            target_cues.setdefault(phrase, category)
    # "a Polish engineer", "the Sri Lankan team": a nationality with a person or group noun
    foreign = raw["foreign_nationals"]
    for nationality in foreign["nationalities"]:
        for head in foreign["heads"]:
            target_cues.setdefault(f"{nationality} {head}", "foreigners")
    target_cue_rewrites = {k: v for k, v in raw["target_cue_rewrites"].items() if not k.startswith("_")}
    return Lexicon(
        killed_lemmas=frozenset(raw["casualty_outcomes"]["killed"]),
        injured_lemmas=frozenset(raw["casualty_outcomes"]["injured"]),
        strict_killed=frozenset(raw["strict_killed_lemmas"]),
        person_only_casualty_lemmas=frozenset(raw["person_only_casualty_verbs"]["words"]),
        strict_injured=frozenset(raw["strict_injured_lemmas"]),
        hedged_report_lemmas=frozenset(raw["hedged_report_lemmas"]),
        tally_modifiers=frozenset(raw["tally_modifiers"]),
        initial_report_cues=tuple(raw["initial_report_cues"]),
        no_casualty_phrases={k: tuple(v) for k, v in raw["no_casualty_phrases"].items() if not k.startswith("_")},
        victim_category=victim_category,
        hostile_modifiers=frozenset(raw["hostile_modifiers"]),
        kin_nouns=frozenset(raw["kin_nouns"]["words"]),
        bodyguard_nouns=frozenset(raw["bodyguard_nouns"]["words"]),
        armed_person_nouns={k: frozenset(v) for k, v in raw["armed_person_nouns"].items() if not k.startswith("_")},
        private_guard_nouns={k: frozenset(v) for k, v in raw["private_guard_nouns"].items() if not k.startswith("_")},
        at_least=tuple(raw["qualifiers"]["at_least"]),
        approx=tuple(raw["qualifiers"]["approx"]),
        vague_amounts=frozenset(raw["vague_amounts"]),
        number_words=dict(raw["number_words"]),
        subset_cues=frozenset(raw["subset_cues"]),
        subset_lead_phrases=tuple(raw["subset_lead_phrases"]),
        aggregate_nouns=frozenset(raw["aggregate_nouns"]),
        aggregate_period_cues=tuple(raw["aggregate_period_cues"]),
        aggregate_period_span=_period_span_pattern(raw["aggregate_period_spans"], [word for word, value in raw["number_words"].items() if value >= 2]),
        sum_cues=tuple(raw["sum_cues"]),
        hard_hypothetical=frozenset(raw["hard_hypothetical_cues"]),
        new_incident_cues=tuple(raw["new_incident_cues"]),
        summary_cues=tuple(raw["summary_cues"]),
        summary_rank_words=frozenset(raw["summary_rank_words"]["words"]),
        same_day_cues=tuple(raw["same_day_cues"]),
        claim_cues=tuple(raw["claim_cues"]),
        summary_item_openers=tuple(
            f"{lead} {noun}" for lead in raw["summary_item_openers"]["leads"] for noun in raw["summary_item_openers"]["nouns"]
        ) + tuple(raw["summary_item_openers"]["phrases"]),
        parent_group_nouns=frozenset(raw["parent_group_nouns"]),
        group_relation_words={prep: frozenset(words) for prep, words in raw["group_relation_words"].items() if not prep.startswith("_")},
        group_link_suffixes=frozenset(raw["group_link_suffixes"]),
        group_member_titles=frozenset(raw["group_member_titles"]),
        group_member_fates=frozenset(raw["group_member_fates"]),
        group_site_nouns=frozenset(raw["group_site_nouns"]),
        suspect_cues=tuple(raw["suspect_cues"]),
        describing_suspicion_words=frozenset(raw["describing_suspicion_words"]["words"]),
        blame_cues=tuple(raw["blame_cues"]["words"]),
        membership_words=frozenset(raw["membership_cues"]["words"]),
        driven_bomb_words=frozenset(raw["driven_vehicle_bombs"]["trigger_words"]),
        driven_bomb_verbs=frozenset(raw["driven_vehicle_bombs"]["verbs"]),
        group_anaphora=tuple(raw["group_anaphora"]["words"]),
        claiming_group_nouns=frozenset(raw["claiming_group_nouns"]["words"]),
        target_cues=target_cues,
        target_cue_rewrites=target_cue_rewrites,
        target_rewrite_patterns=tuple(_rewrite_pattern(phrase, words) for phrase, words in target_cue_rewrites.items()),
        target_cue_index=_cue_index(target_cues),
        nationalities=frozenset(foreign["nationalities"]),
        victim_list_patterns=tuple(_rewrite_pattern(phrase, "")[1] for phrase in raw["victim_list_cues"]["phrases"]),
        uncounted_heads=frozenset(raw["victim_list_cues"]["uncounted_heads"]),
        victim_passive_verbs=frozenset(raw["victim_list_cues"]["passive_verbs"]),
        identity_subjects=frozenset(raw["victim_list_cues"]["identity_subjects"]),
        identity_shares=frozenset(raw["victim_list_cues"]["identity_shares"]),
        identity_target_nouns=frozenset(raw["victim_list_cues"]["identity_target_nouns"]),
        person_singular=frozenset(raw["person_nouns_singular"]),
        person_invariant=frozenset(raw["person_nouns_invariant"]),
        rank_titles=frozenset(raw["rank_titles"]),
        strike_actor_cues=frozenset(raw["strike_actor_cues"]),
        air_verbs=frozenset(raw["air_words"]["verbs"]),
        air_verb_lemmas=frozenset(raw["air_words"]["verb_lemmas"]),
        pounding_verbs=frozenset(raw["air_words"]["pounding_verbs"]),
        aircraft_words=frozenset(raw["air_words"]["aircraft"]),
        operation_words=frozenset(raw["operation_words"]),
        the_operation=re.compile(r"\b(?:the|this|that) (?:" + "|".join(sorted(map(re.escape, raw["operation_words"]))) + r")\b"),
        bystander_verbs=frozenset(raw["bystander_verbs"]),
        guard_verbs=frozenset(raw["guard_verbs"]["words"]),
        attacked_prepositions=frozenset(raw["attacked_roles"]["prepositions"]),
        earlier_prepositions=frozenset(raw["earlier_prepositions"]["words"]),
        earlier_any_article=frozenset(raw["earlier_prepositions"]["whatever_article"]),
        attacked_verbs=frozenset(raw["attacked_roles"]["verbs"]),
        attacked_phrase_prepositions=frozenset(raw["attacked_roles"]["phrase_prepositions"]),
        carrying_verbs=frozenset(raw["attacked_roles"]["carrying_verbs"]),
        people_site_prepositions=frozenset(raw["attacked_roles"]["people_site_prepositions"]),
        place_name_nouns=frozenset(raw["attacked_roles"]["place_name_nouns"]),
        settlement_nouns=frozenset(raw["attacked_roles"]["settlement_nouns"]),
        offloading_verbs=frozenset(raw["attacked_roles"]["offloading_verbs"]),
        offloading_prepositions=frozenset(raw["attacked_roles"]["offloading_prepositions"]),
        survival_verbs=frozenset(raw["attacked_roles"]["survival_verbs"]),
        jurisdiction_nouns=frozenset(raw["attacked_roles"]["jurisdiction_nouns"]),
        attacked_clause_prepositions=frozenset(raw["attacked_roles"]["clause_prepositions"]),
        assault_verbs=frozenset(raw["assault_verbs"]),
        assault_weapons=frozenset(raw["assault_weapons"]["words"]),
        launch_phrases=frozenset(raw["assault_weapons"]["launch_phrases"]),
        weaponless_targeting=frozenset(raw["weaponless_targeting"]["words"]),
        senior_victim_titles=frozenset(raw["senior_victim_titles"]["words"]),
        campaign_workers=tuple(raw["campaign_workers"]["words"]),
        raided_sites=frozenset(raw["senior_victim_titles"]["raided_sites"]),
        toll_includes_attacker_cues=tuple(raw["toll_includes_attacker_cues"]),
        place_roles={
            name: frozenset(words) for name, words in raw["place_roles"].items() if not name.startswith("_")
        },
        clutter_prefixes=tuple(raw["page_clutter"]["line_prefixes"]),
        count_unit_words=frozenset(raw["count_unit_words"]["words"]),
        non_count_prefixes=frozenset(raw["non_count_prefixes"]["words"]),
        money_scale_words=frozenset(raw["money_scale_words"]["words"]),
        number_tens=frozenset(raw["number_tens"]["words"]),
        number_scales={k: int(v) for k, v in raw["number_scales"].items() if not k.startswith("_")},
        personal_objects=frozenset(raw["personal_objects"]["words"]),
        plural_objects=frozenset(raw["plural_objects"]["words"]),
        member_nouns=frozenset(raw["member_nouns"]["words"]),
        outcome_adjectives=frozenset(raw["outcome_adjectives"]["words"]),
        toll_update_verbs=frozenset(raw["toll_update_verbs"]["words"]),
        toll_given_passives=frozenset(raw["toll_update_verbs"]["given_passive"]),
        toll_nouns=frozenset(raw["toll_nouns"]["words"]),
        revised_figure_stems={k: tuple(v) for k, v in raw["revised_figure_stems"].items() if not k.startswith("_")},
        shoot_verbs=frozenset(raw["shot_dead"]["verbs"]),
        shot_dead_particles=frozenset(raw["shot_dead"]["particles"]),
        shot_dead_forms=frozenset(raw["shot_dead"]["forms"]),
        security_compounds=frozenset(raw["security_compounds"]["words"]),
        hypothetical_modals=frozenset(raw["trigger_hedges"]["modal_auxiliaries"]),
        hypothetical_heads=frozenset(raw["trigger_hedges"]["head_lemmas"]),
        hypothetical_modifiers=frozenset(raw["trigger_hedges"]["modifiers"]),
        campaign_lemmas=frozenset(raw["trigger_hedges"]["campaign_lemmas"]),
        habitual_adverbs=frozenset(raw["trigger_hedges"]["habitual_adverbs"]),
        record_quantifiers=frozenset(raw["trigger_hedges"]["record_quantifiers"]),
        question_marks=frozenset(raw["trigger_hedges"]["question_marks"]),
        record_lemmas=frozenset(raw["trigger_hedges"]["record_lemmas"]),
        seized_lemmas=frozenset(raw["trigger_hedges"]["seized_lemmas"]),
        caught_with_lemmas=frozenset(raw["trigger_hedges"]["caught_with_lemmas"]),
        non_attack_compound_heads=frozenset(raw["trigger_hedges"]["compound_heads"]),
        demolition_lemmas=frozenset(raw["trigger_hedges"]["demolition_lemmas"]),
        trend_lemmas=frozenset(raw["trigger_hedges"]["trend_lemmas"]),
        trigger_counters=frozenset(raw["trigger_strength"]["counters"]),
        specific_plural_triggers=frozenset(raw["trigger_strength"]["specific_plurals"]),
        launch_lemmas=frozenset(raw["trigger_strength"]["launch_lemmas"]),
        one_raid_plurals=frozenset(raw["trigger_strength"]["one_raid_plurals"]),
        rank_words=frozenset(raw["trigger_strength"]["rank_words"]),
        attack_lemmas=frozenset(raw["attack_lemmas"]["told"]),
        summary_attack_lemmas=frozenset(raw["attack_lemmas"]["summary_plurals"]),
        singular_attack_lemmas=frozenset(raw["attack_lemmas"]["singular_before_since"]),
        speaker_verbs=frozenset(raw["speaker_verbs"]["words"]),
        claim_verbs=frozenset(raw["militant_tally_cues"]["verbs"]),
        claimant_nouns=frozenset(raw["militant_tally_cues"]["group_nouns"]),
        boast_verbs=frozenset(raw["militant_tally_cues"]["claim_verbs"]),
        claimant_pronouns=frozenset(raw["militant_tally_cues"]["speakers"]),
        state_speaker_words=frozenset(raw["militant_tally_cues"]["state_words"]),
        statement_verbs=frozenset(raw["statement_verbs"]["words"]),
        afghan_state_forces={k: v for k, v in raw["afghan_state_forces"].items() if not k.startswith("_")},
        home_nationals={country: tuple(words) for country, words in raw["home_nationals"].items()},
        roundup_connectives=tuple(raw["roundup_connectives"]),
        state_arms={
            "forces": dict(raw["state_arms"]["forces"]), "capitals": dict(raw["state_arms"]["capitals"]),
            "arms": frozenset(raw["state_arms"]["arms"]),
        },
        drone_campaign={k: v for k, v in raw["drone_campaign"].items() if not k.startswith("_")},
        time_gap_units=frozenset(raw["time_gap_units"]["words"]),
        natural_causes=frozenset(raw["natural_causes"]["words"]),
        criminal_motives=tuple(raw["criminal_motives"]["phrases"]),
        raid_words=frozenset(raw["raid_words"]["words"]),
        similarity_words=frozenset(raw["similarity_words"]["words"]),
        same_place_phrases=tuple(raw["same_place_phrases"]["words"]),
        several_attacks=_pair_pattern(raw["several_attacks"]["counters"], raw["several_attacks"]["nouns"], 25),
        one_site_attack_nouns=frozenset(raw["several_attacks"]["one_site_nouns"]),
        apart_counters=frozenset(raw["several_attacks"]["apart"]),
        attacks_anaphora=_pair_pattern(raw["several_attacks"]["anaphors"], raw["several_attacks"]["anaphor_nouns"], 20),
        day_part_phrases=frozenset(raw["day_part_phrases"]["words"]),
        claims_of_several=_pair_pattern(raw["claims_of_several"]["counters"], raw["claims_of_several"]["nouns"], 30, filler="."),
        the_attacks=re.compile(r"\bthe (?:" + "|".join(sorted(map(re.escape, raw["claims_of_several"]["nouns"]))) + r")\b"),
        denial_verbs=frozenset(raw["negated_claims"]["denial_verbs"]),
        negated_claims=_pair_pattern(raw["negated_claims"]["negators"], raw["negated_claims"]["claims"], 20, filler="[^.;,]"),
        pakistan_says=_pair_pattern(raw["pakistan_says"]["speakers"], raw["pakistan_says"]["verbs"], 60, filler="[^.]"),
        afghan_actor=_afghan_actor_pattern(raw["afghan_side"]),
        afghan_territory=_afghan_territory_pattern(raw["afghan_side"]["territory"]),
        afghan_side_groups=frozenset(raw["afghan_side"]["group_ids"]),
        later_openers=tuple(raw["later_openers"]["words"]),
        next_item_openers=tuple(
            lead + follower for lead in raw["next_item_openers"]["leads"] for follower in raw["next_item_openers"]["followers"]
        ),
        report_relative=re.compile(
            rf"\b(?:{_alternatives(raw['report_relative']['verbs'])}) (?:{_alternatives(raw['report_relative']['counts'])}) days? after\b"
        ),
        claim_of_the_attack=re.compile(
            # the noun, then "for" and a determiner or a possessive ("for Sunday's attack"), or the line's end
            rf"\b{re.escape(raw['claim_of_the_attack']['noun'])}(?: for (?:{_alternatives(raw['claim_of_the_attack']['determiners'])}|[a-z]+'s)\b|\W*$)"
        ),
        counterfactual=re.compile(rf"\b(?:{_alternatives(raw['counterfactual_modals']['words'])})(?: well)? have\b"),
        plural_events=re.compile(rf"\b({_alternatives(raw['tally_words']['plural_events'])})\b"),
        statistical_cues=re.compile(rf"\b({_alternatives(raw['tally_words']['statistical_cues'])}|in (?:19|20)\d\d)\b|\d\s?%"),
        forces_initiative_verbs=frozenset(raw["initiative_verbs"]["forces"]),
        force_unit_nouns=frozenset(raw["initiative_verbs"]["unit_nouns"]),
        militant_initiative_verbs=frozenset(raw["initiative_verbs"]["militants"]),
        forces_response_verbs=frozenset(raw["initiative_verbs"]["responses"]),
        militant_answer_verbs=frozenset(raw["initiative_verbs"]["militant_answers"]),
        outcome_words={
            name: frozenset(words) for name, words in raw["outcome_words"].items() if not name.startswith("_")
        },
    )


def _period_span_pattern(spans: dict, number_words: list[str]) -> re.Pattern:
    """"during the five months", "in the last six months", "over 3 years": a preposition, an
    optional "the" and modifier, a count (a number word or digits), a unit of time ("the worst
    attack in years" names no stretch)."""
    return re.compile(
        rf"\b(?:{_alternatives(spans['prepositions'])})\s+(?:the\s+)?(?:(?:{_alternatives(spans['modifiers'])})\s+)?"
        rf"(?:\d+|{_alternatives(number_words)})\s+(?:{_alternatives(spans['units'])})\b"
    )


def _afghan_actor_pattern(side: dict) -> re.Pattern:
    """An Afghan actor's word (lexicon `afghan_side`), not right after a `not_after` prefix
    ("pak-afghan") nor, for a word of `not_before`, right before its words ("afghan border")."""
    behind = "".join(f"(?<!{re.escape(prefix)})" for prefix in side["not_after"])
    words = "|".join(
        re.escape(word) + "".join(f"(?! {re.escape(after)})" for after in side["not_before"].get(word, ()))
        for word in side["actor_words"]
    )
    return re.compile(rf"\b{behind}({words})\b")


def _afghan_territory_pattern(territory: dict) -> re.Pattern:
    """"Afghan territory", "Afghan border villages", "inside Afghanistan" (lexicon `afghan_side`)."""
    adjective, optional = re.escape(territory["adjective"]), re.escape(territory["optional"])
    return re.compile(
        rf"\b({adjective} (?:{optional} )?(?:{_alternatives(territory['nouns'])})|{_alternatives(territory['phrases'])})\b"
    )


def _alternatives(words: list[str]) -> str:
    """A regex alternation of literal words and phrases."""
    return "|".join(re.escape(word) for word in words)


def _pair_pattern(counters: list[str], nouns: list[str], reach: int, filler: str = r"[\w\s-]") -> re.Pattern:
    """A word of `counters` and then one of `nouns` at most `reach` characters of `filler` apart
    ("twin suicide blasts", "the military said"); group 1 is the first word, group 2 the second."""
    return re.compile(rf"\b({_alternatives(counters)})\b{filler}{{0,{reach}}}\b({_alternatives(nouns)})\b")


def _rewrite_pattern(phrase: str, words: str) -> tuple[str | None, re.Pattern, str]:
    """A rewrite of `target_cue_rewrites` compiled: in a phrase, * stands for up to three words
    ("to * hospital"); a phrase without * is looked for as a substring before the regex runs."""
    if "*" in phrase:
        pattern = r"\s+(?:\S+\s+){0,3}?".join(re.escape(part.strip()) for part in phrase.split("*"))
        return None, re.compile(rf"\b{pattern}\b"), f" {words} "
    return phrase, re.compile(rf"\b{re.escape(phrase)}\b"), f" {words} "


def _cue_index(target_cues: dict[str, str]) -> dict[str, tuple[tuple[int, str, str], ...]]:
    """The cue phrases (nearly 2,000, most of them nationality + person noun) indexed by their first
    word, so that a sentence is checked only against the phrases that can start in it: a phrase
    between word boundaries starts where a run of word characters equal to its first word does."""
    index: dict[str, list[tuple[int, str, str]]] = {}
    for order, (phrase, category) in enumerate(target_cues.items()):
        first = WORD.match(phrase)
        if first is None:
            raise ValueError(f"target cue {phrase!r} must start with a letter or digit")
        index.setdefault(first.group(), []).append((order, phrase, category))
    return {word: tuple(entries) for word, entries in index.items()}


@lru_cache(maxsize=None)
def _cue_pattern(phrase: str) -> re.Pattern:
    """A cue phrase between word boundaries, compiled when first needed (compiling all of them
    up front took 0.2 s in every process)."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


def target_kinds(text: str, lexicon: Lexicon) -> list[str]:
    """The target kinds (EVENTS.md vocabulary) whose cue phrases occur in lower-cased `text`,
    after the rewrites of phrases whose words would cue another kind ("police training
    college" is police, not education; in a rewrite, * stands for up to three words)."""
    for literal, pattern, replacement in lexicon.target_rewrite_patterns:
        if literal is None or literal in text:
            text = pattern.sub(replacement, text)
    index = lexicon.target_cue_index
    candidates = sorted(entry for word in set(WORD.findall(text)) for entry in index.get(word, ()))
    found: list[str] = []
    for _, phrase, category in candidates:
        if category not in found and phrase in text and _cue_pattern(phrase).search(text):
            found.append(category)
    return found
