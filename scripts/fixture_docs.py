"""The documents an SDK check script reads: shared by check_aws_with_botocore.py and check_tencent_with_sdk.py."""

import pathlib

# The fixture directories of correct documents.
GOOD_DIRS = ("valid", "lists", "placeholders")


def files(paths):
    """Each PATH that is a file, and every *.json under GOOD_DIRS of each PATH that is a directory."""
    for p in paths:
        p = pathlib.Path(p)
        if p.is_file():
            yield p
            continue
        if not p.is_dir():
            raise FileNotFoundError(p)
        for d in GOOD_DIRS:
            yield from sorted((p / d).glob("*.json"))
