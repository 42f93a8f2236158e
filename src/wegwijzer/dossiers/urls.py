from django.urls import path

from . import views

app_name = "dossiers"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("nieuw/", views.new_case, name="new"),
    path("audit/", views.audit_log, name="audit"),
    path("beheer/", views.members, name="members"),
    path("statistiek/", views.statistics, name="statistics"),
    path("overal-uitloggen/", views.logout_everywhere, name="logout-everywhere"),
    path("<str:code>/", views.case_page, name="case"),
    path("<str:code>/vastleggen/<slug:kind>/", views.add_entry, name="entry"),
    path("<str:code>/sluiten/", views.change_status, {"action": "sluiten"}, name="close"),
    path("<str:code>/heropenen/", views.change_status, {"action": "heropenen"}, name="reopen"),
    path("<str:code>/toon/", views.reveal, name="reveal"),
    path("<str:code>/delen/", views.share, name="share"),
    path("<str:code>/delen/<int:share_id>/intrekken/", views.unshare, name="unshare"),
    path("<str:code>/pdf/", views.case_pdf, name="pdf"),
    path("<str:code>/signaleringshulp/", views.import_check, name="import"),
]
