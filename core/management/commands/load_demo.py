import random
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_SEED = 20261126


def demo_loaders():
    """Each app may have ``demo.py`` with ``load(rng)``; apps load in INSTALLED_APPS order, lower apps first.

    A loader must be idempotent (make only what is missing), mark all it makes as synthetic
    (``is_demo``) and return a one-line summary.
    """
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if find_spec(module_name) is not None:
            module = import_module(module_name)
            if hasattr(module, "load"):
                yield app_config.label, module.load


class Command(BaseCommand):
    help = (
        "Load the synthetic demonstration data of every app with a fixed seed. Idempotent: running it "
        "again changes nothing. Every record it makes is marked as synthetic."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEMO_SEED)

    def handle(self, *args, seed, **options):
        if not settings.DEMO_MODE:
            self.stderr.write("DEMO_MODE is off: demo data is never loaded into a live service.")
            return
        for label, load in demo_loaders():
            with transaction.atomic():
                summary = load(random.Random(f"{seed}:{label}"))
            self.stdout.write(f"Demo data — {label}: {summary or 'up to date'}")
