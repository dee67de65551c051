import pytest
from django.db import connection

from casework import services
from casework.models import Action, CaseNote, ClassificationDecision, Party, RiskAssessment
from casework.tests.factories import action, open_case

pytestmark = pytest.mark.django_db

SECRET = "SYNTHETIC-PLAINTEXT-7781"


def raw(model, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {model._meta.db_table}")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def test_notes_reasons_risk_notes_and_descriptions_are_ciphertext_in_the_database():
    case = open_case()
    services.note_add(case=case, text=SECRET, by=case.lead)
    services.case_classify(case=case, classification="hate_crime", reasons=SECRET, by=case.lead)
    services.risk_assess(case=case, repeat=0, vulnerability=0, escalation=0, impact=0, notes=SECRET, by=case.lead)
    services.party_add(case=case, kind="perpetrator", name=SECRET, description=SECRET)
    action(case, notes=SECRET)

    for model, column in (
        (CaseNote, "text"),
        (ClassificationDecision, "reasons"),
        (RiskAssessment, "notes"),
        (Party, "name"),
        (Party, "description"),
        (Action, "notes"),
    ):
        values = raw(model, column)
        assert values, model
        assert all(SECRET not in value and value.startswith("gAAAAA") for value in values), (model, column)
    assert CaseNote.objects.get().text == SECRET
