"""Login, failed login, logout and two-factor setup each write an audit row."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.audit.log import record
from wegwijzer.audit.models import Event


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    request.session["epoch"] = getattr(getattr(user, "membership", None), "session_epoch", 0)
    request.session["login_at"] = request.session["last_seen"] = int(time.time())
    record(Event.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(Event.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    name = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=name).select_related("membership__organisation").first()
    organisation = getattr(getattr(user, "membership", None), "organisation", None)
    # the name typed is kept only when it is a real account: a password typed into the name field is not
    record(Event.LOGIN_FAILED, request=request, organisation=organisation, actor_name=name if user else "",
           what="onbekende gebruikersnaam" if user is None else "")


@receiver(post_save, sender=TOTPDevice)
@receiver(post_save, sender=StaticDevice)
def device_saved(sender, instance, created, **kwargs):
    if created:
        record(Event.TWO_FACTOR_SETUP, actor=instance.user, what="TOTP" if sender is TOTPDevice else "back-upcodes")


def axes_username(request, credentials):
    """The user name axes locks on: from authenticate()'s credentials, or from the two-factor login form."""
    if credentials and credentials.get("username"):
        return credentials["username"]
    return request.POST.get("auth-username", "") if request is not None else ""
