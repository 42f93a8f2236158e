"""PDFs with WeasyPrint, generated on request and never kept: bytes in memory, straight to the response.
Only local files may be fetched (see ``_fetcher``); text is set in DejaVu Sans from Debian."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _fetcher(url: str, timeout: int = 10, ssl_context=None):
    """Only local static files may be loaded into a PDF."""
    from weasyprint import default_url_fetcher

    if not url.startswith("file://"):
        raise ValueError(f"PDF may not load {url}")
    return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)


def render_pdf(template: str, context: dict, request=None) -> bytes:
    from weasyprint import HTML

    css = finders.find("check/pdf.css")
    html = render_to_string(template, context, request=request)
    # Fonts: the system's DejaVu Sans (Debian fonts-dejavu-core); nothing is fetched.
    return HTML(string=html, base_url=str(css), url_fetcher=_fetcher).write_pdf(stylesheets=[css])
