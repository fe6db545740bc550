"""Build ``src/dateline/data/cameo_verbs.json`` from CAMEO.2.0's verb dictionary (Phoenix, MIT).

The event coder reads the table at run time instead of the 400 KB dictionary: every verb form
with its family, and every family's code and patterns reduced to the words they need before and
after the verb. Run from the repository root:

    python scripts/build_cameo_table.py ../shared/data/phoenix/CAMEO.2.0.txt
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dateline.petrarch.reader import MARKERS, read_verbs

OUT = Path(__file__).resolve().parents[1] / "src/dateline/data/cameo_verbs.json"


def _words(elements: tuple, want_pre: bool, star: int) -> list[str]:
    chosen = elements[:star] if want_pre else elements[star + 1 :]
    return [e.value for e in chosen if e.value not in MARKERS]


def build(path: Path) -> dict:
    """The table: ``forms`` word -> family indexes, ``families`` code + patterns."""
    problems: list[str] = []
    verbs = read_verbs(path, problems=problems)
    index = {id(f): n for n, f in enumerate(verbs.families)}
    families = []
    for family in verbs.families:
        patterns = [
            [p.code, _words(p.elements, True, p.star), _words(p.elements, False, p.star)]
            for p in family.patterns
        ]
        families.append({"name": family.name, "code": family.code, "patterns": patterns})
    forms: dict[str, list[list]] = {}
    for word, entries in sorted(verbs.index.items()):
        for family, form in entries:
            if len(form.words) == 1:
                forms.setdefault(word, []).append([index[id(family)], form.code])
    return {
        "source": "CAMEO.2.0.txt (Phoenix/PETRARCH2 verb dictionary, MIT; see LICENSE.petrarch2)",
        "synsets": {k: sorted({w[0] for w in v if w}) for k, v in verbs.synsets.items()},
        "families": families,
        "forms": forms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cameo", type=Path, help="CAMEO.2.0.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = build(args.cameo)
    args.out.write_text(json.dumps(table, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"{args.out}: {len(table['families'])} families, {len(table['forms'])} verb forms")


if __name__ == "__main__":
    main()
