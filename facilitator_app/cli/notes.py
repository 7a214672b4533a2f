"""`facilitator-app notes add|list`: capture and read the post-it wall from a terminal.

    facilitator-app notes add 4 --group 2 --text "Più ombra alle fermate" --category idea --tag 4.2.2
    facilitator-app notes list 4 --group Mobilità --json

PLENARY is the plenary's number or id; --group a group's name, id or number in
order. Text is stored exactly as given (a text starting with '-' is passed as
--text=-...). Exit 2 with nothing written for empty text or unknown names.
"""

from __future__ import annotations

import argparse
from typing import Any

from facilitator_app.cli.common import (
    EXIT_OK,
    CliError,
    add_db_option,
    open_store,
    print_json,
    print_rows,
    require_plenary,
)
from facilitator_app.core.notes import notes as N
from facilitator_app.core.notes import tags as T
from facilitator_app.core.store.store import Store

UNKNOWN_PLENARY = "unknown plenary {key!r} (give its number or id); nothing was written"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("notes", help="post-it notes of the working groups")
    nsub = p.add_subparsers(dest="notes_command", metavar="ACTION", required=True)

    a = nsub.add_parser("add", help="capture one note on a group's wall")
    a.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    a.add_argument("--group", required=True, metavar="G", help="group name, id or number in order")
    a.add_argument("--text", required=True, metavar="T", help="the note, exactly as said (use --text=-x for a leading '-')")
    a.add_argument("--category", metavar="C", help="category name (case-insensitive), e.g. Proposta")
    a.add_argument("--author", metavar="MEMBER_ID", help="id of the member who said it (default: anonymous)")
    a.add_argument("--tag", action="append", default=[], metavar="T",
                   help="theme or Plan action code (e.g. 5.1.4, mobilità); repeatable")
    a.add_argument("--json", action="store_true", help="print the note as JSON")
    add_db_option(a)
    a.set_defaults(func=cmd_add)

    ls = nsub.add_parser("list", help="the notes of a plenary (or of one group)")
    ls.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    ls.add_argument("--group", metavar="G", help="only this group (name, id or number in order)")
    ls.add_argument("--json", action="store_true", help="machine-readable list")
    add_db_option(ls)
    ls.set_defaults(func=cmd_list)
    add_db_option(p)


def _group(store: Store, plenary: dict[str, Any], key: str) -> dict[str, Any]:
    row = N.find_group(store, plenary["id"], key)
    if row is None:
        names = ", ".join(f"{i}. {g['name']}" for i, g in enumerate(N.groups_of(store, plenary["id"]), 1))
        raise CliError(f"unknown group {key!r} in plenary {plenary['number']} "
                       f"({'groups: ' + names if names else 'it has no groups yet'}); nothing was written")
    return row


def note_dicts(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Notes with plain field names and names instead of ids, as --json prints them."""
    groups = {g["id"]: g["name"] for g in store.select("groups", include_deleted=True)}
    cats = {c["id"]: c["name"] for c in store.select("note_categories", include_deleted=True)}
    clusters = {c["id"]: c["title"] for c in store.select("clusters", include_deleted=True)}
    votes = N.vote_totals(store, [r["id"] for r in rows])
    authors = {m["id"]: f"{m['first_name']} {m['surname']}" for m in store.query(
        "SELECT id, first_name, surname FROM members WHERE id IN (SELECT author_member_id FROM notes "
        "WHERE author_member_id IS NOT NULL)")}
    return [{"id": r["id"], "text": r["text"], "group": groups.get(r["group_id"]), "group_id": r["group_id"],
             "category": cats.get(r["category_id"]), "cluster": clusters.get(r["cluster_id"]) if r["cluster_id"] else None,
             "cluster_id": r["cluster_id"], "tags": T.decode(r["tags"]), "votes": votes.get(r["id"], 0),
             "author": authors.get(r["author_member_id"]), "author_member_id": r["author_member_id"],
             "x": r["x"], "y": r["y"], "created_at": r["created_at"]} for r in rows]


def cmd_add(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise CliError("the note's text is empty; nothing was written")
    with open_store(args) as store:
        plenary = require_plenary(store, args.plenary, UNKNOWN_PLENARY)
        group = _group(store, plenary, args.group)
        category_id = None
        if args.category is not None:
            cat = N.find_category(store, args.category)
            if cat is None:
                known = ", ".join(c["name"] for c in N.categories(store))
                raise CliError(f"unknown category {args.category!r} (known: {known or 'none'}); nothing was written")
            category_id = cat["id"]
        if args.author is not None and store.get("members", args.author) is None:
            raise CliError(f"unknown member id {args.author!r}; nothing was written")
        choices = T.tag_choices(store)
        tags = [T.resolve(t.lstrip("#"), choices) or t for t in args.tag]
        try:
            nid = N.add_note(store, plenary["id"], group["id"], args.text, category_id=category_id,
                             author_member_id=args.author, tags=tags)
        except N.NoteError as exc:
            raise CliError(f"{exc}; nothing was written") from exc
        row = note_dicts(store, [store.get("notes", nid)])[0]
    if args.json:
        print_json(row)
    else:
        print(f"Note {nid} added to {row['group']} (plenary {plenary['number']})")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        plenary = require_plenary(store, args.plenary, UNKNOWN_PLENARY)
        group = _group(store, plenary, args.group) if args.group is not None else None
        rows = N.notes_of(store, plenary_id=plenary["id"], group_id=group["id"] if group else None)
        order = {g["id"]: i for i, g in enumerate(N.groups_of(store, plenary["id"]))}
        rows.sort(key=lambda r: (order.get(r["group_id"], 1e9), r["created_at"]))
        out = note_dicts(store, rows)
    print_rows(out, [("group", "Group"), ("category", "Category"), ("votes", "Dots"), ("cluster", "Cluster"),
                     (lambda r: " ".join(r["text"].split())[:60], "Text"), (lambda r: ", ".join(r["tags"]), "Tags")],
               as_json=args.json, count="notes")
    return EXIT_OK
