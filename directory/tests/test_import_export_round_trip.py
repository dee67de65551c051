"""The standard's examples import, and export again without loss, in JSON and in CSV."""

import csv
import json
import shutil

import pytest
from django.core.management import call_command

from directory import models
from directory.services import export_openreferral, import_openreferral
from directory.tests import factories as f
from directory.tests.schemas import EXAMPLES_DIR, errors

pytestmark = pytest.mark.django_db

JSON_EXAMPLES = ["service_full.json", "service_list.json", "service_at_location_full.json", "taxonomy.json"]


def test_the_schema_check_catches_a_bad_record():
    assert errors({"id": "x", "status": "open"}, "compiled/service.json")


def _contains(exported, example, path="$"):
    """Every field of ``example`` is in ``exported`` with the same value (lists matched by id)."""
    if isinstance(example, dict):
        assert isinstance(exported, dict), path
        for key, value in example.items():
            assert key in exported, f"{path}.{key} missing"
            _contains(exported[key], value, f"{path}.{key}")
    elif isinstance(example, list):
        by_id = {item.get("id"): item for item in exported}
        for item in example:
            assert item["id"] in by_id, f"{path}[{item['id']}] missing"
            _contains(by_id[item["id"]], item, f"{path}[{item['id']}]")
    else:
        assert exported == example, f"{path}: {exported!r} != {example!r}"


def _exported_services(tmp_path):
    export_openreferral(tmp_path / "out.json", "json")
    return json.loads((tmp_path / "out.json").read_text())


def test_service_full_example_round_trips(tmp_path):
    example = json.loads((EXAMPLES_DIR / "service_full.json").read_text())
    import_openreferral(EXAMPLES_DIR / "service_full.json")
    [exported] = _exported_services(tmp_path)
    _contains(exported, example)
    assert errors(exported, "compiled/service.json") == []


@pytest.mark.parametrize("name", JSON_EXAMPLES)
def test_every_json_example_imports_and_is_served_back(client, name):
    import_openreferral(EXAMPLES_DIR / name)
    example = json.loads((EXAMPLES_DIR / name).read_text())
    if "contents" in example:
        example = example["contents"][0]
    endpoint = {
        "service_full.json": "services",
        "service_list.json": "services",
        "service_at_location_full.json": "service_at_locations",
        "taxonomy.json": "taxonomies",
    }[name]
    served = client.get(f"/api/openreferral/{endpoint}/{example['id']}").json()
    _contains(served, example)


def test_import_is_idempotent_and_replaces_nested_lists(tmp_path):
    path = EXAMPLES_DIR / "service_full.json"
    import_openreferral(path)
    before = {model: model.objects.count() for model in (models.Service, models.Schedule, models.Attribute)}
    import_openreferral(path)
    assert {model: model.objects.count() for model in before} == before

    changed = json.loads(path.read_text())
    changed["schedules"] = []
    changed["name"] = "Renamed"
    (tmp_path / "changed.json").write_text(json.dumps(changed))
    import_openreferral(tmp_path / "changed.json")
    service = models.Service.objects.get(id=changed["id"])
    assert service.name == "Renamed" and service.schedules.count() == 0


def test_export_then_import_into_an_empty_directory_is_equal(tmp_path):
    f.full_service()
    f.full_service(status=models.Service.Status.TEMPORARILY_CLOSED)
    f.TaxonomyTermFactory()  # a term nothing uses yet
    export_openreferral(tmp_path / "first", "json")
    first = {name: (tmp_path / "first" / name).read_text() for name in ("services.json", "taxonomies.json")}
    for model in (models.Service, models.Organization, models.Location, models.Taxonomy, models.TaxonomyTerm):
        model.objects.all().delete()
    models.Attribute.objects.all().delete()
    import_openreferral(tmp_path / "first")
    export_openreferral(tmp_path / "second", "json")
    for name, text in first.items():
        assert json.loads((tmp_path / "second" / name).read_text()) == json.loads(text), name


def _rows(path):
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def _same(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b


def test_csv_example_round_trips(tmp_path):
    result = import_openreferral(EXAMPLES_DIR / "csv")
    assert {"programs.csv", "required_documents.csv"} <= {w.split(" ")[0] for w in map(str, result.warnings)}
    export_openreferral(tmp_path, "csv")
    compared = 0
    for example in sorted((EXAMPLES_DIR / "csv").glob("*.csv")):
        exported = tmp_path / example.name
        if not exported.exists():
            continue
        exported_rows = _rows(exported)
        for row_id, row in _rows(example).items():
            for column, value in row.items():
                assert _same(exported_rows[row_id][column], value), f"{example.name} {column}"
                compared += 1
    assert compared > 100
    # and the export imports again, unchanged
    again = tmp_path / "again"
    shutil.copytree(tmp_path, again, ignore=shutil.ignore_patterns("again"))
    import_openreferral(again)
    export_openreferral(tmp_path / "third", "csv")
    for path in tmp_path.glob("*.csv"):
        assert (tmp_path / "third" / path.name).read_text() == path.read_text(), path.name


def test_commands(tmp_path, capsys):
    call_command("import_openreferral", str(EXAMPLES_DIR / "service_full.json"))
    call_command("export_openreferral", str(tmp_path / "out"), "--format", "csv")
    assert "Imported: " in capsys.readouterr().out
    assert (tmp_path / "out" / "services.csv").exists()
