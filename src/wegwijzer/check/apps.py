from django.apps import AppConfig


class CheckConfig(AppConfig):
    name = "wegwijzer.check"
    label = "check"
