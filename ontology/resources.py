"""Where the project's reference data (data/reference/*.tsv …) is, however the package was installed.

A checkout runs from the repository, where it sits in ``data/reference/`` beside the packages (the
sample corpus is in ``data/`` itself); an installed wheel puts it in
``<prefix>/share/policykg/data`` (pyproject.toml, data-files); a deployment may
keep them anywhere and say so in ``POLICYKG_DATA``.  Every loader asks here, so none of them
guesses paths of its own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "POLICYKG_DATA"


def data_dirs() -> list[Path]:
    """The directories searched, in order: $POLICYKG_DATA, the checkout's data/, the installed copy."""
    dirs = []
    if os.environ.get(ENV_VAR):
        dirs.append(Path(os.environ[ENV_VAR]).expanduser())
    dirs.append(Path(__file__).resolve().parents[1] / "data" / "reference")
    dirs.append(Path(sys.prefix) / "share" / "policykg" / "data")
    return dirs


def data_path(name: str) -> Path:
    """The path of the data file `name` (e.g. ``divisions.tsv``) in the first directory that has it.

    Raises FileNotFoundError naming the file and every place looked in, so a broken install says
    what is missing instead of failing later on an empty table.
    """
    dirs = data_dirs()
    for d in dirs:
        path = d / name
        if path.is_file():
            return path
    looked = ", ".join(str(d / name) for d in dirs)
    raise FileNotFoundError(
        f"data file {name!r} not found; looked in: {looked}. "
        f"Set {ENV_VAR} to the directory that holds it, or install policykg with its data files."
    )
