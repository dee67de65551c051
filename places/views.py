from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import public

from . import selectors
from .forms import PostcodeForm
from .models import WardGeneration


def _generation_or_404():
    choice = selectors.generation_in_force()
    if choice is None:
        raise Http404(_("No ward boundaries have been imported yet."))
    return choice


def _map_context(choice, selected=None):
    return {
        "generation": choice.generation,
        "generation_is_current": choice.is_current,
        "ward_map": selectors.ward_map(choice.generation),
        "selected_code": selected,
    }


@public()
def ward_list(request):
    choice = selectors.generation_in_force()
    if choice is None:
        return render(request, "places/ward_list.html", {"summaries": []})
    context = _map_context(choice)
    context["summaries"] = selectors.ward_summaries(choice.generation)
    context["population_source"] = selectors.POPULATION_SOURCE
    return render(request, "places/ward_list.html", context)


@public()
def ward_detail(request, gss_code):
    choice = _generation_or_404()
    ward = selectors.ward_get(choice.generation, gss_code)
    if ward is None:
        # A ward of another generation (e.g. older boundaries): show it with that generation's map.
        generation = WardGeneration.objects.filter(wards__gss_code=gss_code).first()
        if generation is None:
            raise Http404(_("There is no ward with that code."))
        choice = selectors.GenerationChoice(generation, generation.in_force_on(timezone.localdate()))
        ward = selectors.ward_get(generation, gss_code)
    context = _map_context(choice, selected=ward.gss_code)
    context["profile"] = selectors.ward_profile(ward)
    context["ward"] = ward
    context["population_source"] = selectors.POPULATION_SOURCE
    return render(request, "places/ward_detail.html", context)


@public()
def find_ward(request):
    form = PostcodeForm(request.GET, auto_id="%s") if "postcode" in request.GET else PostcodeForm(auto_id="%s")
    choice = selectors.generation_in_force()
    result = None
    if form.is_bound and form.is_valid():
        result = selectors.postcode_lookup(
            form.cleaned_data["postcode"], generation=choice.generation if choice else None
        )
        if result is None:
            form.add_error(
                "postcode",
                _(
                    "We could not find the postcode %(postcode)s in Walsall. Check it is right and is a Walsall "
                    "postcode, or choose your ward from the list of wards."
                )
                % {"postcode": form.cleaned_data["postcode"]},
            )
    return render(
        request,
        "places/find_ward.html",
        {
            "form": form,
            "result": result,
            "generation": choice.generation if choice else None,
            "generation_is_current": choice.is_current if choice else False,
        },
    )
