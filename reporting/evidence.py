"""Evidence files: checked by their first bytes, encrypted on disk outside the web root, shared scrubbed.

The original is kept exactly as given (it may matter to the police); the copy that may be shared
with partners has its metadata removed (EXIF and other image chunks by re-encoding the pixels with
Pillow, the document information and XMP of a PDF with pypdf), because a photo's EXIF can carry
where it was taken and on which phone.
"""

import hashlib
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.crypto import decrypt_bytes, encrypt_bytes

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_FILES = 10

JPEG = "image/jpeg"
PNG = "image/png"
PDF = "application/pdf"
ACCEPTED_TYPES = {JPEG: ".jpg", PNG: ".png", PDF: ".pdf"}


class EvidenceRejected(ValueError):
    pass


def evidence_root():
    """The private directory for evidence: beside the media directory, never served by the web server."""
    root = Path(getattr(settings, "REPORTING_EVIDENCE_ROOT", "") or Path(settings.VAR_DIR) / "private" / "evidence")
    root.mkdir(parents=True, exist_ok=True)
    return root


def sniff_content_type(head):
    """The file's real type from its first bytes, whatever its name says; None if we don't accept it."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"%PDF-"):
        return PDF
    return None


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    content_type: str
    sha256: str


def check_upload(upload):
    """Read an uploaded file and check its size and type; raises ``EvidenceRejected`` with a message."""
    if upload.size is not None and upload.size > MAX_EVIDENCE_BYTES:
        raise EvidenceRejected(_("The selected file must be smaller than 10MB"))
    content = upload.read(MAX_EVIDENCE_BYTES + 1)
    if len(content) > MAX_EVIDENCE_BYTES:
        raise EvidenceRejected(_("The selected file must be smaller than 10MB"))
    if not content:
        raise EvidenceRejected(_("The selected file is empty"))
    content_type = sniff_content_type(content[:16])
    if content_type is None:
        raise EvidenceRejected(_("The selected file must be a JPG, PNG or PDF"))
    return CheckedFile(content, content_type, hashlib.sha256(content).hexdigest())


def stripped_copy(checked):
    """The file without metadata, or None if it cannot be read as the type it claims to be."""
    try:
        if checked.content_type == PDF:
            return _pdf_without_metadata(checked.content)
        return _image_without_metadata(checked.content, checked.content_type)
    except Exception:  # a damaged or hostile file just gets no shareable copy
        return None


def _image_without_metadata(content, content_type):
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(content)) as image:
        # Keep how the photo looked (its EXIF orientation), then rebuild it from the pixels alone.
        upright = ImageOps.exif_transpose(image).convert("RGB" if content_type == JPEG else "RGBA")
        clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    out = io.BytesIO()
    clean.save(out, format="JPEG" if content_type == JPEG else "PNG", quality=92)
    return out.getvalue()


def _pdf_without_metadata(content):
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(content))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    # A fresh writer carries no document information or XMP from the original.
    writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_encrypted(content):
    """Encrypt ``content`` with the field keys and write it under a random name; returns the name."""
    name = f"{uuid.uuid4().hex}.bin"
    (evidence_root() / name).write_bytes(encrypt_bytes(content))
    return name


def read_decrypted(name):
    return decrypt_bytes((evidence_root() / name).read_bytes())


def reencrypt_all(**_signal):
    """Every evidence file re-encrypted with the newest field key (``rotate_encryption_keys``).

    Each file is written beside itself and renamed over it, so a crash leaves either the old or the
    new ciphertext, both readable while the old key is still listed. A file no listed key opens is
    left as it is and counted, so the rotation of every other file still happens and the operator
    learns that a key was removed too early.
    """
    rewritten, unreadable = 0, 0
    for path in sorted(evidence_root().glob("*.bin")):
        try:
            content = decrypt_bytes(path.read_bytes())
        except ValueError:
            unreadable += 1
            continue
        fresh = path.with_suffix(".rotating")
        fresh.write_bytes(encrypt_bytes(content))
        fresh.replace(path)
        rewritten += 1
    line = f"reporting evidence files: re-encrypted {rewritten}"
    return line + (f"; {unreadable} opened by no listed key, left as they were" if unreadable else "")


def delete_stored(name):
    if name:
        (evidence_root() / name).unlink(missing_ok=True)


def sha256_of(content):
    return hashlib.sha256(content).hexdigest()
