"""The `docpipe` command: submit documents to a docpipe service, follow their jobs, print results.

Exit codes: 0 every document succeeded; 1 some document or job failed (or was not found);
2 usage error, refused API key, or the service could not be reached.
"""
from __future__ import annotations

import argparse
import sys

from services.cli import commands
from services.cli.http import ApiError, Unreachable
from services.cli.local import StagesMissing
from services.cli.render import FORMATS

USAGE_ERROR = 2
INTERRUPTED = 130  # as shells report Ctrl-C


def _parser() -> argparse.ArgumentParser:
    service = argparse.ArgumentParser(add_help=False)
    service.add_argument("--api-url", help="the service's URL (default: $DOCPIPE_API_URL, "
                                           "else http://127.0.0.1:8000)")
    service.add_argument("--api-key", help="an API key (default: $DOCPIPE_API_KEY)")
    parser = argparse.ArgumentParser(
        prog="docpipe", description="Clean documents, find who said what, and summarise them.",
        epilog="Exit codes: 0 all succeeded, 1 some failed, 2 usage or connection error.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    submit = sub.add_parser("submit", parents=[service], help="send files (or every file in a "
                            "directory) to the service, one job each")
    submit.add_argument("paths", nargs="+", metavar="FILE|DIR")
    submit.add_argument("--wait", action="store_true",
                        help="follow each job's stages live and print its result")
    submit.add_argument("--json", action="store_true", help="print JSON instead of text")
    submit.add_argument("--format", choices=FORMATS, default="text",
                        help="with --wait: how to print results (default: text)")
    submit.add_argument("--sentences", type=int, metavar="N", help="summary sentences (1-50)")
    submit.set_defaults(run=commands.submit)

    status = sub.add_parser("status", parents=[service], help="a job's status and stages")
    status.add_argument("job_id", metavar="ID")
    status.add_argument("--json", action="store_true", help="print the job as JSON")
    status.set_defaults(run=commands.status)

    result = sub.add_parser("result", parents=[service],
                            help="a job's quotes and summary (waits for the job to end)")
    result.add_argument("job_id", metavar="ID")
    result.add_argument("--format", choices=FORMATS, default="text")
    result.set_defaults(run=commands.result)

    process = sub.add_parser("process", help="run the three stages here, without a service")
    process.add_argument("paths", nargs="+", metavar="FILE|DIR")
    process.add_argument("--format", choices=FORMATS, default="text")
    process.add_argument("--sentences", type=int, default=3, metavar="N")
    process.set_defaults(run=commands.process)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (Unreachable, StagesMissing) as exc:
        return _error(str(exc))
    except ApiError as exc:  # only errors that concern every file get here (401, a bad URL)
        return _error(f"the service answered {exc.status}: {exc.detail}")
    except KeyboardInterrupt:
        print("docpipe: interrupted", file=sys.stderr)
        return INTERRUPTED


def _error(message: str) -> int:
    print(f"docpipe: {message}", file=sys.stderr)
    return USAGE_ERROR
