"""What a resident tells us about their household, kept in their session only (never in the database)."""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy as _

SESSION_KEY = "welcome_pack"

ENGLISH_LEVELS = [
    ("none", _("I do not speak English yet")),
    ("beginner", _("A little: everyday words and phrases")),
    ("intermediate", _("I can get by in most everyday situations")),
    ("fluent", _("Fluent or my first language")),
]
ENGLISH_LEVEL_NAMES = dict(ENGLISH_LEVELS)

# (key, label, the directory accessibility feature that meets it, or "" when none does)
NEEDS = [
    ("wheelchair", _("Wheelchair user or needs step-free access"), "step-free"),
    ("hearing", _("Deaf or hard of hearing"), "hearing-loop"),
    ("toilet", _("Needs an accessible toilet"), "accessible-toilet"),
    ("quiet", _("Needs a quiet space, for example autistic people"), "quiet-space"),
    ("parking", _("Blue Badge holder"), "parking"),
    ("sight", _("Blind or partially sighted"), ""),
]
NEED_NAMES = {key: label for key, label, _feature in NEEDS}
NEED_FEATURES = {key: feature for key, _label, feature in NEEDS}


@dataclass
class Household:
    postcode: str = ""
    ward_code: str = ""
    has_children: bool | None = None
    child_ages: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    english_level: str = ""
    needs: list = field(default_factory=list)
    pack_language: str = ""
    # Set when the resident confirms their answers: one pack, however often its pages are opened.
    pack_id: str = ""
    issued_formats: list = field(default_factory=list)
    by_officer: bool = False

    @classmethod
    def from_session(cls, session):
        """The answers kept in the session; a value of the wrong shape (an older version's, or meddled
        with) is dropped, so the resident is asked that question again instead of meeting an error."""
        data = session.get(SESSION_KEY)
        if not isinstance(data, dict):
            return cls()
        known = {name: data[name] for name in cls.__dataclass_fields__ if _well_formed(name, data.get(name))}
        return cls(**known)

    def save(self, session):
        session[SESSION_KEY] = asdict(self)

    @property
    def has_place(self):
        return bool(self.ward_code)

    @property
    def accessibility_features(self):
        return [NEED_FEATURES[need] for need in self.needs if NEED_FEATURES.get(need)]

    @property
    def is_fluent(self):
        return self.english_level == "fluent"

    def first_missing_step(self):
        """The URL name of the first question not yet answered, or None when all are."""
        if not self.has_place:
            return "welcome:where"
        if self.has_children is None:
            return "welcome:household"
        if not self.english_level:
            return "welcome:languages"
        if not self.pack_language:
            return "welcome:pack_language"
        return None


def _well_formed(name, value):
    if value is None:
        return False
    if name == "has_children":
        return isinstance(value, bool)
    if name == "child_ages":
        return isinstance(value, list) and all(isinstance(age, int) and not isinstance(age, bool) for age in value)
    if name in ("languages", "needs", "issued_formats"):
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if name == "by_officer":
        return isinstance(value, bool)
    return isinstance(value, str)
