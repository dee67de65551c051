import pytest

from core import crypto


def test_encrypted_text_round_trips_and_hides_the_plaintext():
    token = crypto.encrypt_text("JBSWY3DPEHPK3PXP")

    assert "JBSWY3DPEHPK3PXP" not in token
    assert crypto.decrypt_text(token) == "JBSWY3DPEHPK3PXP"


def test_text_written_under_an_old_key_still_opens_after_a_new_key_is_put_in_front(settings):
    settings.SALT_KEY = ["old-key-" + "o" * 32]
    token = crypto.encrypt_text("secret")

    settings.SALT_KEY = ["new-key-" + "n" * 32, "old-key-" + "o" * 32]
    assert crypto.decrypt_text(token) == "secret"

    settings.SALT_KEY = ["new-key-" + "n" * 32]
    with pytest.raises(ValueError, match="No field encryption key"):
        crypto.decrypt_text(token)
