from .models import PackIssue


def pack_issue_record(*, ward_code, language, format, by_officer=False, is_demo=False):
    return PackIssue.objects.create(
        ward_code=ward_code, language=language, format=format, by_officer=by_officer, is_demo=is_demo
    )
