from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.views import LogoutView
from django.contrib.sitemaps.views import sitemap
from django.http import Http404
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.defaults import page_not_found
from two_factor.urls import urlpatterns as tf_urls

from wegwijzer.api.api import api
from wegwijzer.guide import views as guide
from wegwijzer.public.security_txt import security_txt
from wegwijzer.public.sitemaps import PublicSitemap, VictimRightsSitemap

urlpatterns = [
    path("sitemap.xml", cache_control(public=True, max_age=3600)(sitemap),
         {"sitemaps": {"public": PublicSitemap, "jouw-rechten": VictimRightsSitemap}}, name="sitemap"),
    path("api/v1/", api.urls),
    path(".well-known/security.txt", security_txt, name="security-txt"),  # RFC 9116, not per language
    # "Jouw rechten" for victims is in five languages, chosen in the URL; not part of the nl/en site.
    path("jouw-rechten/", guide.victim_rights, name="jouw-rechten"),
    # what "Snel weg" does and does not do, in every language of Jouw rechten
    path("jouw-rechten/snel-weg/", guide.quick_exit_info, name="quick-exit-info"),
    path("jouw-rechten/<slug:lang>/snel-weg/", guide.quick_exit_info, name="quick-exit-info-lang"),
    path("jouw-rechten/<slug:lang>/", guide.victim_rights, name="jouw-rechten-lang"),
]
urlpatterns += i18n_patterns(
    path("dossier/", include("wegwijzer.dossiers.urls")),
    path("redactie/", include("wegwijzer.editorial.urls")),
    # two-factor authentication is mandatory: it cannot be switched off (django-two-factor-auth offers it)
    path("account/two_factor/disable/", page_not_found, {"exception": Http404()}),
    path("", include(tf_urls)),
    path("account/logout/", LogoutView.as_view(), name="logout"),
    path("", include("wegwijzer.public.urls")),
    prefix_default_language=False,
)

handler404 = "wegwijzer.public.errors.not_found"
handler500 = "wegwijzer.public.errors.server_error"
