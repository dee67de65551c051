from django.urls import path

from core import checks
from core.access import public


def undeclared(request):
    return None


@public()
def declared(request):
    return None


def test_a_view_without_an_access_declaration_fails_the_system_check(settings, monkeypatch):
    patterns = [path("declared/", declared), path("undeclared/", undeclared)]
    monkeypatch.setattr(checks, "iter_patterns", lambda: ((str(p.pattern), p) for p in patterns))

    errors = checks.every_view_declares_access(None)

    assert [error.id for error in errors] == ["core.E001"]
    assert "undeclared" in errors[0].msg


def test_the_projects_own_views_all_declare_access():
    assert checks.every_view_declares_access(None) == []
