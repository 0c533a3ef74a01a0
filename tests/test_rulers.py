"""The span rulers of the incident pipeline: GROUP and SECURITY_FORCE entities with their
canonical ids, PLACE entities resolved through the gazetteer, the overrides of the base model's
labels, and the attack triggers kept in doc.spans["incidents_triggers"]."""

from __future__ import annotations

import pytest

from pipeline.gazetteer import load_gazetteer


def _ents(doc, label):
    return [(ent.text, ent.ent_id_) for ent in doc.ents if ent.label_ == label]


@pytest.mark.parametrize(
    "text,alias,code",
    [
        ("Tehrik-i-Taliban Pakistan said its men carried out the raid.", "Tehrik-i-Taliban Pakistan", "TTP"),
        ("A Tehreek-e-Taliban Pakistan spokesman issued a denial.", "Tehreek-e-Taliban Pakistan", "TTP"),
        ("Fighters of Tehrik-e-Taliban were seen near the ridge.", "Tehrik-e-Taliban", "TTP"),
        ("Officials held the Pakistani Taliban responsible for the ambush.", "Pakistani Taliban", "TTP"),
        ("The army said Fitna al-Khawarij operatives planted the device.", "Fitna al-Khawarij", "TTP"),
        ("Police said the khawarij fled towards the hills after the raid.", "khawarij", "TTP"),
        ("ISKP said in a message that its fighter set off the charge.", "ISKP", "IS-KP"),
        ("Daesh published a photograph of the bomber on Tuesday.", "Daesh", "IS-KP"),
        ("The Islamic State Khorasan Province has claimed the blast.", "Islamic State Khorasan Province", "IS-KP"),
        ("The Majeed Brigade said its squad stormed the camp.", "Majeed Brigade", "BLA"),
        ("The interior ministry blamed Fitna al-Hindustan for the killings.", "Fitna al-Hindustan", "BLA"),
        ("The Hafiz Gul Bahadur group said it was behind the raid.", "Hafiz Gul Bahadur group", "HGB"),
        ("Tehreek-e-Jihad Pakistan claimed the assault on the court.", "Tehreek-e-Jihad Pakistan", "TJP"),
        ("Lashkar-e-Jhangvi was blamed for the shooting of the trader.", "Lashkar-e-Jhangvi", "LeJ"),
        # spellings of the Urdu connecting vowel and of the names themselves vary by outlet
        ("Police said the Tehreek-i-Taliban had sent the bomber.", "Tehreek-i-Taliban", "TTP"),
        ("Lashkar e Jhangvi men were arrested in the raid.", "Lashkar e Jhangvi", "LeJ"),
        ("A Jaish-e-Mohammad cell was broken up.", "Jaish-e-Mohammad", "JeM"),
        ("The BRA said its fighters blew up the pylon.", "BRA", "BRA"),
        # groups of the years before 2022 that EVENTS.md does not list (codes added)
        ("Jaish-ul-Islam said its man drove the car.", "Jaish-ul-Islam", "Jaish-ul-Islam"),
        ("Hizbul Ahrar said it planted the device.", "Hizbul Ahrar", "Hizb-ul-Ahrar"),
        ("NATO helicopters crossed the border before dawn.", "NATO helicopters", "ISAF"),
        # names of the years after 2021: ISPR's spelling of the TTP's label, the Islamic State's
        # Pakistan branch (Daesh in a Pakistan context is IS-KP), the BLA's Azad faction and
        # groups formed since (codes added)
        ("The troops engaged the khwarij hideout at first light.", "khwarij", "TTP"),
        ("Operatives of Fitna al-Khwarij were tracked to a compound.", "Fitna al-Khwarij", "TTP"),
        ("The Islamic State Pakistan Province put out a statement.", "Islamic State Pakistan Province", "IS-KP"),
        ("A spokesman for the BLA-Azad denied a role.", "BLA-Azad", "BLA"),
        ("The Baloch Nationalist Army said its cell set the charge.", "Baloch Nationalist Army", "BNA"),
        ("Ittehad-ul-Mujahideen Pakistan said its fighters fired first.", "Ittehad-ul-Mujahideen Pakistan", "IMP"),
        ("A kharji died in the exchange of fire.", "kharji", "TTP"),
        ("Officials blamed Fitnah al Hindustan for the ambush.", "Fitnah al Hindustan", "BLA"),
        # the ISPR's abbreviations of the two labels
        ("Troops killed three terrorists of FAK in the raid.", "FAK", "TTP"),
        ("The army said FAH terrorists fired on the bus.", "FAH", "BLA"),
        ("Iran's Revolutionary Guards said they had hit the camps.", "Iran's Revolutionary Guards", "Iranian Armed Forces"),
        ("India's missiles struck a seminary near the town.", "India's missiles", "Indian Armed Forces"),
        ("The IS-Khorasan claimed the bombing of the rally.", "IS-Khorasan", "IS-KP"),
        ("The Baloch Republican Guards said they blew up the pipeline.", "Baloch Republican Guards", "BRG"),
        # a neighbour's state forces (code added): their fire across the Line of Control
        ("Indian troops opened fire along the Line of Control.", "Indian troops", "Indian Armed Forces"),
    ],
)
def test_rulers_group_alias_gets_canonical_code(nlp, text, alias, code):
    doc = nlp(text)
    assert (alias, code) in _ents(doc, "GROUP"), [(e.text, e.label_, e.ent_id_) for e in doc.ents]


@pytest.mark.parametrize(
    "text,name,province,district",
    [
        ("A bomb went off near the main market of Wana on Monday.", "Wana", "Khyber Pakhtunkhwa", "South Waziristan"),
        ("Gunmen fired on a checkpoint in Bara late at night.", "Bara", "Khyber Pakhtunkhwa", "Khyber"),
        ("A parked motorcycle exploded in Hayatabad this morning.", "Hayatabad", "Khyber Pakhtunkhwa", "Peshawar"),
        ("Two constables were shot dead in D.I. Khan on Sunday.", "D.I. Khan", "Khyber Pakhtunkhwa", "Dera Ismail Khan"),
        ("Militants blocked the highway in Bolan for three hours.", "Bolan", "Balochistan", "Kachhi"),
        ("A convoy came under fire in Nushki after dusk.", "Nushki", "Balochistan", "Nushki"),
        ("The car was blown up near Essa Nagri on the expressway.", "Essa Nagri", "Sindh", "Karachi"),
    ],
)
def test_rulers_place_alias_resolves_to_district(nlp, text, name, province, district):
    doc = nlp(text)
    places = dict(_ents(doc, "PLACE"))
    assert name in places, [(e.text, e.label_) for e in doc.ents]
    place = load_gazetteer()[places[name]]
    assert (place.country, place.province, place.district) == ("Pakistan", province, district)


def test_rulers_codes_and_acronyms_are_places_only_as_written(nlp):
    doc = nlp("A cracker went off in the G-9 sector and later near F6 market, KP police said.")
    assert {"G-9 sector", "F6", "KP"} <= {text for text, _ in _ents(doc, "PLACE")}, [(e.text, e.label_) for e in doc.ents]
    lower = nlp("gb of data on key f6 and a kp login")
    assert _ents(lower, "PLACE") == [], [(e.text, e.label_) for e in lower.ents]


def test_rulers_place_kunar_is_afghan_province(nlp):
    doc = nlp("Villagers said shells landed in Kunar overnight.")
    places = dict(_ents(doc, "PLACE"))
    assert "Kunar" in places
    place = load_gazetteer()[places["Kunar"]]
    assert place.country == "Afghanistan"
    assert place.district == "Kunar"
    assert place.province is None


def test_rulers_province_name_is_place_not_org(nlp):
    doc = nlp("The government of Khyber Pakhtunkhwa announced compensation for the families.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Khyber Pakhtunkhwa") == "PLACE", labels
    place = load_gazetteer()[dict(_ents(doc, "PLACE"))["Khyber Pakhtunkhwa"]]
    assert place.kind == "province"


def test_rulers_bhakkar_is_place_not_person(nlp):
    doc = nlp("A grenade was hurled at a police van in Punjab's Bhakkar district on Monday.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Bhakkar") == "PLACE", labels
    assert not any(ent.label_ == "PERSON" and "Bhakkar" in ent.text for ent in doc.ents)
    place = load_gazetteer()[dict(_ents(doc, "PLACE"))["Bhakkar"]]
    assert (place.province, place.district) == ("Punjab", "Bhakkar")


@pytest.mark.parametrize(
    "text,force",
    [
        ("An FC vehicle was hit near the border post.", "FC"),
        ("The Frontier Corps sealed off the area after the attack.", "Frontier Corps"),
        ("Levies guarding the bridge returned fire.", "Levies"),
        ("The CTD said the suspects had been under watch for weeks.", "CTD"),
        ("Rangers cordoned off the street in Karachi.", "Rangers"),
    ],
)
def test_rulers_security_force_entities(nlp, text, force):
    doc = nlp(text)
    forces = [ent for ent in doc.ents if ent.label_ == "SECURITY_FORCE"]
    assert any(ent.text == force or ent.text.startswith(force + " ") for ent in forces), [
        (e.text, e.label_) for e in doc.ents
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("FC", "paramilitary"),
        ("Frontier Corps", "paramilitary"),
        ("Levies", "paramilitary"),
        ("Rangers", "paramilitary"),
        ("Tochi Scouts", "paramilitary"),  # a unit of the Frontier Corps
        ("Kurram Militia", "paramilitary"),
        ("CTD", "police"),
    ],
)
def test_rulers_security_force_category_ids(nlp, text, expected):
    doc = nlp(f"Officials from the {text} spoke to reporters after the meeting.")
    ids = {ent.text: ent.ent_id_ for ent in doc.ents if ent.label_ == "SECURITY_FORCE"}
    assert ids.get(text) == expected, ids


@pytest.mark.parametrize(
    "text,trigger,method",
    [
        ("A suicide bomber rammed the gate of the compound.", "suicide bomber", "suicide_bombing"),
        ("Two guards died in a suicidal attack on the compound.", "suicidal attack", "suicide_bombing"),
        ("An IED planted on the roadside went off as the van passed.", "IED", "bombing"),
        ("A roadside bomb tore through a police pickup.", "roadside bomb", "bombing"),
        ("Militants ambushed a supply convoy on the mountain road.", "ambushed", "armed_assault"),
        ("Two men on a motorcycle opened fire on the shopkeeper.", "opened fire", "armed_assault"),
        ("Terrorists fired on a police van near the bazaar.", "fired on", "armed_assault"),
        ("Border guards opened unprovoked fire on the posts.", "opened unprovoked fire", "armed_assault"),
        ("Two men fired indiscriminately at the shop.", "fired indiscriminately at", "armed_assault"),
        ("An airstrike flattened a compound near the border.", "airstrike", "airstrike"),
    ],
)
def test_rulers_trigger_spans_carry_method(nlp, text, trigger, method):
    doc = nlp(text)
    triggers = {(span.text.lower(), span.id_) for span in doc.spans["incidents_triggers"]}
    assert (trigger.lower(), method) in triggers, triggers


def test_rulers_triggers_are_not_entities(nlp):
    doc = nlp("A roadside bomb exploded near the bazaar.")
    assert doc.spans["incidents_triggers"]
    assert not any(ent.label_ in {"SPECIFIC", "GENERIC"} for ent in doc.ents)


def test_rulers_nato_forces_supplied_are_no_group(nlp):
    # "supplies for NATO forces" names whom the convoy served: the ruler has no "NATO forces"
    doc = nlp("Militants torched ten tankers carrying fuel for NATO forces in Afghanistan.")
    assert not [ent for ent in doc.ents if ent.label_ == "GROUP"]


def test_rulers_group_word_inside_other_words_not_matched(nlp):
    doc = nlp("The committee discussed the budget for schools and hospitals.")
    assert _ents(doc, "GROUP") == []
    assert list(doc.spans["incidents_triggers"]) == []


# -- plain-word token patterns as phrases (pipeline/components/rulers.py) -------------------


def test_word_sequences_spells_only_plain_word_patterns():
    from pipeline.components.rulers import word_sequences

    assert word_sequences([{"LOWER": "truck"}, {"LOWER": {"IN": ["bomb", "bomber"]}}]) == (
        "LOWER", [("truck", "bomb"), ("truck", "bomber")]
    )
    assert word_sequences([{"ORTH": "Upper"}, {"ORTH": "Dir"}]) == ("ORTH", [("Upper", "Dir")])
    assert word_sequences("a phrase pattern") is None
    assert word_sequences([{"LOWER": "gun"}, {"OP": "?"}]) is None  # an operator
    assert word_sequences([{"LEMMA": "ambush"}]) is None  # another attribute
    assert word_sequences([{"ORTH": "Swat"}, {"LOWER": "valley"}]) is None  # mixed attributes
    assert word_sequences([{"LOWER": "Swat"}]) is None  # never matches: left to the Matcher
    assert word_sequences([{"LOWER": {"IN": [str(i) for i in range(30)]}}] * 2) is None  # too many


def test_word_span_ruler_finds_the_spans_of_spacys_span_ruler(nlp):
    """Every span of both rulers as spaCy's own SpanRuler with the same patterns finds it, on
    sentences where plain-word, operator and LEMMA patterns overlap."""
    from spacy.pipeline.span_ruler import SpanRuler

    texts = [
        "A suicide bomber detonated his vest beside a police van in Upper Swat on Monday.",
        "Gunmen ambushed a convoy; the ambush killed four and militants seized the passenger train.",
        "Troops conducted an intelligence-based operation in North Waziristan.",
        "The intelligence - based operations in Swat Valley left two suicide attackers dead.",
        "The match in Lahore ended in a draw after rain.",  # no word the Matcher's patterns need
    ]
    for name in ("incidents_entities", "incidents_triggers"):
        ruler = nlp.get_pipe(name)
        assert ruler.word_matchers, f"{name}: no pattern went to a phrase matcher"
        reference = SpanRuler(nlp, name, spans_key=ruler.spans_key, phrase_matcher_attr=ruler.phrase_matcher_attr)
        # the phrase patterns are made as the pipeline made them: by the stages before the
        # ruler, the statistical ones skipped
        statistical = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}
        before = [p for p in nlp.pipe_names[: nlp.pipe_names.index(name)] if p not in statistical]
        with nlp.select_pipes(enable=before):
            reference.add_patterns(ruler.patterns)
        found = 0
        for doc in nlp.pipe(texts):
            ours = [(s.start, s.end, s.label_, s.id_) for s in ruler.match(doc)]
            assert ours == [(s.start, s.end, s.label_, s.id_) for s in reference.match(doc)]
            found += len(ours)
        assert found


@pytest.mark.parametrize("word", ["sub-inspector", "Sub-Inspector", "SUB-INSPECTOR", "passers-by"])
def test_tokenizer_keeps_the_hyphenated_words_of_patterns_whole(nlp, word):
    # patterns/tokenizer.json: split at the hyphen, the parser lost the victim of "and a sub-inspector"
    assert [t.text for t in nlp.make_doc(f"Gunmen killed a {word}, police said.")][3] == word


def test_tokenizer_still_splits_other_hyphenated_words(nlp):
    assert "sub-committee" not in [t.text for t in nlp.make_doc("A sub-committee met on Sunday.")]


@pytest.mark.parametrize("word", ["passersby", "Passersby", "passers-by", "Passers-By"])
def test_tokenizer_gives_a_rare_spelling_a_common_words_norm_and_keeps_its_text(nlp, word):
    # patterns/tokenizer.json parse_norms: the tagger and parser read the norm; the text and the
    # lower-case form every lexicon match reads stay the page's
    token = nlp.make_doc(f"Two {word} were hurt.")[1]
    assert (token.text, token.lower_, token.norm_) == (word, word.lower(), "people")


def test_tokenizer_keeps_a_retired_officers_bracket_whole(nlp):
    # "Colonel (retd) Khalid": one token read as "retired", so the rank and the name stay one phrase
    token = nlp.make_doc("Colonel (retd) Khalid was shot.")[1]
    assert (token.text, token.norm_) == ("(retd)", "retired")


def test_ruler_patterns_use_no_attribute_the_prefilter_does_not_set():
    # the prefilter runs the rulers on documents that are tokenized and lemmatized only: a
    # pattern on a part of speech or a dependency raises there (spaCy's E155)
    import srsly

    from pipeline.resources import data_path

    for name in ("triggers.jsonl", "groups.jsonl", "security_forces.jsonl"):
        for entry in srsly.read_jsonl(data_path("patterns") / name):
            if isinstance(entry["pattern"], list):
                used = {key for token in entry["pattern"] for key in token}
                assert not used & {"POS", "TAG", "DEP", "MORPH", "ENT_TYPE"}, (name, entry)
