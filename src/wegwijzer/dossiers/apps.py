from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "wegwijzer.dossiers"
    label = "dossiers"
