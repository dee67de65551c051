"""Case references and secret receipts: how an anonymous reporter gets back to their report.

The receipt is 5 groups of 4 characters from a 30-character alphabet without look-alikes (no 0/O,
1/I/L, U): 20 × log2(30) ≈ 98 bits of entropy, drawn from the operating system's random source. Only
its Argon2id hash is stored, so a stolen database does not give the receipts away, and guessing
online is throttled on top.

The hash uses OWASP's minimum Argon2id cost (19 MiB, 2 passes, 1 lane; about 30 ms on one core)
rather than RECIPES.md's 64 MiB, 3 passes, 2 lanes (about 150 ms on both cores). A work factor
protects secrets people choose; against 98 random bits an offline attacker needs ~2^97 guesses
whatever each costs. The heavier setting only made every report sent, and every guess an attacker
sends to "check your report", occupy the whole of a 2-core server. Hashes made with the old cost
still verify: Argon2id records its parameters in the hash.
"""

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0 O 1 I L U
RECEIPT_GROUPS = 5
RECEIPT_GROUP_LENGTH = 4
REFERENCE_PREFIX = "WFA"
REFERENCE_LENGTH = 8

_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def new_receipt():
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(RECEIPT_GROUP_LENGTH)) for _ in range(RECEIPT_GROUPS))
    return "-".join(groups)


def new_reference():
    return f"{REFERENCE_PREFIX}-" + "".join(secrets.choice(ALPHABET) for _ in range(REFERENCE_LENGTH))


def normalise_receipt(value):
    """What a person typed, as the receipt was issued: upper case, grouped, spaces and dashes ignored."""
    letters = "".join(character for character in str(value).upper() if character.isascii() and character.isalnum())
    size = RECEIPT_GROUP_LENGTH
    return "-".join(letters[start : start + size] for start in range(0, len(letters), size))


def normalise_reference(value):
    letters = "".join(character for character in str(value).upper() if character.isascii() and character.isalnum())
    if letters.startswith(REFERENCE_PREFIX):
        letters = letters[len(REFERENCE_PREFIX) :]
    return f"{REFERENCE_PREFIX}-{letters}" if letters else ""


def hash_receipt(receipt):
    return _hasher.hash(receipt)


def receipt_matches(receipt, receipt_hash):
    try:
        return _hasher.verify(receipt_hash, receipt)
    except (VerificationError, InvalidHashError):
        return False
