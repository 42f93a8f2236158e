from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("regio/", views.choose_region, name="choose-region"),
    path("<slug:region>/", views.region_home, name="region"),
    path("<slug:region>/vormen/<slug:form>/", views.form_page, name="form"),
    path("<slug:region>/meldcode/", views.steps_page, name="steps"),
    path("<slug:region>/contacten/", views.contacts_page, name="contacts"),
    path("<slug:region>/kwetsbare-groepen/", views.info_page, {"page": "kwetsbare-groepen"},
         name="kwetsbare-groepen"),
    path("<slug:region>/hulp/", views.info_page, {"page": "hulp"}, name="hulp"),
    path("<slug:region>/sekswerkers/", views.info_page, {"page": "sekswerkers"}, name="sekswerkers"),
]
