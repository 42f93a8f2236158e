"""The gate shared by the non-public pages (dossier, redactie): signed in, second factor verified, then the
page's own check; the site's 404 page for what the user may not see; never cached."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from two_factor.utils import default_device

from .errors import not_found


def verified_view(allowed: Callable[[object], HttpResponse | bool]):
    """``allowed(user)`` returns True, False (a 404) or a response to send instead (a redirect)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect(f"{settings.LOGIN_URL_PATH}?next={request.path}")
            if not user.is_verified():
                # Nothing before the second factor: set it up first, or log in again with it.
                if default_device(user) is None:
                    return redirect("two_factor:setup")
                logout(request)
                return redirect(f"{settings.LOGIN_URL_PATH}?next={request.path}")
            verdict = allowed(user)
            if isinstance(verdict, HttpResponse):
                return verdict
            try:
                if not verdict:
                    raise Http404
                response = view(request, *args, **kwargs)
            except Http404 as exc:
                response = not_found(request, exc)  # the site's 404 page, but never cached
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store"
            return response

        return wrapper

    return decorator
