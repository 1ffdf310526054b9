"""Write data/traditional_to_simplified.tsv: one Traditional character → one Simplified character.

Source: OpenCC's TSCharacters.txt (Apache-2.0), as shipped in the PyPI package
opencc-python-reimplemented 0.1.7.  Only one-to-one character pairs are kept (the first candidate
where OpenCC lists several), so converting a text never changes its length and every offset into
the converted text is an offset into the original.  A character that is also written in a
Simplified place name is kept as it is: OpenCC turns 乾 into 干, but 乾县 and 乾安县 are the official
Simplified names (divisions.tsv), so converting them would lose the place.

    pip download --no-deps opencc-python-reimplemented==0.1.7 && unzip it, then
    python data/reference/make_traditional_map.py PATH/TO/opencc/dictionary/TSCharacters.txt
"""

import sys
from pathlib import Path

source = Path(sys.argv[1])
here = Path(__file__).resolve().parent
in_place_names = set()
for line in (here / "divisions.tsv").read_text(encoding="utf-8").splitlines()[1:]:
    in_place_names.update(line.split("\t")[1])
rows = []
for line in source.read_text(encoding="utf-8").splitlines():
    traditional, candidates = line.split("\t")
    simplified = candidates.split(" ")[0]
    one_to_one = len(traditional) == 1 and len(simplified) == 1 and traditional != simplified
    if one_to_one and traditional not in in_place_names:
        rows.append(f"{traditional}\t{simplified}")
out = here / "traditional_to_simplified.tsv"
out.write_text("traditional\tsimplified\n" + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
print(f"{len(rows)} pairs → {out}")
