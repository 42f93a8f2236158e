"""Conditional GET for public pages: an ETag from what the page depends on, 304 on a match.

The ETag is computed *before* rendering from the content version, the language, the region, the path
and any time-dependent state the page shows (the reachability of contacts), so a 304 costs a few
queries and no template work.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.translation import get_language

from wegwijzer.catalogue.queries import content_version

APP_VERSION = "4"  # bump when templates change in a way that must invalidate cached pages


def page_etag(request, region_slug: str = "", extra: str = "") -> str:
    parts = [APP_VERSION, content_version(), get_language() or "nl", region_slug, request.path, extra]
    return '"' + hashlib.sha256("|".join(parts).encode()).hexdigest()[:32] + '"'


def public_page(state: Callable | None = None):
    """Decorate a public view. ``state(request, **kwargs)`` may return ``(extra_etag, max_age)`` for pages
    whose content changes with time."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            extra, max_age = "", settings.PUBLIC_MAX_AGE
            if state is not None:
                extra, max_age = state(request, *args, **kwargs)
                max_age = max(0, min(max_age, settings.PUBLIC_MAX_AGE))
            etag = page_etag(request, kwargs.get("region", ""), extra)
            response = get_conditional_response(request, etag=etag)
            if response is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200:
                    return response
                response["ETag"] = etag
            patch_cache_control(response, public=True, max_age=max_age)
            return response

        return wrapper

    return decorator


def no_store(response: HttpResponse) -> HttpResponse:
    """For pages that show what somebody entered: no cache anywhere may keep them."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store"
    return response
