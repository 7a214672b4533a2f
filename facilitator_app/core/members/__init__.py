"""Members (partecipanti): their fields, validation and badge codes, the editable
vocabularies, the representativeness targets (Milan's population) and instant search.
"""

from facilitator_app.core.members.members import (  # noqa: F401
    BADGE_ALPHABET,
    BADGE_LENGTH,
    EMAIL_RE,
    PHONE_RE,
    REQUIRED,
    STATUSES,
    FieldError,
    ValidationError,
    create_cohort,
    create_member,
    delete_member,
    display_name,
    find_by_badge,
    format_date,
    get_member,
    is_valid_badge,
    list_cohorts,
    list_members,
    new_badge_code,
    normalize_badge,
    parse_date_text,
    parse_iso_date,
    taken_badges,
    update_member,
    validate,
)
from facilitator_app.core.members.search import (  # noqa: F401
    PeopleIndex,
)
from facilitator_app.core.members.targets import (  # noqa: F401
    FIELDS,
    MAX_AGE,
    POPULATION_CSV,
    SUM_TOLERANCE,
    actual_shares,
    default_targets,
    foreign_citizenships,
    load_population,
    load_targets,
    member_category,
    population_sources,
    save_targets,
    shares,
    split_age_bands,
    target_counts,
    validate_targets,
)
from facilitator_app.core.members.vocab import (  # noqa: F401
    DEFAULTS,
    MUNICIPI,
    SETTING_KEY,
    Vocabularies,
)
