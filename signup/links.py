"""Signed links in messages and on the confirmation page: nothing to guess, nothing stored to look up."""

import uuid

from django.core import signing

ERASE_SALT = "signup.erase"
OUTCOME_SALT = "signup.follow_up_outcome"
# An erase link must keep working for as long as we keep the record (see the privacy notice).
ERASE_LINK_MAX_AGE = 60 * 60 * 24 * 400
OUTCOME_LINK_MAX_AGE = 60 * 60 * 24 * 60


class BadLink(Exception):
    """The link was changed, is not ours, or is too old."""


def erase_token(signup):
    return signing.dumps(str(signup.reference), salt=ERASE_SALT, compress=True)


def erase_reference(token):
    return _load(token, ERASE_SALT, ERASE_LINK_MAX_AGE, lambda value: uuid.UUID(value))


def outcome_token(follow_up):
    return signing.dumps([str(follow_up.signup.reference), follow_up.kind], salt=OUTCOME_SALT, compress=True)


def outcome_target(token):
    """(sign-up reference, follow-up kind) from an outcome link."""
    return _load(token, OUTCOME_SALT, OUTCOME_LINK_MAX_AGE, lambda value: (uuid.UUID(value[0]), str(value[1])))


def _load(token, salt, max_age, convert):
    try:
        return convert(signing.loads(token, salt=salt, max_age=max_age))
    except signing.SignatureExpired as error:
        raise BadLink("expired") from error
    except (signing.BadSignature, ValueError, TypeError, IndexError) as error:
        raise BadLink("invalid") from error
