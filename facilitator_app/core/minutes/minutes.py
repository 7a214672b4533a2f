"""The verbale (minutes) of a plenary: the secretariat's sections and the read model of everything else.

Sections: free texts the secretariat writes (opening, summary of the sessions,
decisions, next steps), one `minutes_sections` row per (plenary, key) with the
id `derived_id("minutes", plenary_id, key)`, so the same section edited on two
laptops merges into one row. `save_section` is the one write action.

Read model: `load_minutes(store, plenary_id, public=...)` gathers what the PDF
and Excel exports print, already ordered and labelled in Italian. Everything
comes from the data; only the sections are written by hand.

Public version (Milano Partecipa): the guarantee is structural. With
`public=True` the loader never selects a citizen's name, contact, badge,
justification reason or note author: members are read through
`_DEMOGRAPHIC_COLUMNS` only (for counts and composition), plenary people only
with the roles in `PUBLIC_ROLES` and no member link, and photo captions are
replaced by neutral ones. Fields that would hold personal data are None in
a public `Minutes`, so a renderer cannot print them by mistake. Note and
recommendation texts are the citizens' content and stay.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.members.targets import FIELDS as COMPOSITION_FIELDS
from facilitator_app.core.members.targets import member_category
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.minutes.model import (  # noqa: F401
    STATUS_LABELS,
    ClusterBlock,
    CompositionLine,
    GroupBlock,
    MemberLine,
    Minutes,
    NoteLine,
    Person,
    PhotoLine,
    RecLine,
    SessionLine,
)
from facilitator_app.core.notes import tags as tagmod
from facilitator_app.core.notes.notes import categories, clusters_of, groups_of, notes_of, vote_totals
from facilitator_app.core.plenaries.plenaries import agenda_of, sessions_of
from facilitator_app.core.recommendations.recommendations import plan_actions_of, recommendations_of
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold

# (key, Italian title) in the order the verbale prints them.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("opening", "Apertura dei lavori"),
    ("summary", "Sintesi dei lavori delle sessioni"),
    ("decisions", "Decisioni"),
    ("next_steps", "Prossimi passi"),
)
SECTION_KEYS = tuple(k for k, _ in SECTIONS)
SECTION_TITLES = dict(SECTIONS)

# Named in the public version; everyone else (guests, observers, substitutes) is only counted.
PUBLIC_ROLES = ("facilitator", "staff", "expert")
# The only member columns the public path reads.
_DEMOGRAPHIC_COLUMNS = "id, gender, birth_date, citizenship, municipio, education, term_start, term_end, status"
FIELD_LABELS = {"gender": "Genere", "age_band": "Fascia d'età", "municipio": "Municipio",
                "citizenship": "Cittadinanza", "education": "Titolo di studio"}
UNKNOWN = "?"


class MinutesError(CoreError, ValueError):
    """The verbale cannot be made or saved; the message says why."""


# -- sections (the one write action) --------------------------------------------------------
def section_id(plenary_id: str, key: str) -> str:
    return derived_id("minutes", plenary_id, key)


def sections_of(store: Store, plenary_id: str) -> dict[str, str]:
    """key -> text of every section written so far (missing keys: never written)."""
    rows = store.conn.execute("SELECT key, text FROM minutes_sections WHERE plenary_id = ? AND deleted = 0",
                              (plenary_id,)).fetchall()
    return {k: t or "" for k, t in rows}


def save_section(store: Store, plenary_id: str, key: str, text: str | None) -> bool:
    """Store one section's text exactly as typed (one transaction); True if it changed."""
    if key not in SECTION_KEYS:
        raise MinutesError(f"section: expected one of {', '.join(SECTION_KEYS)}, got {key!r}", code="bad_section",
                           value=key)
    text = "" if text is None else str(text)
    with store.transaction():
        if store.get("plenaries", plenary_id) is None:
            raise not_found(MinutesError, "plenary", plenary_id)
        sid = section_id(plenary_id, key)
        row = store.get("minutes_sections", sid, include_deleted=True)
        if row is None:
            store.insert("minutes_sections", {"plenary_id": plenary_id, "key": key, "text": text}, id=sid)
            return True
        return store.update("minutes_sections", sid, {"plenary_id": plenary_id, "key": key, "text": text,
                                                      "deleted": 0})


# -- the live outline (cheap counts for the editor) -------------------------------------------
@dataclass
class Outline:
    expected: int
    present: int                                  # members present in at least one session
    per_session: list[tuple[str, int]]            # (session name, members present)
    justified: int
    people: int                                   # staff, facilitators, experts ... of the plenary
    groups: int
    clusters: int
    notes: int
    unclustered: int
    recommendations: int
    photos: int
    sections_written: list[str]
    sections_missing: list[str]


def outline(store: Store, plenary_id: str) -> Outline:
    """What the verbale will contain, in a handful of count queries (the editor refreshes it live)."""
    plenary = store.get("plenaries", plenary_id)
    if plenary is None:
        raise not_found(MinutesError, "plenary", plenary_id)
    one = lambda sql: store.scalar(sql, (plenary_id,)) or 0  # noqa: E731
    present = {}
    for sid, n in store.conn.execute(
            "SELECT session_id, count(*) FROM attendance WHERE plenary_id = ? AND deleted = 0 "
            "AND status = 'present' AND member_id IS NOT NULL GROUP BY session_id", (plenary_id,)):
        present[sid] = n
    written = {k for k, t in sections_of(store, plenary_id).items() if t.strip()}
    return Outline(
        expected=len(expected_rows(store, plenary)),
        present=one("SELECT count(DISTINCT member_id) FROM attendance WHERE plenary_id = ? AND deleted = 0 "
                    "AND status = 'present' AND member_id IS NOT NULL"),
        per_session=[(s["name"], present.get(s["id"], 0)) for s in sessions_of(store, plenary_id)],
        justified=one("SELECT count(DISTINCT a.member_id) FROM attendance a WHERE a.plenary_id = ? AND a.deleted = 0 "
                      "AND a.status = 'absent_justified' AND a.member_id IS NOT NULL AND NOT EXISTS (SELECT 1 "
                      "FROM attendance b WHERE b.plenary_id = a.plenary_id AND b.member_id = a.member_id "
                      "AND b.deleted = 0 AND b.status = 'present')"),
        people=one("SELECT count(*) FROM plenary_people WHERE plenary_id = ? AND deleted = 0"),
        groups=one("SELECT count(*) FROM groups WHERE plenary_id = ? AND deleted = 0"),
        clusters=one("SELECT count(*) FROM clusters c JOIN groups g ON g.id = c.group_id "
                     "WHERE g.plenary_id = ? AND c.deleted = 0 AND g.deleted = 0"),
        notes=one("SELECT count(*) FROM notes WHERE plenary_id = ? AND deleted = 0"),
        unclustered=one("SELECT count(*) FROM notes WHERE plenary_id = ? AND deleted = 0 AND cluster_id IS NULL"),
        recommendations=one("SELECT count(*) FROM recommendations WHERE plenary_id = ? AND deleted = 0"),
        photos=one("SELECT count(*) FROM photos WHERE plenary_id = ? AND deleted = 0"),
        sections_written=[k for k in SECTION_KEYS if k in written],
        sections_missing=[k for k in SECTION_KEYS if k not in written],
    )


# -- the read model (data classes in minutes_model.py) -----------------------------------------
def expected_rows(store: Store, plenary: dict[str, Any], extra_ids: str = "") -> list[dict[str, Any]]:
    """Members in office on the plenary's day (the rule of `plenaries.expected_members`), demographic columns only."""
    day = plenary["date"]
    return store.query(
        f"SELECT {_DEMOGRAPHIC_COLUMNS} FROM members WHERE deleted = 0 "
        "AND (term_start IS NULL OR term_start <= ?) AND (term_end IS NULL OR term_end >= ?) "
        "AND (status = 'active' OR term_end IS NOT NULL)", (day, day))


def member_names(store: Store, ids: set[str]) -> dict[str, tuple[str, str]]:
    """Internal version only: member id -> (surname, first name)."""
    out: dict[str, tuple[str, str]] = {}
    ids_list = sorted(i for i in ids if i)
    for i in range(0, len(ids_list), 500):
        chunk = ids_list[i:i + 500]
        for mid, surname, first in store.conn.execute(
                f"SELECT id, surname, first_name FROM members WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[mid] = (surname, first)
    return out


def wall_clock(iso: str | None) -> datetime | None:
    """A stored check-in time as the clock people saw showed it (naive: Excel has no time zones)."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).replace(tzinfo=None)
    except ValueError:
        return None


def _clock(iso: str | None) -> str:
    """The wall-clock time people saw ("09:41"), whatever offset was stored."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).strftime("%H:%M")
    except ValueError:
        return str(iso)


def _label(vocab: Vocabularies, fld: str, key: str) -> str:
    if key == UNKNOWN:
        return "non indicato"
    if fld == "municipio":
        return f"Municipio {key}"
    return vocab.label("age_bands" if fld == "age_band" else fld, key)


def _order(vocab: Vocabularies, fld: str) -> list[str]:
    if fld == "municipio":
        return [str(m) for m in range(1, 10)]
    return vocab.keys("age_bands" if fld == "age_band" else fld)


def _composition(expected: list[dict[str, Any]], present_ids: set[str], vocab: Vocabularies,
                 on: date) -> dict[str, list[CompositionLine]]:
    present = [m for m in expected if m["id"] in present_ids]
    out = {}
    for fld in COMPOSITION_FIELDS:
        exp = Counter(member_category(m, fld, vocab, on) or UNKNOWN for m in expected)
        pre = Counter(member_category(m, fld, vocab, on) or UNKNOWN for m in present)
        order = _order(vocab, fld)
        keys = [k for k in order if k in exp] + sorted(k for k in exp if k not in order and k != UNKNOWN)
        keys += [UNKNOWN] if UNKNOWN in exp else []
        n_exp, n_pre = len(expected), len(present)
        out[fld] = [CompositionLine(k, _label(vocab, fld, k), exp[k], pre[k],
                                    exp[k] / n_exp if n_exp else 0.0, pre[k] / n_pre if n_pre else 0.0)
                    for k in keys]
    return out


def _people(store: Store, plenary_id: str, public: bool) -> tuple[list[Person], dict[str, int]]:
    order = "CASE role WHEN 'facilitator' THEN 0 WHEN 'staff' THEN 1 WHEN 'expert' THEN 2 WHEN 'observer' THEN 3 " \
            "WHEN 'guest' THEN 4 ELSE 5 END, name"
    if not public:
        rows = store.query(f"SELECT name, role, organisation FROM plenary_people WHERE plenary_id = ? "
                           f"AND deleted = 0 ORDER BY {order}", (plenary_id,))
        return [Person(r["name"], r["role"], r["organisation"]) for r in rows], {}
    roles = ",".join(f"'{r}'" for r in PUBLIC_ROLES)
    rows = store.query(f"SELECT name, role, organisation FROM plenary_people WHERE plenary_id = ? AND deleted = 0 "
                       f"AND member_id IS NULL AND role IN ({roles}) ORDER BY {order}", (plenary_id,))
    others = dict(store.conn.execute(
        f"SELECT role, count(*) FROM plenary_people WHERE plenary_id = ? AND deleted = 0 "
        f"AND (member_id IS NOT NULL OR role NOT IN ({roles})) GROUP BY role", (plenary_id,)).fetchall())
    return [Person(r["name"], r["role"], r["organisation"]) for r in rows], others


def _attendance(store: Store, plenary_id: str, public: bool) -> list[dict[str, Any]]:
    # The justification (often health or family) is personal: never read for the public version.
    cols = "session_id, member_id, person_id, status, checked_in_at, checked_out_at, late"
    return store.query(f"SELECT {cols}{'' if public else ', reason'} FROM attendance "
                       "WHERE plenary_id = ? AND deleted = 0", (plenary_id,))


def load_minutes(store: Store, plenary_id: str, *, public: bool = False,
                 vocab: Vocabularies | None = None) -> Minutes:
    """Everything the verbale prints, ordered and labelled; personal data only when not `public`."""
    plenary = store.get("plenaries", plenary_id)
    if plenary is None:
        raise not_found(MinutesError, "plenary", plenary_id)
    vocab = vocab or Vocabularies.load(store)
    on = date.fromisoformat(plenary["date"])
    sessions = sessions_of(store, plenary_id)
    session_names = {s["id"]: s["name"] for s in sessions}
    expected = expected_rows(store, plenary)
    expected_ids = {m["id"] for m in expected}
    att = _attendance(store, plenary_id, public)
    by_member: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in att:
        if r["member_id"]:
            by_member[r["member_id"]][r["session_id"]] = r
    present_ids = {m for m, per in by_member.items() if any(r["status"] == "present" for r in per.values())}
    justified_ids = {m for m, per in by_member.items() if m not in present_ids
                     and any(r["status"] == "absent_justified" for r in per.values())}
    lines = []
    for s in sessions:
        mine = [r for r in att if r["session_id"] == s["id"]]
        pres = [r for r in mine if r["status"] == "present" and r["member_id"]]
        lines.append(SessionLine(
            s["id"], s["name"], s["starts_at"], s["ends_at"], len(expected_ids), len(pres),
            sum(1 for r in pres if r["late"]), sum(1 for r in pres if r["checked_out_at"]),
            sum(1 for r in mine if r["status"] == "absent_justified" and r["member_id"]),
            sum(1 for r in mine if r["status"] == "present" and r["person_id"])))
    people, others = _people(store, plenary_id, public)

    groups = groups_of(store, plenary_id)
    names: dict[str, tuple[str, str]] = {}
    if not public:
        authors = {n["author_member_id"] for n in notes_of(store, plenary_id=plenary_id) if n["author_member_id"]}
        seated = {r[0] for r in store.conn.execute(
            "SELECT member_id FROM group_members WHERE plenary_id = ? AND deleted = 0", (plenary_id,))}
        names = member_names(store, set(by_member) | expected_ids | authors | seated)

    present_list = justified_list = absent_list = None
    if not public:
        present_list, justified_list, absent_list = _member_lists(
            sessions, by_member, expected_ids, present_ids, justified_ids, names)

    photos = _photos(store, plenary_id, {g["id"]: g["name"] for g in groups}, public)
    return Minutes(
        public=public, assembly=store.assembly_name(), plenary=plenary,
        sessions=lines, agenda=agenda_of(store, plenary_id), people=people, others=others,
        expected=len(expected_ids), present=len(present_ids), justified=len(justified_ids & expected_ids),
        composition=_composition(expected, present_ids, vocab, on),
        present_list=present_list, justified_list=justified_list, absent_list=absent_list,
        groups=_groups(store, plenary_id, groups, session_names, names, public, photos),
        recommendations=_recommendations(store, plenary_id, groups),
        photos=photos, sections=sections_of(store, plenary_id),
    )


def _member_lists(sessions, by_member, expected_ids, present_ids, justified_ids, names):
    def key(mid: str) -> tuple[str, str, str]:
        surname, first = names.get(mid, ("?", ""))
        return (fold(surname), fold(first), mid)

    def line(mid: str, cells: list[str], reason: str = "") -> MemberLine:
        surname, first = names.get(mid, ("?", ""))
        per = by_member.get(mid, {})
        return MemberLine(surname, first, cells, reason, [per.get(s["id"]) for s in sessions])

    def cell(r: dict[str, Any] | None) -> str:
        if r is None:
            return "assente"
        if r["status"] == "absent_justified":
            return "giustificato/a"
        text = _clock(r["checked_in_at"]) or "presente"
        if r["checked_out_at"]:
            text += f"–{_clock(r['checked_out_at'])}"
        if r["late"]:
            text += " (ritardo)"
        return text

    present = []
    for mid in sorted(present_ids, key=key):
        per = by_member[mid]
        reasons = sorted({r["reason"] for r in per.values() if r["status"] == "absent_justified" and r.get("reason")})
        present.append(line(mid, [cell(per.get(s["id"])) for s in sessions], "; ".join(reasons)))
    justified = []
    for mid in sorted(justified_ids, key=key):
        per = by_member[mid]
        reasons = sorted({r["reason"] for r in per.values() if r.get("reason")})
        justified.append(line(mid, [cell(per.get(s["id"])) for s in sessions], "; ".join(reasons)))
    absent = [line(mid, ["assente"] * len(sessions)) for mid in sorted(expected_ids - present_ids - justified_ids, key=key)]
    return present, justified, absent


def _groups(store: Store, plenary_id: str, groups: list[dict[str, Any]], session_names: dict[str, str],
            names: dict[str, str], public: bool, photos: list[PhotoLine]) -> list[GroupBlock]:
    cats = {c["id"]: c["name"] for c in categories(store)}
    themes = {t["id"]: t["name"] for t in tagmod.themes(store)}
    seats: dict[str, set[str]] = defaultdict(set)
    for gid, mid in store.conn.execute("SELECT group_id, member_id FROM group_members WHERE plenary_id = ? "
                                       "AND deleted = 0 AND group_id IS NOT NULL", (plenary_id,)):
        seats[gid].add(mid)
    notes_by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in notes_of(store, plenary_id=plenary_id):
        notes_by_group[n["group_id"]].append(n)
    out = []
    for g in groups:
        votes = vote_totals(store, group_id=g["id"])

        def line(n: dict[str, Any]) -> NoteLine:
            return NoteLine(n["id"], n["text"], cats.get(n["category_id"], ""), tagmod.decode(n["tags"]),
                            votes.get(n["id"], 0), session_names.get(n["session_id"], ""),
                            None if public else full_name(names.get(n["author_member_id"])),
                            n["created_at"])

        def ordered(rows: list[dict[str, Any]]) -> list[NoteLine]:
            # Most dots first; ties in the order they sit on the wall (row, then left to right).
            rows = sorted(rows, key=lambda n: (-votes.get(n["id"], 0), n["y"] if n["y"] is not None else 1e18,
                                               n["x"] if n["x"] is not None else 0, n["created_at"], n["id"]))
            return [line(n) for n in rows]

        by_cluster: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for n in notes_by_group.get(g["id"], []):
            by_cluster[n["cluster_id"]].append(n)
        blocks = []
        for c in clusters_of(store, g["id"]):
            blocks.append(ClusterBlock(c["id"], (c["title"] or "").strip() or "Raggruppamento senza titolo",
                                       votes.get(c["id"], 0), ordered(by_cluster.pop(c["id"], []))))
        blocks.sort(key=lambda b: -(b.votes + b.note_votes))  # stable: equal totals keep wall order
        loose = [n for rows in by_cluster.values() for n in rows]  # no cluster, or a deleted one
        if loose:
            blocks.append(ClusterBlock(None, "Post-it non raggruppati", 0, ordered(loose)))
        members = None if public else sorted((names.get(m, ("?", "")) for m in seats.get(g["id"], ())),
                                             key=lambda n: (fold(n[0]), fold(n[1])))
        out.append(GroupBlock(g["id"], g["name"], g["room"], g["facilitator"], themes.get(g["theme_id"]),
                              session_names.get(g["session_id"]), len(seats.get(g["id"], ())), members, blocks,
                              [p.number for p in photos if p.group == g["name"]]))
    return out


def full_name(name: tuple[str, str] | None) -> str:
    return f"{name[0]} {name[1]}".strip() if name else ""


def _recommendations(store: Store, plenary_id: str, groups: list[dict[str, Any]]) -> list[RecLine]:
    group_names = {g["id"]: g["name"] for g in groups}
    themes = {t["id"]: t["name"] for t in tagmod.themes(store)}
    linked = dict(store.conn.execute(
        "SELECT rn.recommendation_id, count(*) FROM recommendation_notes rn JOIN notes n ON n.id = rn.note_id "
        "JOIN recommendations r ON r.id = rn.recommendation_id WHERE r.plenary_id = ? AND rn.deleted = 0 "
        "AND n.deleted = 0 GROUP BY rn.recommendation_id", (plenary_id,)).fetchall())
    return [RecLine(i, r["id"], r["title"], r["text"] or "", group_names.get(r["group_id"]),
                    themes.get(r["theme_id"]), plan_actions_of(r), r["status"], r["votes_for"],
                    r["votes_against"], r["votes_abstained"], linked.get(r["id"], 0))
            for i, r in enumerate(recommendations_of(store, plenary_id), 1)]


def _photos(store: Store, plenary_id: str, group_names: dict[str, str], public: bool) -> list[PhotoLine]:
    # Bytes are read one at a time when the PDF is drawn (`photos.photo_data`), never all at once.
    rows = store.query("SELECT p.id, p.group_id, p.caption, p.mime, p.width, p.height FROM photos p "
                       "LEFT JOIN groups g ON g.id = p.group_id WHERE p.plenary_id = ? AND p.deleted = 0 "
                       "ORDER BY g.sort_order IS NULL, g.sort_order, g.name, p.created_at, p.id", (plenary_id,))
    out = []
    for i, r in enumerate(rows, 1):
        group = group_names.get(r["group_id"])
        if public or not (r["caption"] or "").strip():
            # Captions are free text and may name people: the public version never prints them.
            caption = f"Parete dei post-it — {group}" if group else "Fotografia della plenaria"
        else:
            caption = r["caption"].strip()
        out.append(PhotoLine(i, r["id"], group, caption, r["mime"], r["width"], r["height"]))
    return out
