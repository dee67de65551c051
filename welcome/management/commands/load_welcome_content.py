from django.core.management.base import BaseCommand

from welcome import content
from welcome.services import pack_content_load


class Command(BaseCommand):
    help = "Load the Welcome Pack's sections and their translations: makes what is missing, never changes an edit."

    def handle(self, *args, **options):
        sections, translations = pack_content_load(sections=content.SECTIONS, translations=content.translations())
        if options["verbosity"]:
            self.stdout.write(f"Welcome Pack content: {sections} sections and {translations} translations made")
