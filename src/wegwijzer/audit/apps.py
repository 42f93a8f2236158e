from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "wegwijzer.audit"
    label = "audit"
