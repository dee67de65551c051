"""Each proposal carries its top reasons, best first, and each reason reads as a plain sentence."""

import pytest
from django.utils import translation

from buddies.matching import SLOT_LABELS, Reason, propose, reason_text
from buddies.models import AVAILABILITY_SLOTS

from .test_matching_examples import CENTRE, TODAY, newcomer, volunteer


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("reason", "sentence"),
    [
        (Reason("shared_language", {"languages": ["pl"]}), "Both speak Polish"),
        (Reason("shared_language", {"languages": ["pl", "ur"]}), "Both speak Polish and Urdu"),
        (Reason("distance", {"km": 1.2}), "Live 1.2 km apart"),
        (Reason("distance", {"km": 0.0}), "Live less than 0.1 km apart"),
        (Reason("waiting", {"days": 45}), "Has waited 6 weeks"),
        (Reason("waiting", {"days": 1}), "Has waited 1 day"),
        (Reason("interests", {"interests": ["sport-leisure"]}), "Shared interests: Sport and leisure"),
        (
            Reason("interests", {"interests": ["health", "sport-leisure"]}),
            "Shared interests: Health, Sport and leisure",
        ),
        (Reason("place_of_welcome_nearby", {"km": 0.5}), "A Place of Welcome is 0.5 km away"),
        (Reason("availability", {"slots": ["sat_morning"]}), "Both free on Saturday mornings"),
        (
            Reason("availability", {"slots": ["mon_evening", "sat_morning", "sun_afternoon"]}),
            "Both free on Monday evenings, Saturday mornings and Sunday afternoons",
        ),
    ],
)
def test_a_reason_reads_as_a_sentence(reason, sentence):
    assert reason_text(reason) == sentence


def test_every_availability_slot_has_a_label():
    assert tuple(SLOT_LABELS) == AVAILABILITY_SLOTS


def test_reasons_are_the_top_three_best_first():
    # Waited 10 weeks (20 points), all three interests shared (3), 1.1 km of 5 km (1.6), a Place
    # of Welcome 0.5 km away (0.75), one free slot shared (0.33), Polish shared (1).
    person = newcomer(waiting_days=70, interests=frozenset({"health", "faith", "sport-leisure"}))
    buddy = volunteer(interests=frozenset({"health", "faith", "sport-leisure"}))
    [proposal] = propose([person], [buddy], today=TODAY, places_of_welcome=[(CENTRE[0] + 0.0045, CENTRE[1])])
    assert [reason.code for reason in proposal.reasons] == ["waiting", "interests", "distance"]
    assert [reason_text(reason) for reason in proposal.reasons] == [
        "Has waited 10 weeks",
        "Shared interests: Faith groups, Health, Sport and leisure",
        "Live 1.1 km apart",
    ]


def test_a_shared_language_fills_the_list_when_little_else_is_shared():
    person = newcomer(waiting_days=0, interests=frozenset(), languages=frozenset({"en"}))
    buddy = volunteer(languages=frozenset({"en", "ro"}))
    [proposal] = propose([person], [buddy], today=TODAY)
    assert [reason_text(reason) for reason in proposal.reasons] == [
        "Live 1.1 km apart",
        "Both free on Saturday mornings",
        "Both speak English",
    ]


def test_a_shared_home_language_is_named_before_english():
    [proposal] = propose([newcomer(waiting_days=0, interests=frozenset())], [volunteer()], today=TODAY)
    assert "Both speak Polish" in [reason_text(reason) for reason in proposal.reasons]


def test_numbers_in_a_reason_follow_the_readers_language():
    with translation.override("pl"):
        assert "1,2" in reason_text(Reason("distance", {"km": 1.2}))
