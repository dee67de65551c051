from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from reporting import evidence, services

from .factories import png_bytes


def test_rotation_moves_evidence_files_to_the_new_key_so_the_old_one_can_go(db, settings):
    old_key, new_key = "old-key-" + "o" * 32, "new-key-" + "n" * 32
    settings.SALT_KEY = [old_key]
    picture = png_bytes()
    item = services.evidence_store(upload=SimpleUploadedFile("a.png", picture), draft_key=None)
    written_with_old_key = (evidence.evidence_root() / item.stored_name).read_bytes()

    settings.SALT_KEY = [new_key, old_key]
    output = StringIO()
    call_command("rotate_encryption_keys", stdout=output)
    settings.SALT_KEY = [new_key]

    assert (evidence.evidence_root() / item.stored_name).read_bytes() != written_with_old_key
    assert evidence.read_decrypted(item.stored_name) == picture
    assert evidence.read_decrypted(item.shared_copy_name)
    assert "reporting evidence files: re-encrypted 2" in output.getvalue()
    assert not list(evidence.evidence_root().glob("*.rotating"))


def test_without_rotation_the_old_key_is_still_needed(db, settings):
    old_key, new_key = "old-key-" + "o" * 32, "new-key-" + "n" * 32
    settings.SALT_KEY = [old_key]
    item = services.evidence_store(upload=SimpleUploadedFile("a.png", png_bytes()), draft_key=None)

    settings.SALT_KEY = [new_key]

    try:
        evidence.read_decrypted(item.stored_name)
    except ValueError as error:
        assert "No field encryption key opens this value" in str(error)
    else:
        raise AssertionError("a file written with a removed key was read")
