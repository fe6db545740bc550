"""Build ``src/dateline/data/first_names.json``: first names that say a person's gender.

Source: nomquamgender's name table (Van Buskirk, Clauset and Larremore, 2023; MIT licence;
``pip install nomquamgender``), which gives for each name the share of its bearers gendered
female, ``p(gf)``, pooled from 36 sources. Only names borne often (``--min-count``) and all but
unambiguously (``p(gf)`` at most ``--share`` or at least ``1 - share``) are kept: the actors stage
reads them to say whom "he" and "she" can refer to ("Elizabeth Warren" is no "he"), where no
honorific ("Mr", "Ms") has said it. Run from the repository root:

    python scripts/build_first_names.py
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/dateline/data/first_names.json"


def _table() -> dict[str, list]:
    """nomquamgender's ``name_data.json``, read without importing the package (pandas)."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("needs nomquamgender: pip install nomquamgender")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / "name_data.json").read_text("utf-8"))


def build(min_count: int, share: float) -> dict[str, list[str]]:
    """``{"f": [...], "m": [...]}``, sorted lower-case ASCII names."""
    out: dict[str, list[str]] = {"f": [], "m": []}
    for name, (_sources, count, female, *_rest) in _table().items():
        if not (name.isascii() and name.isalpha() and len(name) > 1) or count < min_count:
            continue
        if female >= 1 - share:
            out["f"].append(name)
        elif female <= share:
            out["m"].append(name)
    return {k: sorted(v) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=1000, help="bearers a name needs")
    parser.add_argument("--share", type=float, default=0.1, help="largest share of the other")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = build(args.min_count, args.share)
    about = (
        "First names borne by at least "
        f"{args.min_count} people, at most {args.share:.0%} of them of the other gender; from "
        "nomquamgender's name table (Van Buskirk, Clauset and Larremore 2023, MIT licence), by "
        "scripts/build_first_names.py."
    )
    args.out.write_text(json.dumps({"_about": about, **names}, separators=(",", ":")) + "\n")
    print(f"{args.out}: {len(names['f'])} female, {len(names['m'])} male first names")


if __name__ == "__main__":
    main()
