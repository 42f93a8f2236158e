from django.urls import path

from . import views

app_name = "editorial"
urlpatterns = [
    path("", views.start, name="start"),
    path("concept/<int:pk>/", views.draft, name="draft"),
    path("document/<path:path>/nieuw-concept/", views.new_draft, name="new-draft"),
    path("document/<path:path>", views.document, name="document"),
]
