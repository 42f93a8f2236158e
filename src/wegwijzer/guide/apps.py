from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "wegwijzer.guide"
    label = "guide"
