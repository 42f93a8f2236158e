from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "wegwijzer.editorial"
    label = "editorial"
    verbose_name = "Redactie: inhoud in versies"
