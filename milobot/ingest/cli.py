"""`milobot ingest FILE... [--json]`: run the extractor on local files (debugging, support, batch checks)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from .core import extract
from .types import FileResult, Limits

CLI_PROFILE_KEYS = (
    "name",
    "email",
    "phone",
    "location",
    "links",
    "current_title",
    "current_company",
    "years_experience",
    "skills",
    "education",
)


def result_json(result: FileResult) -> dict:
    return {
        "file": result.file,
        "outcome": result.outcome,
        "reason": result.reason,
        "profiles": [{k: p.to_dict()[k] for k in CLI_PROFILE_KEYS} for p in result.profiles],
    }


def _summary(result: FileResult) -> str:
    lines = [f"{result.file}: {result.outcome} — {result.reason}"]
    for p in result.profiles:
        who = p.name or "(no name)"
        bits = [x for x in (p.email and f"<{p.email}>", p.phone) if x]
        job = " at ".join(x for x in (p.current_title, p.current_company) if x)
        extra = " — ".join(x for x in (job, p.location) if x)
        lines.append(f"  • {who} {' '.join(bits)}" + (f" — {extra}" if extra else ""))
    return "\n".join(lines)


DESCRIPTION = "Extract candidate profiles from resumes, CSVs and ZIPs."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `milobot ingest`, on whichever parser runs it (`milobot`'s subcommand or this module)."""
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per file (per ZIP entry) per line"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per file (default 30)")


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="milobot ingest", description=DESCRIPTION)
    add_arguments(parser)
    return run_parsed(parser.parse_args(argv))


def run_parsed(args: argparse.Namespace) -> int:
    limits = Limits(per_file_seconds=args.timeout)
    status = 0
    for path in args.files:
        name = os.path.basename(path)
        try:
            with open(path, "rb") as fh:
                # Read one byte past the limit: enough to say "too large" without slurping a huge file.
                data = fh.read(limits.max_file_bytes + 1)
                oversized = len(data) > limits.max_file_bytes
                if oversized:
                    size = os.fstat(fh.fileno()).st_size
        except OSError as exc:
            print(f"{path}: cannot read ({exc.strerror or exc})", file=sys.stderr)
            status = 1
            continue
        if oversized:
            from .types import human_size

            results = [
                FileResult(
                    name,
                    "too_large",
                    f"This file is {human_size(size)}; the limit is {human_size(limits.max_file_bytes)}.",
                )
            ]
        else:
            results = extract(name, data, limits=limits)
        for result in results:
            if args.json:
                print(json.dumps(result_json(result), ensure_ascii=False))
            else:
                print(_summary(result))
    return status


def main() -> None:  # python -m milobot.ingest.cli
    sys.exit(run_cli(sys.argv[1:]))


if __name__ == "__main__":
    main()
