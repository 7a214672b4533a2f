"""The assembly file: one SQLite file per assembly (schema and forward migrations, the
write path that stamps rows and logs changes, ids and the hybrid logical clock, this
device's identity, the one-writer lock).
"""

from facilitator_app.core.store.device import (  # noqa: F401
    APP,
    Device,
    config_dir,
    data_dir,
    default_db_path,
)
from facilitator_app.core.store.ids import (  # noqa: F401
    HybridClock,
    derived_id,
    new_id,
    utc_now,
)
from facilitator_app.core.store.lock import (  # noqa: F401
    AlreadyOpenError,
    FileLock,
)
from facilitator_app.core.store.schema import (  # noqa: F401
    LATEST_VERSION,
    MIGRATIONS,
    SYNC_COLUMNS,
    SYNCED_TABLES,
)
from facilitator_app.core.store.store import (  # noqa: F401
    BOOKKEEPING,
    Changes,
    NewerSchemaError,
    NotAnAssemblyError,
    Store,
    StoreError,
    decode_value,
    encode_value,
)
