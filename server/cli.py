"""The ``commonground`` command: run the backend, analyse a profile, manage the token and profile.

Errors a user can meet end with a one-line message on stderr and exit status 2 (1 for
unexpected failures), never with a traceback.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import sys
from pathlib import Path
from typing import Any

from server.errors import AppError

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765


def _data_dir(given: str | None) -> str:
    from server import default_data_dir

    return str(Path(given or default_data_dir()).expanduser())


def cmd_serve(args: argparse.Namespace) -> int:
    from server import create_app, logs, shutdown
    from server.serving import serve

    logs.configure()
    settings: dict[str, Any] = {"DATA_DIR": _data_dir(args.data_dir)}
    if not _is_loopback(args.host):
        print(f"warning: listening on {args.host}, not 127.0.0.1: other machines on the network "
              "can reach the backend (they still need the token)", file=sys.stderr)  # fmt: skip
        # Requests addressed to that address are answered too; a wildcard names no host, so
        # the names to answer must then be given (COMMONGROUND_ALLOWED_HOSTS).
        if args.host not in ("0.0.0.0", "::", ""):
            host = f"[{args.host}]" if ":" in args.host else args.host
            settings["ALLOWED_HOSTS"] = [host, *_allowed_hosts_from_env()]
    app = create_app(settings)
    print(f"Common Ground backend on http://{args.host}:{args.port} "
          f"(data in {app.config['DATA_DIR']}; `commonground token` shows the token)",
          file=sys.stderr)  # fmt: skip
    try:
        serve(app, host=args.host, port=args.port, threads=args.threads)
    finally:
        shutdown(app)
    return 0


def _allowed_hosts_from_env() -> list[str]:
    from server import config
    from server.security import allowed_hosts

    return sorted(allowed_hosts(config.settings().get("ALLOWED_HOSTS")))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_analyze(args: argparse.Namespace) -> int:
    from server import config, store
    from server.pipeline import Pipeline, Settings

    url = _checked_url(args.url)
    html = _read_file(args.html, "page") if args.html else None
    from server.security import private_data_dir, private_database

    data_dir = private_data_dir(Path(_data_dir(args.data_dir)))
    db_path = data_dir / store.DB_NAME
    private_database(db_path)
    store.init_db(db_path)
    me: dict[str, Any] | None
    if args.me:
        me = _load_profile(args.me)
    else:
        conn = store.connect(db_path)
        me = store.get_me(conn)
        conn.close()
    # The settings the backend would run with (COMMONGROUND_* variables included), with this
    # command's limit and budget: the same pipeline as the extension's analyses, browser too.
    settings = config.settings({"POST_LIMIT": args.limit, "ANALYSIS_BUDGET_S": args.budget})
    pipeline = Pipeline(Settings.from_config(settings), db_path, warm=False)
    pipeline.embedder.start()  # the model loads while the profile and blog are read

    def progress(stage: str, done: int = 0, total: int = 0) -> None:
        log.debug("stage=%s %d/%d", stage, done, total)

    try:
        result = pipeline.analyse(url, html, me, progress)
    finally:
        pipeline.close()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(format_result(result))
    return 0


def _checked_url(given: str) -> str:
    from server.api.validate import url as check_url

    checked = check_url({"url": given})
    assert checked is not None  # a required field: a missing one raised InvalidInput
    return checked


def format_result(result: dict[str, Any]) -> str:
    """The analysis as text: who, talking points with their evidence, openers, problems."""
    profile = result.get("profile") or {}
    lines = [f"{profile.get('name') or 'Unknown'} - {profile.get('headline') or ''}".rstrip(" -")]
    lines.append(f"{len(result.get('posts') or [])} posts read"
                 + (" (partial: ran out of time)" if result.get("partial") else ""))  # fmt: skip
    lines += ["", "Talking points:"]
    for point in result.get("talking_points") or []:
        lines.append(f"  [{point['kind']}] {point['text']}")
        for ev in point.get("evidence") or []:
            lines.append(f'      "{ev.get("quote", "")}" ({ev.get("url") or "profile"})')
    if not result.get("talking_points"):
        lines.append("  (none found)")
    lines += ["", "Openers:"]
    for opener in result.get("openers") or []:
        passed = "passes" if opener["swap_test"]["passed"] else "FAILS"
        lines.append(f"  ({opener['channel']}, swap test {passed})")
        lines += [f"    {line}" for line in opener["text"].splitlines()]
    for advice in result.get("advice") or []:
        lines.append(f"Advice: {advice if isinstance(advice, str) else json.dumps(advice)}")
    missing = profile.get("missing_sections") or []
    if missing:
        lines.append(
            f"Note: the page did not show their {', '.join(m.capitalize() for m in missing)} "
            "(LinkedIn loads these as you scroll): scroll to the end of the profile before "
            "saving it, then analyse it again"
        )
    for error in result.get("errors") or []:
        lines.append(f"Note: {error}")
    return "\n".join(lines)


def _read_file(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise AppError(f"cannot read the {what} file {path}: {exc.strerror}",
                       code="file_unreadable") from None  # fmt: skip


def _load_profile(path: str) -> dict[str, Any]:
    from server.api.me import profile_from_json

    try:
        raw = json.loads(_read_file(path, "profile"))
    except json.JSONDecodeError as exc:
        raise AppError(f"{path} is not valid JSON ({exc.msg}, line {exc.lineno})",
                       code="malformed_json") from None  # fmt: skip
    return profile_from_json(raw)


def cmd_token(args: argparse.Namespace) -> int:
    from server.security import read_or_create_token

    print(read_or_create_token(_data_dir(args.data_dir), rotate=args.rotate))
    if args.rotate:
        print("token replaced: paste the new one into the extension's options; restart "
              "`commonground serve` if it is running", file=sys.stderr)  # fmt: skip
    return 0


def cmd_me(args: argparse.Namespace) -> int:
    from server import store
    from server.security import private_data_dir, private_database

    data_dir = private_data_dir(Path(_data_dir(args.data_dir)))
    private_database(data_dir / store.DB_NAME)
    store.init_db(data_dir / store.DB_NAME)
    conn = store.connect(data_dir / store.DB_NAME)
    try:
        if args.set:
            store.put_me(conn, _load_profile(args.set))
        profile = store.get_me(conn)
    finally:
        conn.close()
    if profile is None:
        raise AppError("your profile is not set: `commonground me --set profile.json`",
                       code="me_not_set")  # fmt: skip
    print(json.dumps(profile, indent=2, ensure_ascii=False))
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    from scraper.profile import parse_profile

    profile = parse_profile(_read_file(args.file, "page"), args.url)
    if profile is None:
        raise AppError(f"{args.file} does not look like a profile page", code="not_a_profile")
    d = profile.to_dict()
    if args.json:
        print(json.dumps(d, indent=2, ensure_ascii=False))
    else:
        for key, value in d.items():
            if value:
                print(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return 0


def cmd_posts(args: argparse.Namespace) -> int:
    from scraper.blog import read_blog
    from scraper.fetch import Fetcher, MemoryPageCache
    from server import config

    url = _checked_url(args.url)
    settings = config.settings()
    with Fetcher(allow_hosts_loopback=bool(settings["ALLOW_LOOPBACK_FETCH"]),
                 cache=MemoryPageCache(),
                 delay=float(settings["FETCH_DELAY_S"])) as fetcher:  # fmt: skip
        blog = read_blog(url, fetcher, limit=args.limit)
    posts = [{k: p.to_dict()[k] for k in ("url", "title", "published", "author", "tags", "text")}
             for p in blog.posts]  # fmt: skip
    for error in blog.errors:
        print(f"note: {error}", file=sys.stderr)
    if args.json:
        print(json.dumps(posts, indent=2, ensure_ascii=False))
    else:
        for p in posts:
            print(
                f"{p['published'] or '':10}  {p['title'] or '(untitled)'}\n            {p['url']}"
            )
    if not posts:
        raise AppError(f"no posts found at {url}", code="no_posts")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from server import demo  # the lead's module; imported only when asked for

    result = demo.main(args.headed, output_dir=args.output)
    return int(result or 0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="commonground", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def data_dir(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--data-dir",
            help="where the database and token live "
            "(default: $COMMONGROUND_DATA_DIR or ~/.local/share/commonground)",
        )

    p = sub.add_parser("serve", help="run the backend (waitress, threads)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    # Health checks and polls have their own queue (server.serving), so a few threads suffice;
    # more only make them wait for the GIL (bench/load.py: health p99 63 ms with 8, 88 with 16).
    p.add_argument("--threads", type=int, default=8)
    data_dir(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("analyze", help="analyse a profile URL or saved page, print the result")
    p.add_argument("url")
    p.add_argument("--html", help="a saved copy of the page (needed for LinkedIn)")
    p.add_argument("--me", help="your profile as JSON (default: the one stored by `me --set`)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--limit", type=int, default=20, help="read at most N posts")
    p.add_argument("--budget", type=float, default=120.0, help="time budget in seconds")
    data_dir(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("token", help="print the API token (made at first start)")
    p.add_argument("--rotate", action="store_true", help="replace it with a new one")
    data_dir(p)
    p.set_defaults(func=cmd_token)

    p = sub.add_parser("me", help="show or set your own profile")
    p.add_argument("--set", metavar="FILE", help="profile JSON to store")
    data_dir(p)
    p.set_defaults(func=cmd_me)

    p = sub.add_parser("profile", help="parse a saved profile page and print it")
    p.add_argument("file")
    p.add_argument("--url", required=True, help="the address the page was saved from")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_profile)

    p = sub.add_parser("posts", help="list a blog's posts")
    p.add_argument("url")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_posts)

    p = sub.add_parser("demo", help="run the bundled demo (local site, browser, extension)")
    p.add_argument("--headed", action="store_true", help="show the browser window")
    p.add_argument("--output", type=Path, default=Path("demo-output"),
                   help="where the screenshot (and the demo's data) go")  # fmt: skip
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except AppError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so briefly; --debug-style details are in the log
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        print(f"error: unexpected {type(exc).__name__}: {exc}. Please report it.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
