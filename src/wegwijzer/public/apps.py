from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "wegwijzer.public"
    label = "public"
    default_auto_field = "django.db.models.BigAutoField"
