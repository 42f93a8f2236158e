from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """For every template: the quick exit's target, and the content version (queried only when a page
    shows it and its view did not pass one already)."""
    from wegwijzer.catalogue.queries import content_version

    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL, "content_version": SimpleLazyObject(content_version)}
