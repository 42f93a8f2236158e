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
        items = [("home", {})]
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
    """"Jouw rechten" in each of its languages: the language is in the URL, not in a prefix."""

    changefreq = "weekly"

    def items(self):
        return list(m.VictimRightsPage.objects.values_list("lang", flat=True))

    def location(self, lang):
        return reverse("jouw-rechten") if lang == "nl" else reverse("jouw-rechten-lang", kwargs={"lang": lang})
