from django.db import migrations


def install(apps, schema_editor):
    from audit import trail

    trail.install(schema_editor)


def remove(apps, schema_editor):
    from audit import trail

    trail.remove(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [
        migrations.RunPython(install, remove, elidable=False),
    ]
