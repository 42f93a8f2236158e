from django.urls import path

from wegwijzer.check import views as check
from wegwijzer.guide import views as guide

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("regio/", views.choose_region, name="choose-region"),
    path("regios/", views.regions_overview, name="regions-overview"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("<slug:region>/", views.region_home, name="region"),
    path("<slug:region>/vormen/<slug:form>/", views.form_page, name="form"),
    path("<slug:region>/meldcode/", views.steps_page, name="steps"),
    path("<slug:region>/contacten/", views.contacts_page, name="contacts"),
    path("<slug:region>/kwetsbare-groepen/", views.info_page, {"page": "kwetsbare-groepen"},
         name="kwetsbare-groepen"),
    path("<slug:region>/hulp/", views.info_page, {"page": "hulp"}, name="hulp"),
    path("<slug:region>/sekswerkers/", views.info_page, {"page": "sekswerkers"}, name="sekswerkers"),
    path("<slug:region>/signaleringshulp/", check.check_form, name="check"),
    path("<slug:region>/signaleringshulp/resultaat/", check.check_result, name="check-result"),
    path("<slug:region>/signaleringshulp/samenvatting/", check.check_summary, name="check-summary"),
    path("<slug:region>/signaleringshulp/pdf/", check.check_pdf, name="check-pdf"),
    path("<slug:region>/kaart/<slug:form>.pdf", check.card_pdf, name="card-pdf"),
    path("<slug:region>/wegwijzer/", guide.overview, name="guide"),
    path("<slug:region>/wegwijzer/<slug:phase>/<slug:step>/", guide.step_page, name="guide-step"),
    path("<slug:region>/organisaties/", guide.organisations, name="organisations"),
    path("<slug:region>/route/", guide.route_form, name="route"),
    path("<slug:region>/route/resultaat/", guide.route_result, name="route-result"),
    path("<slug:region>/route/pdf/", guide.route_pdf, name="route-pdf"),
]
