"""Schema and forward migrations of an assembly file.

Every synced table carries the same bookkeeping columns (see `SYNC_COLUMNS`):
a UUID id, created/updated timestamps, the device that last changed the row,
its hybrid-logical-clock stamp and a tombstone flag. Rows are never deleted
physically, so a deletion can travel to other laptops.

Migrations only ever go forward. Append a new `(version, name, sql)` entry to
`MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

SYNC_COLUMNS = """
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0"""


def _t(name: str, body: str) -> str:
    return f"CREATE TABLE {name} ({SYNC_COLUMNS},{body}\n);\n"


_V1 = (
    # Local, never synced: who this laptop is, clock, peers.
    """
CREATE TABLE local_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX changes_row ON changes(tbl, row_id);
CREATE INDEX changes_hlc ON changes(hlc);
"""
    + _t("assembly", """
    name TEXT NOT NULL,
    city TEXT,
    description TEXT""")
    + _t("settings", """
    value TEXT""")
    + _t("devices", """
    name TEXT""")
    + _t("cohorts", """
    name TEXT NOT NULL,
    term_start TEXT,
    term_end TEXT""")
    + _t("themes", """
    name TEXT NOT NULL,
    description TEXT,
    color TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0""")
    + _t("plan_actions", """
    code TEXT NOT NULL,
    title TEXT,
    ambito TEXT""")
    + _t("members", """
    external_id TEXT,
    surname TEXT NOT NULL,
    first_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    gender TEXT,
    birth_date TEXT,
    citizenship TEXT,
    country TEXT,
    municipio INTEGER,
    education TEXT,
    cohort_id TEXT REFERENCES cohorts(id),
    term_start TEXT,
    term_end TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    accessibility_notes TEXT,
    dietary_notes TEXT,
    consent_privacy INTEGER,
    consent_photos INTEGER,
    badge_code TEXT,
    notes TEXT""")
    + """
CREATE INDEX members_external ON members(external_id);
CREATE INDEX members_name ON members(surname, first_name, birth_date);
CREATE INDEX members_badge ON members(badge_code);
"""
    + _t("plenaries", """
    number INTEGER NOT NULL,
    title TEXT,
    date TEXT NOT NULL,
    venue TEXT,
    rooms TEXT,
    status TEXT NOT NULL DEFAULT 'planned',
    notes TEXT""")
    + _t("sessions", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    name TEXT NOT NULL,
    starts_at TEXT,
    ends_at TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0""")
    + "CREATE INDEX sessions_plenary ON sessions(plenary_id);\n"
    + _t("agenda_items", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    session_id TEXT REFERENCES sessions(id),
    starts_at TEXT,
    ends_at TEXT,
    title TEXT NOT NULL,
    presenter TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0""")
    + "CREATE INDEX agenda_plenary ON agenda_items(plenary_id);\n"
    # Staff, facilitators, experts, guests and walk-ins of one plenary.
    + _t("plenary_people", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation TEXT,
    member_id TEXT REFERENCES members(id),
    notes TEXT""")
    + "CREATE INDEX people_plenary ON plenary_people(plenary_id);\n"
    # One row per (session, member or person): id derived from that key.
    + _t("attendance", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    session_id TEXT NOT NULL REFERENCES sessions(id),
    member_id TEXT REFERENCES members(id),
    person_id TEXT REFERENCES plenary_people(id),
    status TEXT NOT NULL,
    checked_in_at TEXT,
    checked_out_at TEXT,
    late INTEGER NOT NULL DEFAULT 0,
    reason TEXT""")
    + """
CREATE INDEX attendance_session ON attendance(session_id);
CREATE INDEX attendance_plenary ON attendance(plenary_id);
CREATE INDEX attendance_member ON attendance(member_id);
"""
    + _t("groups", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    session_id TEXT REFERENCES sessions(id),
    name TEXT NOT NULL,
    theme_id TEXT REFERENCES themes(id),
    room TEXT,
    facilitator TEXT,
    capacity INTEGER,
    sort_order INTEGER NOT NULL DEFAULT 0""")
    + "CREATE INDEX groups_plenary ON groups(plenary_id);\n"
    # One seat per (plenary, session, member): id derived from that key, so
    # a move made on two laptops resolves to one group.
    + _t("group_members", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    session_id TEXT REFERENCES sessions(id),
    member_id TEXT NOT NULL REFERENCES members(id),
    group_id TEXT REFERENCES groups(id),
    pinned INTEGER NOT NULL DEFAULT 0""")
    + """
CREATE INDEX group_members_group ON group_members(group_id);
CREATE INDEX group_members_plenary ON group_members(plenary_id);
"""
    + _t("note_categories", """
    name TEXT NOT NULL,
    color TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0""")
    + _t("clusters", """
    group_id TEXT NOT NULL REFERENCES groups(id),
    title TEXT,
    x REAL,
    y REAL""")
    + "CREATE INDEX clusters_group ON clusters(group_id);\n"
    + _t("notes", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    group_id TEXT NOT NULL REFERENCES groups(id),
    session_id TEXT REFERENCES sessions(id),
    text TEXT NOT NULL,
    category_id TEXT REFERENCES note_categories(id),
    author_member_id TEXT REFERENCES members(id),
    cluster_id TEXT REFERENCES clusters(id),
    tags TEXT,
    x REAL,
    y REAL""")
    + """
CREATE INDEX notes_group ON notes(group_id);
CREATE INDEX notes_plenary ON notes(plenary_id);
CREATE INDEX notes_cluster ON notes(cluster_id);
"""
    # Dot votes are rows, not counters: votes cast on two laptops add up.
    + _t("votes", """
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    delta INTEGER NOT NULL""")
    + "CREATE INDEX votes_target ON votes(target_id);\n"
    + _t("photos", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    group_id TEXT REFERENCES groups(id),
    session_id TEXT REFERENCES sessions(id),
    caption TEXT,
    mime TEXT,
    width INTEGER,
    height INTEGER,
    data BLOB""")
    + _t("recommendations", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    group_id TEXT REFERENCES groups(id),
    theme_id TEXT REFERENCES themes(id),
    title TEXT NOT NULL,
    text TEXT,
    plan_actions TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstained INTEGER,
    source_cluster_id TEXT REFERENCES clusters(id),
    sort_order INTEGER NOT NULL DEFAULT 0""")
    + "CREATE INDEX recommendations_plenary ON recommendations(plenary_id);\n"
    + _t("recommendation_notes", """
    recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
    note_id TEXT NOT NULL REFERENCES notes(id)""")
    # One row per (plenary, section key): id derived from that key.
    + _t("minutes_sections", """
    plenary_id TEXT NOT NULL REFERENCES plenaries(id),
    key TEXT NOT NULL,
    text TEXT""")
    # Versions that lost a concurrent edit, kept so a person can restore them.
    + _t("conflicts", """
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_value TEXT,
    lost_value TEXT,
    lost_hlc TEXT,
    lost_device_id TEXT,
    resolved INTEGER NOT NULL DEFAULT 0""")
)

# Exchange packages (core/exchange/packages.py, core/exchange/merge.py): the causal predecessors
# of each change, per field ({field: [hlc, ...]}), so a merge can tell an edit
# made after seeing another from a concurrent one. NULL on changes made in this
# file: computed from the log order when first needed.
_V6_EXCHANGE = """
ALTER TABLE changes ADD COLUMN pred TEXT;
CREATE INDEX changes_nopred ON changes(seq) WHERE pred IS NULL;
CREATE INDEX conflicts_row ON conflicts(tbl, row_id, field);
"""

# Votes checked (issue 12): a vote with more votes than entitled members present is kept only with the
# reason the secretariat gave (e.g. "attendance recorded on paper"); "rejected" joins the statuses (no CHECK).
_V8_VOTE_NOTE = """
ALTER TABLE recommendations ADD COLUMN vote_note TEXT;
"""

# Follow-up after the vote (core/followup): the sending, the Comune's answer and act, civic
# monitoring. One rec_followup row per recommendation (id derived from it, so the same
# recommendation followed up on two laptops merges field by field); progress updates are
# rows (two laptops add theirs); attached files are keyed by their SHA-256 (derived id), so
# the same PDF attached twice is stored once; a cycle's id is derived from its key ("2023").
_V10_FOLLOWUP = (
    _t("followup_files", """
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB""")
    + _t("followup_cycles", """
    key TEXT NOT NULL,
    name TEXT,
    starts_on TEXT,
    ends_on TEXT,
    answer_months INTEGER""")
    + _t("rec_followup", """
    recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
    sent_on TEXT,
    sent_to TEXT,
    protocol TEXT,
    answer_kind TEXT,
    answer_text TEXT,
    answer_on TEXT,
    act_type TEXT,
    act_number TEXT,
    act_date TEXT,
    act_link TEXT,
    act_file_id TEXT REFERENCES followup_files(id),
    responsible TEXT,
    followed_by TEXT,
    title_en TEXT,
    text_en TEXT,
    decidim_id TEXT,
    decidim_state TEXT,
    decidim_answer TEXT""")
    + "CREATE INDEX rec_followup_rec ON rec_followup(recommendation_id);\n"
    + _t("rec_updates", """
    recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
    on_date TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    evidence_link TEXT,
    evidence_file_id TEXT REFERENCES followup_files(id),
    plan_actions TEXT,
    author TEXT""")
    + "CREATE INDEX rec_updates_rec ON rec_updates(recommendation_id, on_date);\n"
)
# Sync through a shared folder (core/sync/): local bookkeeping only, never synced.
# sync_outbox: the packages this laptop wrote (runs of log seqs, so one can be
#   written again exactly if it disappears from the folder, and compacted);
# sync_shared: log positions already in the folder (received from it), not sent back;
# sync_applied: every package merged or found already known, by payload checksum;
# sync_files: what each file of the folder turned out to be (name, size, mtime),
#   so an unchanged file is not read again (and since when an unreadable one has
#   stayed the same, so it is set aside only once it has stopped changing);
# sync_set_aside: damaged, foreign or other assemblies' files, listed for people.
_V13_SYNC = """
CREATE TABLE sync_outbox (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    file TEXT NOT NULL,
    ranges TEXT NOT NULL,
    count INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);
CREATE TABLE sync_shared (seq INTEGER PRIMARY KEY);
CREATE TABLE sync_applied (
    sha256 TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    changes INTEGER NOT NULL,
    new_changes INTEGER NOT NULL,
    created_at TEXT,
    applied_at TEXT NOT NULL,
    file TEXT
);
CREATE INDEX sync_applied_source ON sync_applied(source, first_seq);
CREATE TABLE sync_files (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    status TEXT NOT NULL,
    source TEXT,
    first_seq INTEGER,
    last_seq INTEGER,
    sha256 TEXT,
    bad_since REAL
);
CREATE TABLE sync_set_aside (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    moved_to TEXT,
    at TEXT NOT NULL
);
"""

# Personal data protection (core/privacy): a change known only in part (a prepared laptop got
# some of its fields: `partial`), erasures that every laptop applies, and the audit log of who
# exported or packaged personal data (append-only: triggers refuse edits and deletions).
_V11_PRIVACY = (
    """
ALTER TABLE changes ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
CREATE INDEX changes_partial ON changes(tbl, row_id) WHERE partial = 1;
"""
    + _t("erasures", """
    member_id TEXT NOT NULL,
    before_hlc TEXT NOT NULL,
    targets TEXT NOT NULL,
    reason TEXT NOT NULL,
    erased_at TEXT NOT NULL""")
    + "CREATE INDEX erasures_member ON erasures(member_id);\n"
    + _t("audit_log", """
    at TEXT NOT NULL,
    device_name TEXT,
    action TEXT NOT NULL,
    what TEXT NOT NULL,
    target TEXT,
    details TEXT""")
    + """
CREATE INDEX audit_at ON audit_log(at);
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF at, device_name, action, what, target, details, deleted
ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""
)

# Selection by lot (core/selection): the pool of respondents and their path
# (invited/available/selected/confirmed/declined/reserve/withdrawn), invitation
# counts per stratum, quotas (one row per field and value: derived id), and the
# record of every draw (inputs digest, quotas, lottery, seed, witnesses, panel).
_V9_SELECTION = (
    _t("respondents", """
    external_id TEXT,
    surname TEXT,
    first_name TEXT,
    email TEXT,
    phone TEXT,
    gender TEXT,
    birth_date TEXT,
    age_band TEXT,
    education TEXT,
    citizenship TEXT,
    country TEXT,
    municipio INTEGER,
    language TEXT,
    accessibility_notes TEXT,
    extra TEXT,
    status TEXT NOT NULL DEFAULT 'available',
    member_id TEXT REFERENCES members(id),
    run_id TEXT,
    notes TEXT""")
    + "CREATE INDEX respondents_external ON respondents(external_id);\n"
    + _t("invitation_counts", """
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    invited INTEGER NOT NULL""")
    + _t("selection_quotas", """
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    min INTEGER NOT NULL,
    max INTEGER NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0""")
    + _t("selection_runs", """
    kind TEXT NOT NULL,
    method TEXT NOT NULL,
    method_text TEXT,
    algorithm_version TEXT NOT NULL,
    library_version TEXT,
    panel INTEGER NOT NULL,
    inputs_digest TEXT NOT NULL,
    inputs TEXT NOT NULL,
    quotas TEXT NOT NULL,
    lottery TEXT NOT NULL,
    seed TEXT NOT NULL,
    seed_source TEXT,
    witnesses TEXT,
    drawn_at TEXT NOT NULL,
    selected TEXT NOT NULL,
    fixed TEXT,
    replaced_member_id TEXT,
    cohort_id TEXT REFERENCES cohorts(id),
    term_start TEXT,
    term_end TEXT""")
)

# Messages to members (core/language): each member's preferred language for the letters,
# e-mails and text messages the secretariat sends (a code of the assembly's "language"
# vocabulary) and their postal address (letters go by post, as the Comune's invitations);
# what a convocation tells beyond the venue's name: its address, how to get there, what to bring.
_V12_LANGUAGE = """
ALTER TABLE members ADD COLUMN language TEXT NOT NULL DEFAULT 'it';
ALTER TABLE members ADD COLUMN address TEXT;
ALTER TABLE plenaries ADD COLUMN address TEXT;
ALTER TABLE plenaries ADD COLUMN directions TEXT;
ALTER TABLE plenaries ADD COLUMN bring TEXT;
"""

# Selection: the announcement of how the seed would be drawn (source, when it was announced),
# made before the draw and kept with the run it was for (JSON), so a seed from elsewhere is refused.
_V14_SEED_ANNOUNCEMENT = """
ALTER TABLE selection_runs ADD COLUMN announcement TEXT;
"""

# Every commit wrote one page of `changes_nopred` (the changes still without predecessors):
# core/exchange/changelog.ensure_preds now remembers up to which seq they are done and reads
# the rest by their seq range instead (one page less per check-in, encrypted or not).
_V16_LIGHTER_COMMITS = """
DROP INDEX IF EXISTS changes_nopred;
"""

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", _V1),
    (6, "exchange: causal predecessors of changes", _V6_EXCHANGE),
    (8, "recommendations: reason kept when a vote exceeds those present", _V8_VOTE_NOTE),
    (9, "selection by lot: pool, invitations, quotas, runs", _V9_SELECTION),
    (10, "follow-up: answers, acts, monitoring", _V10_FOLLOWUP),
    (11, "privacy: partial changes, erasures, audit log", _V11_PRIVACY),
    (12, "members: preferred language", _V12_LANGUAGE),
    (13, "sync folder: local bookkeeping", _V13_SYNC),
    (14, "selection: the announcement of the seed, kept with its run", _V14_SEED_ANNOUNCEMENT),
    (16, "changes: no index of the changes without predecessors", _V16_LIGHTER_COMMITS),
]

LATEST_VERSION = MIGRATIONS[-1][0]

# Tables whose rows travel between laptops (all but local bookkeeping).
SYNCED_TABLES = (
    "assembly", "settings", "devices", "cohorts", "themes", "plan_actions",
    "members", "plenaries", "sessions", "agenda_items", "plenary_people",
    "attendance", "groups", "group_members", "note_categories", "clusters",
    "notes", "votes", "photos", "recommendations", "recommendation_notes",
    "minutes_sections", "conflicts",
    "followup_files", "followup_cycles", "rec_followup", "rec_updates",
    "erasures", "audit_log",
    "respondents", "invitation_counts", "selection_quotas", "selection_runs",
)
