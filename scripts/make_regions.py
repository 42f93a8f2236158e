"""Write a region file for every veiligheidsregio in content/municipalities.yaml that has none yet, with the
national content only: its name, a short description and its municipalities. Existing region files are
left alone (their municipality lists are kept by hand; `--check` reports where they differ from the
dataset). Run after updating municipalities.yaml:  .venv/bin/python scripts/make_regions.py [--check]

Slugs follow the names: "Noord- en Oost-Gelderland" -> noord-en-oost-gelderland, "Fryslân" -> fryslan."""

import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1] / "content"


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def region_yaml(vr: dict, members: list[dict]) -> str:
    codes = "\n".join(f"  - {m['code']}  # {m['name']}" for m in members)
    return f'''# Veiligheidsregio {vr['name']} ({vr['code']}): national content only until the region's own people and
# organisations are added (docs/content-format.md, "Adding or splitting a region").
slug: {slugify(vr['name'])}
name: "{vr['name']}"
level: veiligheidsregio
code: {vr['code']}
description:
  nl: "Veiligheidsregio {vr['name']}: {len(members)} gemeenten."
  en: "The {vr['name']} safety region: {len(members)} municipalities."
municipalities:
{codes}
sources:
  - doc: gemeenten-veiligheidsregios
'''


def main(check: bool) -> int:
    data = yaml.safe_load((ROOT / "municipalities.yaml").read_text(encoding="utf-8"))
    existing = {}
    for path in (ROOT / "regions").glob("*.yaml"):
        region = yaml.safe_load(path.read_text(encoding="utf-8"))
        if region.get("level", "veiligheidsregio") == "veiligheidsregio" and region.get("code"):
            existing[region["code"]] = (path, region)
    problems = 0
    for vr in data["safety_regions"]:
        members = [m for m in data["municipalities"] if m["safety_region"] == vr["code"]]
        if vr["code"] in existing:
            path, region = existing[vr["code"]]
            differ = set(region.get("municipalities", [])) ^ {m["code"] for m in members}
            if differ:
                problems += 1
                print(f"{path.name}: differs from the dataset in {', '.join(sorted(differ))}")
            continue
        path = ROOT / "regions" / f"{slugify(vr['name'])}.yaml"
        if check:
            problems += 1
            print(f"missing: {path.name}")
        elif path.exists():
            print(f"{path.name} exists without code {vr['code']}: add `code:` and `municipalities:` by hand")
        else:
            path.write_text(region_yaml(vr, members), encoding="utf-8")
            print(f"wrote {path.name} ({len(members)} gemeenten)")
    return 1 if problems and check else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
