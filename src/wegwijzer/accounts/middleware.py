"""Sessions of dossier users: an idle timeout (DOSSIER_IDLE_MINUTES, 15) and "log out everywhere".

Runs only for signed-in users on dossier and account pages, so public pages never touch the session
(and never get a cookie)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _

PREFIXES = ("/dossier/", "/en/dossier/", "/account/two_factor/", "/en/account/two_factor/", "/redactie/",
            "/en/redactie/")


class DossierSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PREFIXES) and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get("last_seen", now)
            membership = getattr(request.user, "membership", None)
            epoch = membership.session_epoch if membership else 0
            expired = now - last > settings.DOSSIER_IDLE_MINUTES * 60 or \
                now - request.session.get("login_at", now) > settings.SESSION_COOKIE_AGE  # at most 8 hours
            if expired or request.session.get("epoch", 0) != epoch:
                logout(request)
                messages.info(request, _("Je bent uitgelogd na een periode zonder activiteit.") if expired
                              else _("Je bent uitgelogd: er is overal uitgelogd."))
                return redirect(f"{settings.LOGIN_URL_PATH}?next={request.path}")
            request.session["last_seen"] = now
        return self.get_response(request)
