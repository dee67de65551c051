import datetime

import pytest

from places import selectors
from places.models import WardGeneration
from places.tests.factories import WardGenerationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_other_generations():
    """The real Walsall data may be in the reused test database; these tests start from none (rolled back)."""
    WardGeneration.objects.all().delete()


def test_the_generation_in_force_on_a_date_is_chosen():
    old = WardGenerationFactory(valid_from=datetime.date(2004, 6, 10), valid_to=datetime.date(2026, 5, 6))
    new = WardGenerationFactory(valid_from=datetime.date(2026, 5, 7), valid_to=None)
    assert selectors.generation_in_force(datetime.date(2026, 5, 6)) == selectors.GenerationChoice(old, True)
    assert selectors.generation_in_force(datetime.date(2026, 5, 7)) == selectors.GenerationChoice(new, True)


def test_after_the_last_generation_ends_the_latest_is_shown_as_not_current():
    old = WardGenerationFactory(valid_from=datetime.date(2004, 6, 10), valid_to=datetime.date(2026, 5, 6))
    choice = selectors.generation_in_force(datetime.date(2026, 11, 26))
    assert choice == selectors.GenerationChoice(old, False)


def test_before_any_generation_the_earliest_is_shown_as_not_current():
    first = WardGenerationFactory(valid_from=datetime.date(2004, 6, 10), valid_to=datetime.date(2026, 5, 6))
    assert selectors.generation_in_force(datetime.date(2000, 1, 1)) == selectors.GenerationChoice(first, False)


def test_with_no_generation_there_is_nothing():
    assert selectors.generation_in_force(datetime.date(2020, 1, 1)) is None
