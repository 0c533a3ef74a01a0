"""Who an attack targeted (EVENTS.md `targets`), on sentences written for these tests: the kinds
the casualty figures name, sources and responders who are no targets, foreign nationals, the
places a text only describes, and the private citizens of an attack that names no other kind."""

from __future__ import annotations

import pytest

PUBLISHED = "2019-05-13"  # a Monday


def _only(events: list[dict]) -> dict:
    assert len(events) == 1, [(e["district"], e["date"], e["killed"]) for e in events]
    return events[0]


def _targets(run_extract, text: str) -> list[str]:
    return sorted(_only(run_extract(text, published=PUBLISHED))["targets"])


# --- the kinds the casualty figures name ----------------------------------------------------------

@pytest.mark.parametrize(
    "text,expected",
    [
        # the part of a toll names a kind of its own
        ("Eleven passengers, including two Frontier Corps men, were killed when a bomb hit a "
         "coach in Kohat on Sunday.", ["civilians", "paramilitary", "transport"]),
        ("A grenade thrown at a tea stall in Turbat on Sunday injured six people, including three "
         "government employees.", ["civilians", "government"]),
        # spellings of the reports: "jawaans", "para-military"
        ("A bomb hit a vehicle in Nowshera on Thursday, injuring 14 people, among them four jawaans of the "
         "para-military force.", ["civilians", "paramilitary"]),
        # a toll told in a sentence without an attack word
        ("A roadside bomb went off in Tank on Sunday. Three army men and a driver died.", ["civilians", "military"]),
        # the party a victim belongs to, spelled out, is a political target; an official of it
        # is no private citizen (a health worker is, and the health service's)
        ("Two men on a motorcycle gunned down a district office-bearer of the Pakistan Peoples Party "
         "in Nawabshah on Sunday.", ["political"]),
        ("A lady health worker was shot dead on her way home in Bajaur on Sunday.", ["civilians", "health"]),
        # the party's name whole, however the parser splits its hyphens or hangs a place on it
        ("Gunmen wounded a district leader of the Jamiat Ulema-e-Islam-Fazl in Tank on Sunday.", ["political"]),
        ("Gunmen wounded a district leader of the JUI-F in Tank on Sunday.", ["political"]),
        # workers of a vaccination campaign are the health target, not private citizens besides
        ("Three polio workers were gunned down in a village of Bajaur on Sunday.", ["health"]),
        ("Gunmen killed two vaccinators in Bajaur on Sunday.", ["health"]),
        # a party's workers are the party's (political), not labourers besides
        ("Gunmen opened fire on PTI workers at an election camp in Bajaur on Sunday, wounding four of them.", ["political"]),
        # teachers of a college, and polling staff, are who they work for
        ("Gunmen shot dead a professor outside his college in Turbat on Sunday.", ["civilians", "education"]),
        ("A bomb wounded three polling staff in Kech on Sunday.", ["government"]),
        # jawans of the police are policemen, not the army's
        ("Gunmen shot dead two police jawans at a checkpoint in Tank on Sunday.", ["police"]),
        # an institute where people are trained or taught is a place of education
        ("Gunmen raided a veterinary institute in Swabi on Sunday, killing four people.", ["civilians", "education"]),
        # "two of them": the body "them" stands for names their kind; no private citizens
        ("A bomb hit a pickup carrying customs officers near Tank on Sunday, killing three of them.", ["government"]),
        # the Federal Investigation Agency is a police force
        ("Two FIA officers were gunned down outside their office in Peshawar on Sunday.", ["police"]),
        # the staff of a power utility
        ("Gunmen fired on a PESCO team repairing a line in Lakki Marwat on Sunday, killing two linemen.", ["infrastructure"]),
    ],
)
def test_targets_kinds_named_by_the_counted_victims(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


# --- sources and responders -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text,expected",
    [
        # security men, troops and border posts are the army's unless the story names the FC
        ("Militants attacked two border posts in Arandu, Chitral, on Saturday, killing 12 soldiers.", ["military"]),
        # a unit of the Frontier Corps by name
        ("Militants attacked two border posts of the Chitral Scouts in Arandu on Saturday, killing 12 soldiers.",
         ["paramilitary"]),
        # the sentence names the paramilitary outside the words read as the attack's object
        ("Dozens of militants mounted night raids on paramilitary posts near Arandu, Chitral, on Saturday, killing "
         "12 soldiers.", ["paramilitary"]),
    ],
)
def test_targets_security_men_are_the_paramilitary_the_story_names(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_source_named_after_according_to_is_no_target(run_extract):
    text = ("According to the regional inspector general of police, gunmen shot dead four villagers "
            "in Kohlu on Sunday.")
    assert _targets(run_extract, text) == ["civilians"]


@pytest.mark.parametrize(
    "text",
    [
        "Policemen secured the area after gunmen shot dead three villagers in Kohlu on Sunday.",
        "Policemen inspected the site after gunmen shot dead three villagers in Kohlu on Sunday.",
        "Police cordoned off the area after gunmen shot dead three villagers in Kohlu on Sunday.",
        "Rangers stood near the bodies after gunmen shot dead three villagers in Kohlu on Sunday.",
    ],
)
def test_targets_forces_who_respond_are_no_targets(run_extract, text):
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_forces_named_after_by_an_encounter_are_who_fired(run_extract):
    text = "Four persons, including a shopkeeper, were killed in a disputed encounter by CTD police near Sahiwal on Sunday."
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_police_who_only_name_the_attack_are_no_target(run_extract):
    text = "A Chinese engineer was shot dead by gunmen in Clifton on Monday in what police termed a targeted attack."
    assert "police" not in _targets(run_extract, text)


def test_targets_police_who_insist_on_a_toll_are_no_target(run_extract):
    text = ("A bomber hit an army vehicle in Hayatabad on Monday. Police officials insisted that two soldiers "
            "were martyred in the blast.")
    assert _targets(run_extract, text) == ["military"]


def test_targets_whose_zone_an_attack_fell_in_is_no_target(run_extract):
    text = "A grenade attack in the eastern zone of the city police wounded three sanitary workers in Lyari on Saturday."
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_uniforms_the_attackers_wore_are_no_target(run_extract):
    text = ("Gunmen wearing Frontier Corps uniforms stopped a van in Kohlu on Sunday and shot dead "
            "seven labourers.")
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_clause_inside_a_responders_phrase_still_tells_the_attack(run_extract):
    text = ("Soldiers stood guard on Sunday at the spot in Kohlu where gunmen had kidnapped a "
            "Japanese engineer.")
    assert _targets(run_extract, text) == ["foreigners"]


# --- foreign nationals ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kidnapped a Polish engineer from his camp in Attock on Sunday.",
        "Gunmen fired on the bus of the visiting Nepali team in Lahore on Sunday, wounding two players.",
        # nationals named by the plural of their nationality
        "Gunmen opened fire on a jeep near Skardu on Sunday, killing two Ukrainians and their guide.",
        "Four Britons and a Korean were wounded when a grenade hit a guest house in Chitral on Sunday.",
    ],
)
def test_targets_nationality_with_a_person_noun_is_foreigners(run_extract, text):
    assert "foreigners" in _targets(run_extract, text)


def test_targets_a_convoy_of_vehicles_is_no_public_transport(run_extract):
    # who rode in the convoy was attacked (foreign engineers: private citizens and foreigners), not
    # public transport
    text = ("A suicide bomber rammed a convoy of vehicles carrying Chinese engineers near Pasni on "
            "Sunday, injuring two of the engineers.")
    assert _targets(run_extract, text) == ["civilians", "foreigners"]


def test_targets_nationality_of_a_weapon_is_no_target(run_extract):
    text = "An American drone fired two missiles at a compound in Datta Khel on Sunday, killing four militants."
    assert "foreigners" not in _only(run_extract(text, published=PUBLISHED))["targets"]


# --- places a text only describes -----------------------------------------------------------------

def test_targets_named_hospital_of_the_wounded_is_no_target(run_extract):
    text = ("A bomb in a Quetta bazaar killed two shopkeepers on Sunday; the wounded were taken to "
            "Sandeman Provincial Hospital.")
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_city_described_as_a_port_is_no_infrastructure_target(run_extract):
    text = "Gunmen shot dead two shopkeepers in the port city of Gwadar on Sunday."
    assert _targets(run_extract, text) == ["civilians"]


# --- an attack that names no other kind -----------------------------------------------------------

def test_targets_people_killed_in_an_attack_naming_no_kind_are_civilians(run_extract):
    text = "A grenade attack in a street of Lyari left nine people injured on Sunday."
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_passers_by_wounded_beside_police_are_civilians_too(run_extract):
    text = ("Gunmen ambushed a police van in Tank on Sunday, killing four policemen and wounding "
            "their driver along with several passersby.")
    assert _targets(run_extract, text) == ["civilians", "police"]


# --- perpetrators ---------------------------------------------------------------------------------

def _groups(run_extract, text: str) -> list[tuple[str, str]]:
    return sorted((p["group"], p["attribution"]) for p in _only(run_extract(text, published=PUBLISHED))["perpetrators"])


def test_perpetrators_a_group_of_militants_is_a_band_not_a_parent_group(run_extract):
    # "a group of Taliban militants" beside another name ("the Pakistan Air Force") is no faction's parent
    text = "A group of Taliban militants stormed a Pakistan Air Force base in Kamra on Thursday, killing a guard."
    event = _only(run_extract(text, published=PUBLISHED))
    assert [p["group"] for p in event["perpetrators"]] == ["TTP"]


def test_perpetrators_claim_beside_a_threat_still_claims(run_extract):
    text = ("A bomb tore through a vegetable market in Kohat on Sunday, killing six shoppers. "
            "Jamaat-ul-Ahrar claimed the bombing and warned that it would carry out more attacks.")
    assert _groups(run_extract, text) == [("JuA", "claimed")]


def test_perpetrators_claimants_own_place_does_not_move_the_claim(run_extract):
    text = ("A suicide bomber struck a police post in Bannu on Sunday, killing four policemen. "
            "A spokesman for the Tehreek-i-Taliban Pakistan in Miranshah claimed responsibility for the attack.")
    assert _groups(run_extract, text) == [("TTP", "claimed")]


def test_perpetrators_parent_of_the_claiming_group_is_no_perpetrator(run_extract):
    text = ("A bomb went off at the gate of a court in Mardan on Sunday, killing five people. "
            "Ahrar-ul-Hind, which broke away as a splinter group of the TTP in 2013, claimed "
            "responsibility for the attack.")
    assert _groups(run_extract, text) == [("Ahrar-ul-Hind", "claimed")]


def test_perpetrators_claim_after_a_subheading_claims_the_last_incident(run_extract):
    text = ("A bomb went off in a Swabi market on Sunday, killing five shoppers.\n"
            "Who is behind it\n"
            "A faction called Jamaat-ul Ahrar claimed responsibility for the attack.\n")
    assert _groups(run_extract, text) == [("JuA", "claimed")]


def test_perpetrators_group_of_a_member_who_was_killed_did_not_act(run_extract):
    text = ("A suicide bomber struck a checkpoint in Bannu on Sunday, killing six soldiers. "
            "The Tehreek-i-Taliban Pakistan claimed the attack, saying it avenged the killing of "
            "al-Qaeda commander Abu Zaid.")
    assert _groups(run_extract, text) == [("TTP", "claimed")]


# --- strikes, reactions, vehicles, page credits ------------------------------------------------------

def test_targets_strike_naming_no_target_was_aimed_at_militants(run_extract):
    text = "A drone strike hit a compound in Datta Khel on Sunday, killing eight people."
    event = _only(run_extract(text, published=PUBLISHED))
    assert event["event_type"] == "strike" and event["targets"] == ["militants"]


def test_targets_militants_counted_as_part_of_a_strike_toll(run_extract):
    text = ("A US drone strike hit a compound in Datta Khel on Sunday, killing 12 people, including "
            "five suspected militants and three women.")
    assert "militants" in _only(run_extract(text, published=PUBLISHED))["targets"]


def test_targets_people_an_attack_alarmed_are_no_targets(run_extract):
    text = ("Gunmen kidnapped a Danish aid worker in Peshawar on Sunday, which alarmed teachers and "
            "doctors across the city.")
    assert _targets(run_extract, text) == ["foreigners"]


def test_targets_hijacked_trucks_are_transport(run_extract):
    text = "Militants hijacked eleven trucks carrying fuel near Jamrud on Sunday and set them on fire."
    assert "transport" in _only(run_extract(text, published=PUBLISHED))["targets"]


def test_targets_violence_in_general_and_a_photo_credit_name_no_kind(run_extract):
    text = ("Gunmen shot dead two traders in Karachi on Sunday, in a city long scarred by political "
            "and sectarian violence. Photo: PTI")
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_trailing_source_with_a_title_is_no_target(run_extract):
    text = ("Five labourers were shot dead in Kohlu on Sunday, according to officials, including the "
            "district police chief.")
    assert _targets(run_extract, text) == ["civilians"]


def test_targets_navy_victims_beside_rangers_stay_military(run_extract):
    text = ("Militants stormed a naval aviation base in Karachi on Sunday; six navy personnel and two "
            "Rangers personnel were killed in the assault.")
    assert _targets(run_extract, text) == ["military", "paramilitary"]


def test_targets_soldiers_of_the_frontier_corps_are_paramilitary_only(run_extract):
    text = "Four FC soldiers were martyred when militants attacked their post in Kohlu on Sunday."
    assert _targets(run_extract, text) == ["paramilitary"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # security personnel whom no word names as police or Frontier Corps are the army's, as
        # "soldiers" are, never private citizens
        ("Three security personnel were martyred when gunmen raided a check post in Tank on Friday.", ["military"]),
        ("A roadside device hit a security forces vehicle near Mir Ali on Monday, injuring two men.", ["military"]),
        # named as the Frontier Corps elsewhere in the sentence: paramilitary only
        ("Two security men of the Frontier Corps died when their post in Kalat came under fire on Tuesday.", ["paramilitary"]),
    ],
)
def test_targets_unnamed_security_personnel_are_soldiers(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_a_tehsildar_is_a_government_official_not_politics(run_extract, only_event):
    # "political tehsildar" is the revenue officer of a tribal agency's administration: a
    # government target and a victim, whatever "political" says elsewhere
    text = ("A device planted by the road blew up under a jeep near Khar on Monday, killing a political "
            "tehsildar and four Levies guards.")
    event = only_event(run_extract(text, published=PUBLISHED))
    assert (sorted(event["targets"]), event["killed"]) == (["government", "paramilitary"], 5)


# --- victims listed without an attack word ------------------------------------------------------------

def test_targets_counted_victims_listed_among_the_dead_join_the_incident(run_extract):
    # (the other six of the nine people killed are of no stated kind: private citizens)
    text = ("A bomb went off outside a tehsil office in Mardan on Sunday, killing nine people. "
            "A police officer said two teachers and a judge were among the dead.")
    assert _targets(run_extract, text) == ["civilians", "education", "government"]


@pytest.mark.parametrize(
    "follow_up,expected",
    [
        # who the dead were, told with "be": all of them, most of them, or "those killed"
        ("The dead were all policemen, a senior officer said.", ["police", "religious"]),
        ("Most of those killed were policemen on their way home.", ["police", "religious"]),
        ("Officials said police officers were the target of the blast.", ["police", "religious"]),
        # a negated verb says who they were not; an officer who speaks is no victim
        ("The victims were not policemen, a senior officer said.", ["religious"]),
    ],
)
def test_targets_who_the_victims_were_joins_the_incident(run_extract, follow_up, expected):
    # a toll of "people" at a mosque: its worshippers, unless a later sentence says who they were
    text = "Four people were killed when a bomb went off outside a mosque in Quetta on Monday night. " + follow_up
    assert _targets(run_extract, text) == expected


def test_targets_a_clash_in_which_only_attackers_fell_targeted_them_alone(run_extract):
    # the shrine the three meant to attack was not attacked: the clash's only target is the men killed
    text = ("Rangers shot dead three militants in an exchange of fire near Rohri on Friday. "
            "Officials said their target was a shrine in the town.")
    assert _targets(run_extract, text) == ["militants"]


def test_targets_uncounted_victims_a_party_lists_are_no_targets(run_extract):
    text = ("A drone strike hit a compound in Datta Khel on Sunday, killing eight militants. "
            "The group said civilians were among those killed.")
    assert _targets(run_extract, text) == ["militants"]


def test_targets_hedge_in_a_relative_clause_leaves_the_fact_told(run_extract):
    text = ("Gunmen abducted two Danish engineers in Quetta on Sunday, an incident that would "
            "worry investors in the province.")
    assert _targets(run_extract, text) == ["foreigners"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen stormed the army headquarters in Rawalpindi on Sunday and held officers hostage.", ["military"]),
        ("A grenade thrown in a Saddar street on Sunday killed an intelligence officer.", ["government"]),
        ("A bomb went off in Quetta on Sunday, killing a police constable and wounding several vendors.",
         ["civilians", "police"]),
        # worshippers are the religious target (EVENTS.md), not private citizens besides
        ("A suicide bomber struck in Peshawar on Sunday, killing 20 parishioners.",
         ["religious"]),
        # whoever escaped or survived the attack was its target
        ("An SSP escaped a suicide attack on his convoy in Malir on Sunday.", ["police"]),
        # a health centre or clinic is a health site as much as a hospital is
        ("In Bannu a bomber blew himself up near a rural health centre on Sunday, killing six policemen.",
         ["health", "police"]),
        ("A bomb went off outside a private clinic in Tank on Sunday, wounding two policemen.", ["health", "police"]),
    ],
)
def test_targets_sites_and_people_named_by_kind(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead two policemen guarding polio workers in Tank on Sunday.",
        "Gunmen shot dead a constable posted on polio duty in Tank on Sunday.",
    ],
)
def test_targets_whom_the_victims_guarded_is_no_target(run_extract, text):
    assert _targets(run_extract, text) == ["police"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # whom the dead were counted among
        ("A suicide bomber struck outside a stadium in Charsadda on Sunday, killing 20 people. The dead "
         "were all from among 300 Levies recruits on parade.", ["paramilitary"]),
        # "a large number of" counts no one
        ("A bomb went off in a street of Landi Kotal on Sunday, killing nine people. According to elders "
         "the victims include a large number of students on their way back from classes.", ["civilians"]),
    ],
)
def test_targets_victims_listed_are_read_only_when_counted(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_counted_victim_of_a_passive_casualty_verb_joins_the_incident(run_extract):
    text = ("Gunmen abducted two Danish engineers from a guest house in Quetta on Sunday. A passer-by "
            "was shot in the arm when he ran towards their car.")
    assert _targets(run_extract, text) == ["civilians", "foreigners"]


# --- who was attacked: the roles of the attack and casualty words -------------------------------

@pytest.mark.parametrize(
    "text,expected",
    [
        # the police who report, the hospital the wounded reach and the office of the deputy
        # commissioner near the site are no targets; the procession the blast tore through is
        # (its people are its mourners: religious, as worshippers are)
        ("A suicide blast tore through a Muharram procession in Jacobabad on Sunday, killing 14 "
         "people, police said. The wounded were taken to the district hospital near the office of "
         "the deputy commissioner.", ["religious"]),
        # the object of the verb that carried the attack word: a grenade thrown at a police station
        ("Two men on a motorcycle threw a hand grenade at a police station in Bannu on Sunday, "
         "damaging its gate.", ["police"]),
        # the victims of a participle clause of the verb ("stormed ..., killing")
        ("Gunmen stormed a checkpost in Tank on Sunday, killing two Levies men.", ["paramilitary"]),
        # a site inside a compound: the compound was attacked with it
        ("A suicide bomber killed 30 people in a mosque inside the Police Lines in Peshawar on Sunday.",
         ["police", "religious"]),
    ],
)
def test_targets_are_what_the_attack_words_hit(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_a_party_name_written_with_hyphens_is_read_whole(run_extract):
    # the parser splits "Ulema-e-Islam-Fazl" and hangs its pieces on other words; "ulema" alone
    # would be religious scholars, the whole name is a political party
    text = ("The death toll from Sunday's suicide bombing at a workers' convention of the Jamiat "
            "Ulema-e-Islam-Fazl in Bajaur's Khar tehsil rose to 54 on Monday.")
    assert _targets(run_extract, text) == ["civilians", "political"]


def test_targets_a_station_whose_area_the_attack_fell_in_is_no_target(run_extract):
    text = ("Armed men shot dead a shopkeeper within the limits of the Saddar police station in "
            "Kohat on Sunday.")
    assert _targets(run_extract, text) == ["civilians"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen abducted an American engineer in Quetta on Sunday.", ["foreigners"]),
        # a nationality standing for a person; not one that modifies a weapon
        ("Gunmen kidnapped an American from his house in Lahore on Sunday.", ["foreigners"]),
        ("Gunmen abducted a Briton from his car near Quetta on Sunday.", ["foreigners"]),
        ("An American drone killed four militants in a compound in Datta Khel on Sunday.", ["militants"]),
        # the three wounded are counted: foreign private citizens ("six Chinese nationals")
        ("Militants attacked a bus carrying Chinese nationals in Karachi on Sunday, wounding "
         "three of them.", ["civilians", "foreigners", "transport"]),
    ],
)
def test_targets_foreign_victims_named_by_nationality(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # the vehicle the victims were taken off was attacked too
        ("Nine passengers were offloaded from a coach near Turbat on Sunday night and shot dead.", ["civilians", "transport"]),
        ("Eight labourers were pulled off a bus near Kech on Sunday and shot dead by gunmen.", ["civilians", "transport"]),
        # the vehicle the wounded were moved from is no target
        ("Gunmen shot dead eight labourers near Turbat on Sunday; their bodies were taken to the hospital.", ["civilians"]),
    ],
)
def test_targets_the_vehicle_victims_were_pulled_off(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # where plain "people" were hit tells who they were, however the parser attaches it
        ("Two blasts killed at least 25 people at the shrine of a Sufi saint in Multan on Sunday.", ["religious"]),
        ("Gunmen killed eleven people during a Muharram procession in Hangu on Sunday.", ["religious"]),
        # people at a protest are private citizens
        ("A suicide bomber struck a protest outside the provincial assembly in Lahore on Sunday.", ["civilians"]),
        # traffic wardens are traffic police
        ("Gunmen shot dead two traffic wardens at a crossing in Multan on Sunday.", ["police"]),
        # a seminary is a school of religion
        ("A bomb went off in a seminary in Nowshera on Sunday, wounding nine people.", ["education", "religious"]),
        # worshippers and pilgrims are the religious target, not private citizens besides
        ("Gunmen opened fire on a bus of Shia pilgrims in Mastung on Sunday, killing nine pilgrims.", ["religious", "transport"]),
    ],
)
def test_targets_the_site_or_the_faith_of_the_people_hit(run_extract, text, expected):
    assert sorted(_targets(run_extract, text)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a named bridge or village after "at"/"in" says where the victims were, not what was hit
        ("Two constables were martyred when gunmen fired on them at Sherpao Bridge in Charsadda on Sunday.", ["police"]),
        ("Three policemen were killed after gunmen ambushed them in Gulabad village of Lower Dir on Sunday.", ["police"]),
        ("Militants blew up a bridge on the main road in Charsadda on Sunday.", ["infrastructure"]),
        # a village or town, named or not, after "in" or "near" says where the victims were;
        # one attacked keeps its people as the target
        ("Two soldiers were martyred in a village of North Waziristan when militants opened fire on Sunday.", ["military"]),
        ("A constable was shot dead in a small town near Bannu on Sunday.", ["police"]),
        ("Militants attacked a village in Kurram on Sunday, killing three people.", ["civilians"]),
        # a party named after its clerics is political
        ("A roadside bomb targeted a convoy of the Jamiat Ulema-e-Islam in Zhob on Sunday.", ["political"]),
    ],
)
def test_targets_names_of_places_and_parties_are_not_what_their_words_say(run_extract, text, expected):
    assert sorted(_targets(run_extract, text)) == expected


@pytest.mark.parametrize(
    "site",
    ["two mobile phone towers", "a cellphone tower", "three gas pipelines", "two communication towers",
     "a telecommunication tower", "two electricity pylons", "the power lines"],
)
def test_targets_utilities_in_the_plural_and_in_other_words_are_infrastructure(run_extract, site):
    text = f"Militants blew up {site} in Kharan on Sunday night, officials said."
    assert _targets(run_extract, text) == ["infrastructure"]


@pytest.mark.parametrize(
    "text, kind",
    [
        # provincial police units
        ("Two Anti-Terrorism Force personnel were martyred when gunmen fired on their vehicle in Hyderabad on Monday.", "police"),
        ("An SSU commando was martyred when gunmen fired on a convoy in Karachi on Monday.", "police"),
        ("Two Rapid Response Force men were martyred when gunmen fired on their van in Lahore on Monday.", "police"),
        # a schoolteacher is a teacher
        ("A schoolteacher was shot dead by unidentified gunmen near his home in Bannu on Monday.", "education"),
        # places of worship of any faith
        ("Gunmen opened fire on an Ahmadi place of worship in Sialkot on Friday, killing one man.", "religious"),
        ("Gunmen opened fire on an Ahmadi worship place in Sialkot on Friday, killing one man.", "religious"),
        ("Gunmen opened fire on a gurdwara in Sialkot on Friday, killing one man.", "religious"),
    ],
)
def test_targets_kinds_named_by_words_of_recent_reports(run_extract, text, kind):
    assert kind in _targets(run_extract, text)


def test_targets_people_killed_beside_a_site_of_another_kind_are_civilians(run_extract):
    # twelve people at a bus stand: the site's own kind and private citizens
    text = "A bomb went off at a bus stand in Sibi on Sunday, killing twelve people."
    assert _targets(run_extract, text) == ["civilians", "transport"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # people at a shrine or a mosque are its worshippers (EVENTS.md: religious)
        ("A bomb went off outside a shrine in Sibi on Sunday, killing twelve people.", ["religious"]),
        # ... unless the text names civilians among them
        ("A bomb went off outside a shrine in Sibi on Sunday, killing twelve people. Five boys "
         "were among the dead, a doctor said.", ["civilians", "religious"]),
        ("A bomb went off outside a shrine in Sibi on Sunday, killing twelve people. The dead "
         "included three women.", ["civilians", "religious"]),
    ],
)
def test_targets_people_at_a_religious_site_are_its_worshippers(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # the people a toll counts beyond the policemen among them were private citizens
        ("A bomb planted on a bicycle went off near a police van in Bannu on Friday, wounding 11 "
         "people, including four constables.", ["civilians", "police"]),
        # all of them policemen: nobody else
        ("A bomb planted on a bicycle went off near a police van in Bannu on Friday, wounding four "
         "people, including four constables.", ["police"]),
        # the part told in a sentence of its own, after the linking verb
        ("A bomb planted on a bicycle went off near a police van in Bannu on Friday, wounding 11 "
         "people. Four of the wounded were constables.", ["civilians", "police"]),
        # who most of the counted were
        ("A suicide bomber struck a Muharram procession in Shikarpur on Friday, killing 19 people, "
         "mostly children.", ["civilians", "religious"]),
        # "among those killed": a listed part of the toll
        ("A suicide bomber struck a mosque in Sibi on Friday, killing 12 people. Five boys were "
         "among those killed.", ["civilians", "religious"]),
    ],
)
def test_targets_kinds_of_the_people_a_toll_counts(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen shot dead a provincial minister in Quetta on Sunday.", ["government"]),
        ("Gunmen shot dead an opposition leader in Swabi on Sunday.", ["political"]),
    ],
)
def test_targets_ministers_and_politicians(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_of_a_recalled_attack_without_figures_come_from_its_sentence(run_extract):
    # no figure and no attacked object the grammar finds: the kinds its sentence names
    text = ("Gunmen shot dead two traders in Quetta on Sunday.\n"
            "In March, a bomb had damaged shops and homes in Mastung.")
    events = {e["district"]: e for e in run_extract(text, published=PUBLISHED)}
    assert events["Mastung"]["targets"] == ["civilians"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a UN official and an army officer by rank are kinds of their own
        ("Gunmen abducted a UN official in Quetta on Sunday.", ["foreigners"]),
        ("Militants shot dead an army colonel in Chilas on Sunday.", ["military"]),
        # whom the attacker joined before he struck: the clause that "after" opens on the attack verb
        ("A suicide bomber struck after joining worshippers in a mosque in Peshawar on Friday, "
         "killing 20 people.", ["religious"]),
    ],
)
def test_targets_officials_ranks_and_the_clause_before_the_attack(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # the ranks of the army's other ranks name a soldier, as "a soldier" would
        ("Troops raided a militant hideout in Spinwam on Sunday. Three militants were killed, "
         "while Havildar Karim Dad lost his life in the exchange of fire.", ["militants", "military"]),
        ("A roadside bomb went off near a patrol in Tank on Sunday, martyring Lance Naik Tariq Mehmood.", ["military"]),
        # the same ranks in the Frontier Corps, which the text names
        ("A bomb hit an FC vehicle in Turbat on Sunday, killing Sepoy Wali Khan of the Frontier Corps.", ["paramilitary"]),
    ],
)
def test_targets_a_soldier_named_by_his_rank(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_a_political_agent_is_the_government(run_extract):
    # a tribal agency's administrator, like a district's deputy commissioner: no politician
    text = "A suicide bomber struck the gate of the political agent's office in Khyber Agency on Sunday, killing three Khasadar personnel."
    assert _targets(run_extract, text) == ["government", "paramilitary"]


@pytest.mark.parametrize(
    "text",
    [
        # "Airport Road" says where the grenade went off; no airport was attacked
        "Eleven labourers were injured when a grenade went off at Airport Road in Turbat on Sunday evening.",
        # nor was a university, in the quarter of a city named after one
        "A shopkeeper was shot and wounded near his home in University Town, Peshawar, on Sunday.",
    ],
)
def test_targets_a_road_or_quarter_named_after_a_site_is_no_target(run_extract, text):
    assert _targets(run_extract, text) == ["civilians"]


def test_policemen_among_the_dead_told_after_a_toll_of_people_leave_civilians(run_extract):
    # the rest of the twenty were not said to be anything else: private citizens
    text = ("At least 20 people were killed on Sunday when a suicide bomber struck near a police van in "
            "Lahore. Six policemen were among the dead.")
    assert _targets(run_extract, text) == ["civilians", "police"]


def test_the_force_the_counted_soldiers_belong_to_names_their_kind(run_extract):
    text = "Seven soldiers of the Frontier Corps sustained injuries in a bomb blast near Turbat on Sunday."
    assert _targets(run_extract, text) == ["paramilitary"]


def test_the_forces_who_fired_are_not_the_target(run_extract):
    # the agent of the passive ("by officials of Punjab police") fired; the travellers were hit
    text = ("Three travellers, including a woman, were killed when their car was fired upon by officials of "
            "Punjab police near Sahiwal on Saturday.")
    assert _targets(run_extract, text) == ["civilians"]


def test_speakers_the_parser_tears_off_the_subject_are_no_targets(run_extract):
    # "police and rescue officials said": the parser hangs "police" and "rescue" on the place before
    text = ("QUETTA: Six pupils were killed and 40 injured in a blast on Sunday inside a madrassa in Quetta, "
            "police and rescue officials said.")
    assert "police" not in _targets(run_extract, text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The American aid expert Michael Brown was kidnapped from his home in Lahore on Saturday.", ["foreigners"]),
        ("Gunmen seized Danish aid expert Peter Hansen from his office in Quetta on Monday.", ["foreigners"]),
    ],
)
def test_a_nationality_naming_a_person_is_foreign(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a town's or an area's name that modifies the thing attacked says where it stands
        ("Militants attacked the Gul Imam police station in Tank on Sunday night, martyring a constable.", ["police"]),
        ("A grenade hurled at a Soldier Bazaar shop in Karachi on Sunday wounded three customers.", ["civilians"]),
    ],
)
def test_the_words_of_a_place_name_before_the_target_cue_no_target(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_people_killed_in_a_relative_clause_on_a_site_are_not_of_its_kind(run_extract):
    # "in which 147 people were killed" tells what happened at the school: the people counted
    # are not the army's because the school is, and most of them were children
    text = ("An anti-terrorism court on Monday sentenced four men to death for their part in the December 2014 massacre "
            "at the Army Public School in Peshawar, in which 147 people, most of them children, were killed.")
    assert "civilians" in sorted(_only(run_extract(text, published="2024-12-17"))["targets"])


@pytest.mark.parametrize(
    "text, expected",
    [
        # a country's own nationals are no foreigners where the attack happened
        ("Jaish al-Adl gunmen killed nine Iranian policemen at a station near Saravan in Iran's "
         "Sistan-Baluchestan province on Sunday.", ["police"]),
        # in Pakistan they are
        ("Gunmen killed two Iranian traders in Quetta on Sunday.", ["civilians", "foreigners"]),
    ],
)
def test_targets_nationals_of_the_country_of_the_attack(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_what_a_bomber_drove_into_was_attacked(run_extract):
    # (the school it stood near was not)
    text = "A suicide bomber drove an explosives-laden car into a Levies post near a school in Kalat on Sunday."
    assert _targets(run_extract, text) == ["paramilitary"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # the roles found who was hit: the courts the vehicle was near were not
        ("A man was killed and 12 others were hurt when a suicide bomber drove his motorcycle into a "
         "Frontier Corps vehicle near the district courts in Mardan on Thursday.", ["civilians", "paramilitary"]),
        # where a misparse leaves the roles empty, the counted victims' sentence says who was hit
        ("Six people, among them an advocate, died and 18 more were wounded as a sessions court in Swabi "
         "was struck by a pair of suicide bombers on Monday morning.", ["civilians", "government"]),
    ],
)
def test_targets_a_counted_victims_sentence_beside_the_roles_of_its_attack(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # guards a business hires are civilians beside the police
        ("Gunmen stormed a bank in Hyderabad on Monday, killing two security guards and a police constable.", ["civilians", "police"]),
        # guards of a force named are that force
        ("Gunmen killed two Levies guards at a checkpost in Kalat on Monday.", ["paramilitary"]),
    ],
)
def test_targets_hired_security_guards_are_civilians(run_extract, text, expected):
    assert _targets(run_extract, text) == expected


def test_targets_a_long_list_struck_is_read_without_deep_recursion(run_extract):
    # what was struck is read by a worklist: a list of hundreds of conjuncts is no deeper a
    # call stack than one (the list below is 300 deep; the allowance, 150 frames, is not)
    import inspect
    import sys

    sites = " and ".join("a post in Kalat" if n % 2 else "a bank in Kalat" for n in range(300))
    text = f"Militants struck {sites} on Sunday, killing two policemen."
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 150)
    try:
        targets = _targets(run_extract, text)
    finally:
        sys.setrecursionlimit(limit)
    assert targets == ["police"]


@pytest.mark.parametrize("victim", ["a Shia scholar", "a religious scholar", "the pesh imam of a mosque"])
def test_targets_religious_scholars_are_religious(run_extract, victim):
    text = f"Gunmen on a motorcycle shot dead {victim} in Orangi on Sunday."
    assert _targets(run_extract, text) == ["religious"]
