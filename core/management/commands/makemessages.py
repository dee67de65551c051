from django.core.management.commands import makemessages


class Command(makemessages.Command):
    # A guessed ("fuzzy") translation of a new string is worse than none: translators must see it is new.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
