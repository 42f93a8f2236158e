from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from wegwijzer.catalogue import models as m

REGION_PAGES = ["region", "steps", "contacts", "kwetsbare-groepen", "hulp", "sekswerkers", "check", "guide",
                "organisations", "route"]


class PublicSitemap(Sitemap):
    """Every public page, for every region and every language (i18n=True repeats each per language)."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        items = [("home", {}), ("regions-overview", {}), ("accessibility", {}), ("privacy", {})]
        forms = list(m.Form.objects.values_list("slug", flat=True))
        steps = list(m.PhaseStep.objects.values_list("phase__slug", "slug"))
        for region in m.Region.objects.values_list("slug", flat=True):
            items += [(name, {"region": region}) for name in REGION_PAGES]
            items += [("form", {"region": region, "form": form}) for form in forms]
            items += [("guide-step", {"region": region, "phase": phase, "step": step}) for phase, step in steps]
        return items

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)


class VictimRightsSitemap(Sitemap):
    """"Jouw rechten" and "Wat doet Snel weg?" in each of their languages: the language is in the URL, not
    in a prefix."""

    changefreq = "weekly"

    def items(self):
        langs = list(m.VictimRightsPage.objects.values_list("lang", flat=True))
        return [(name, lang) for name in ("jouw-rechten", "quick-exit-info") for lang in langs]

    def location(self, item):
        name, lang = item
        return reverse(name) if lang == "nl" else reverse(f"{name}-lang", kwargs={"lang": lang})
