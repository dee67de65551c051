import io
import uuid

import factory
from PIL import Image

from reporting import services
from reporting.models import Message, Side


def report(**answers):
    """A submitted report, made the way the pages make it; returns (report, receipt)."""
    values = {
        "reporter_role": "victim",
        "strands": ["hate"],
        "characteristics": ["race"],
        "account": "SYNTHETIC account of what happened",
        "contact_preference": "anonymous",
        **answers,
    }
    consents = values.pop("consents", ("police",))
    submission = services.report_submit(answers=values, idempotency_key=uuid.uuid4(), consents=consents)
    return submission.report, submission.receipt


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    author_side = Side.CASEWORKER
    body = factory.Sequence(lambda n: f"SYNTHETIC message {n}")


def jpeg_with_exif(make="SyntheticCam", size=(40, 30)):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = make  # Make
    exif[0x0110] = "Model-XYZ"  # Model
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes(size=(20, 20)):
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 10)).save(out, format="PNG")
    return out.getvalue()


def pdf_with_metadata(author="Synthetic Author"):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": author, "/Title": "Synthetic evidence"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
