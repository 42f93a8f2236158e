from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from wegwijzer.catalogue import models as m

REGION_PAGES = ["region", "steps", "contacts", "kwetsbare-groepen", "hulp", "sekswerkers", "check"]


class PublicSitemap(Sitemap):
    """Every public page, for every region and every language (i18n=True repeats each per language)."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        items = [("home", {})]
        forms = list(m.Form.objects.values_list("slug", flat=True))
        for region in m.Region.objects.values_list("slug", flat=True):
            items += [(name, {"region": region}) for name in REGION_PAGES]
            items += [("form", {"region": region, "form": form}) for form in forms]
        return items

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)
