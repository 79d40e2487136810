"""Framing, who a figure is about, from the figure's own phrase and its clause's roles
(extract/frame/subject.py). A figure written as a modifier of a name is that name's
("the 1,900-mile-wide Europa", "a $129.99 Premiere Edition"); a figure that counts a
common noun is not the name that qualifies it."""

import pytest

from extract.records import Article

# id, sentence, surface, expected subject
MODIFIED_NAME = [
    ("astronomy-moon-width",
     "Astronomers used the W. M. Keck Observatory in Hawaii to study the 1,900-mile-wide "
     "(3,100 kilometers) Europa, which astrobiologists regard as one of the best bets to host life.",
     "3,100 kilometers", "Europa"),
    ("astronomy-moon-width-first",
     "Astronomers used the W. M. Keck Observatory in Hawaii to study the 1,900-mile-wide "
     "(3,100 kilometers) Europa, which astrobiologists regard as one of the best bets to host life.",
     "1,900-mile", "Europa"),
    ("games-edition-price",
     "Google's gaming offering is offered at a monthly rate for its subscription (there is also "
     "a $129.99 Premiere Edition available for preorder that includes a controller).",
     "$129.99", "Premiere Edition"),
    ("heading-title-case", "The $600 Billion Gap, Explained Without the Jargon", "$600 Billion", None),
    ("counted-countries",
     "He has won a domestic title in a record four different countries (Portugal, England, Italy and Spain).",
     "four different countries", None),
]


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


def _subject(nlp, text, surface):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    return hits[0].subject


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in MODIFIED_NAME], ids=[c[0] for c in MODIFIED_NAME])
def test_a_figure_that_modifies_a_name_is_the_names(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, expected subject: a verb's first object receives its second
RECIPIENT = [
    ("hockey-lead",
     "Parise's first-period goals gave the Wild a commanding two-goal lead they wouldn't relinquish.",
     "two-goal", "Wild"),
    ("election-majority", "The vote handed Labour a 40-seat majority in parliament.", "40-seat", "Labour"),
    ("pronoun-recipient", "The company gave him a $5 million bonus.", "$5 million", None),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in RECIPIENT], ids=[c[0] for c in RECIPIENT])
def test_the_first_object_of_a_giving_verb_owns_the_figure_given(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, expected subject: the possessor of the phrase a figure's phrase hangs on
POSSESSOR_ABOVE = [
    ("hockey-attendance",
     "“He’s getting a little bit of confidence back,” Boudreau said before the Wild’s 4-1 win over "
     "the Sabres in front of 15,522 in KeyBank Center.", "15,522", "Wild"),
    ("company-buyback",
     "Shares rose after Microsoft's announcement of a buyback of up to $60 billion on Tuesday.",
     "$60 billion", "Microsoft"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in POSSESSOR_ABOVE], ids=[c[0] for c in POSSESSOR_ABOVE])
def test_the_possessor_of_the_phrase_above_the_figure_owns_it(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, expected subject: quoted speech in the first person is the speaker's
SPEAKER_SELF = [
    ("social-my-followers",
     "“And like, of my 1,000 followers, five swiped away,” said Will Tjernlund, a consultant.",
     "1,000 followers", "Will Tjernlund"),
    ("social-i-lost",
     "“I will question why I lost 14 followers in a week where I did not post anything at all,” Minga said.",
     "14 followers", "Minga"),
    ("health-i-manage",
     "“Going upstairs to bed was a 30 min activity as I could only manage two stairs at a time,” the patient said.",
     "two stairs", "patient"),
    ("health-my-level",
     "“My oxygen saturation level nowadays is regularly 97%–98%, which I understand to be normal,” the patient said.",
     "97%–98%", "patient"),
    ("no-speaker", "My oxygen saturation level nowadays is regularly 97%–98%.", "97%–98%", None),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in SPEAKER_SELF], ids=[c[0] for c in SPEAKER_SELF])
def test_first_person_speech_is_about_its_speaker(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, the speaker: a person who says what the clause below states is
# its source, never what the figure is about; a company that expects its own spending is
# its subject ("Meta, for its part, expects ... capital expenditures of $66 billion")
SPEAKER_NOT_SUBJECT = [
    ("prison-staffing",
     "At the time of the suicide, there were more than 30 staff vacancies at the facility, said Serene Gregg, "
     "local president of the prison workers' union.", "30 staff vacancies", "Serene Gregg"),
    ("hockey-crowd", "There were 4,000 fans in the stands, said coach Mike Babcock.", "4,000 fans", "Mike Babcock"),
    ("aviation-traffic", "There are about 12,000 flights a day in U.S. airspace, said Pete Buttigieg.",
     "12,000 flights", "Pete Buttigieg"),
]


@pytest.mark.parametrize("text,surface,speaker", [c[1:] for c in SPEAKER_NOT_SUBJECT],
                         ids=[c[0] for c in SPEAKER_NOT_SUBJECT])
def test_a_person_who_reports_the_clause_is_not_its_subject(nlp, text, surface, speaker):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject != speaker
    assert hits[0].source == speaker


# id, sentence, surface, expected subject: people counted "from" or "at" a named body
COUNTED_FROM = [
    ("protest-teachers",
     "High school math teacher Angela Cooper said she and more than 40 fellow teachers from the Gibson "
     "Southern schools near Evansville left about 4:30 a.m. for the rally.", "40 fellow teachers", "Gibson Southern"),
    ("police-students", "Police said 12 students from Lincoln High School were taken to hospital.",
     "12 students", "Lincoln High School"),
    ("sport-performances-not-people",
     "The Thunder, who have lost four of five despite two solid performances at Staples Center, fell again.",
     "two solid performances", "Thunder"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in COUNTED_FROM], ids=[c[0] for c in COUNTED_FROM])
def test_people_counted_from_a_named_body_are_its(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject
