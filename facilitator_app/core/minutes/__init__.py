"""The verbale (minutes) of a plenary and the cycle report: the secretariat's sections
and the read models every export draws from.
"""

from facilitator_app.core.minutes.cycle import (  # noqa: F401
    Cycle,
    CycleNote,
    CycleRec,
    PlenaryLine,
    cycle_label,
    load_cycle,
)
from facilitator_app.core.minutes.minutes import (  # noqa: F401
    FIELD_LABELS,
    PUBLIC_ROLES,
    SECTION_KEYS,
    SECTION_TITLES,
    SECTIONS,
    UNKNOWN,
    MinutesError,
    Outline,
    expected_rows,
    full_name,
    load_minutes,
    member_names,
    outline,
    save_section,
    section_id,
    sections_of,
    wall_clock,
)
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
    VotedStatus,
)
