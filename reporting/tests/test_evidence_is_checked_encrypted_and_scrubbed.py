import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from reporting import evidence
from reporting.models import Evidence, Report

from .factories import jpeg_with_exif, pdf_with_metadata, png_bytes
from .journey import errors_in, step_url, submit, walk

pytestmark = pytest.mark.django_db


def upload(client, name, content, content_type="application/octet-stream"):
    return client.post(
        step_url("evidence"), {"action": "upload", "file": SimpleUploadedFile(name, content, content_type)}
    )


def test_a_photo_is_kept_encrypted_and_its_shared_copy_has_no_exif(client, walsall):
    walk(client)
    photo = jpeg_with_exif()

    assert upload(client, "photo.jpg", photo, "image/jpeg").status_code == 302
    reference, _receipt = submit(client)

    item = Report.objects.get(reference=reference).evidence.get()
    on_disk = (evidence.evidence_root() / item.stored_name).read_bytes()
    assert b"SyntheticCam" not in on_disk and photo not in on_disk
    assert evidence.read_decrypted(item.stored_name) == photo
    assert item.content_type == "image/jpeg" and item.size == len(photo)
    shared = evidence.read_decrypted(item.shared_copy_name)
    assert b"SyntheticCam" not in shared
    with Image.open(io.BytesIO(shared)) as image:
        assert dict(image.getexif()) == {}
        assert image.size == (40, 30)


def test_the_shared_copy_of_a_pdf_has_no_author_or_title(walsall):
    from reporting import services

    item = services.evidence_store(upload=SimpleUploadedFile("letter.pdf", pdf_with_metadata()), draft_key=None)

    shared = evidence.read_decrypted(item.shared_copy_name)
    assert b"Synthetic Author" not in shared
    assert not (PdfReader(io.BytesIO(shared)).metadata or {}).get("/Author")
    assert b"Synthetic Author" in evidence.read_decrypted(item.stored_name)


def test_the_type_is_read_from_the_file_not_its_name(client, walsall):
    walk(client)

    disguised = upload(client, "holiday.jpg", b"MZ\x90\x00 this is a program, not a photo")
    renamed = upload(client, "screenshot.pdf", png_bytes())

    assert errors_in(disguised) == ["The selected file must be a JPG, PNG or PDF"]
    assert renamed.status_code == 302
    assert Evidence.objects.get().content_type == "image/png"


def test_a_file_too_big_is_refused_with_the_limit(client, walsall, settings):
    walk(client)
    too_big = b"\x89PNG\r\n\x1a\n" + b"0" * evidence.MAX_EVIDENCE_BYTES

    response = upload(client, "big.png", too_big, "image/png")

    assert errors_in(response) == ["The selected file must be smaller than 10MB"]
    assert not Evidence.objects.exists()


def test_an_empty_file_and_no_file_are_named(client, walsall):
    walk(client)

    assert errors_in(upload(client, "empty.png", b"", "image/png")) == ["The selected file is empty"]
    assert errors_in(client.post(step_url("evidence"), {"action": "upload"})) == ["Select a file"]


def test_a_file_can_be_removed_before_sending(client, walsall):
    walk(client)
    upload(client, "photo.png", png_bytes(), "image/png")
    item = Evidence.objects.get()

    client.post(step_url("evidence"), {"action": f"remove:{item.pk}"})

    assert not Evidence.objects.exists()
    assert not (evidence.evidence_root() / item.stored_name).exists()


def test_evidence_is_stored_outside_the_web_root(settings):
    root = evidence.evidence_root().resolve()

    assert not str(root).startswith(str(settings.STATIC_ROOT))
    assert not str(root).startswith(str(settings.MEDIA_ROOT))


def test_files_of_a_report_never_sent_are_deleted_after_a_day(db):
    import datetime

    from django.utils import timezone

    from reporting import services

    item = services.evidence_store(upload=SimpleUploadedFile("a.png", png_bytes()), draft_key=None)
    kept = services.evidence_drafts_delete_abandoned()
    removed = services.evidence_drafts_delete_abandoned(now=timezone.now() + datetime.timedelta(days=2))

    assert (kept, removed) == (0, 1)
    assert not Evidence.objects.exists()
    assert not (evidence.evidence_root() / item.stored_name).exists()
