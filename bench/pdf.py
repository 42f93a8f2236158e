"""Benchmark PDF generation with WeasyPrint: the signaleringshulp summary (with notes), the route and the regional
signal card. In-process, on the loaded catalogue (run `make content` first, or `make bench`).

    python bench/pdf.py [--runs 10]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegwijzer.conf.dev")
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from wegwijzer.catalogue.models import Signal  # noqa: E402


def timed(fn, runs):
    fn()  # warm-up: fonts, templates
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        size = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, max(times) * 1000, size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    client = Client(HTTP_HOST="127.0.0.1")
    keys = list(Signal.objects.values_list("key", flat=True))[:12]
    data = {"regio": "ijsselland", "leeftijd": "minderjarig", "gevaar": "ja", "kenmerk": "BENCH-1"}
    for key in keys:
        data |= {f"s-{key}": "waargenomen", f"bron-{key}": "zelf-gezien", f"notitie-{key}": "Feitelijke notitie " * 8}

    def summary():
        response = client.post("/ijsselland/signaleringshulp/pdf/", data)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        return len(response.content)

    def card():
        response = client.get("/hart-van-brabant/kaart/seksuele-uitbuiting.pdf")
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        return len(response.content)

    situation = {"leeftijd": "meerderjarig", "nationaliteit": "non-eu", "verblijf": "nee",
                 "vorm": "seksuele-uitbuiting", "aangifte": "nee", "opvang": "ja"}

    def route():
        response = client.post("/ijsselland/route/pdf/", situation)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        return len(response.content)

    print(f"{runs} runs each after one warm-up, {os.cpu_count()} cores")
    for name, fn in (("summary PDF, 12 observed signals with notes", summary), ("signal card PDF", card),
                     ("route PDF (wegwijzer), non-EU adult, shelter", route)):
        median, worst, size = timed(fn, runs)
        print(f"{name:45} median {median:6.0f} ms   max {worst:6.0f} ms   {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
