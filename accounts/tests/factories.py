import factory
from django.utils.text import slugify

from accounts.models import Organisation, User
from accounts.services import user_set_roles
from accounts.totp import activate_totp


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Test organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.COMMUNITY_ORGANISATION


TEST_PASSWORD = "correct-horse-battery-staple"
# A fixed, valid base32 secret (tests compute codes from it with allauth's TOTP functions).
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _activate_totp(obj, create, extracted, **kwargs):
    """Post-generation: give the user an authenticator app (and recovery codes) with a known secret."""
    secret = (
        extracted if isinstance(extracted, str) and extracted else (TEST_TOTP_SECRET if extracted or create else None)
    )
    obj.totp_secret = None
    if secret:
        activate_totp(obj, secret)
        obj.totp_secret = secret


def _no_totp(obj, create, extracted, **kwargs):
    obj.totp_secret = None
    if extracted:
        _activate_totp(obj, create, extracted)


class UserFactory(factory.django.DjangoModelFactory):
    """A staff user: ``UserFactory(roles=[Role.AUDITOR], with_totp=True)``; ``user.totp_secret`` is the secret."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        with_totp = factory.Trait(totp=factory.PostGeneration(_activate_totp))

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    full_name = factory.Sequence(lambda n: f"Test Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def roles(obj, create, extracted, **kwargs):
        if extracted:
            user_set_roles(user=obj, roles=extracted)

    # ``totp=True`` or ``totp="BASE32SECRET"`` also works; ``user.totp_secret`` is None without one.
    totp = factory.PostGeneration(_no_totp)
