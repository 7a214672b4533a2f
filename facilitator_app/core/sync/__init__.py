"""Laptops kept current through a shared folder (USB stick, network share, Syncthing, cloud).

Owns the sync loop's steps (write this laptop's new changes, scan, import, set aside,
compact, status per peer); packages are the exchange packages of `core/exchange`.
"""

from facilitator_app.core.sync.loop import SyncLoop, StepReport, get_folder, set_folder
from facilitator_app.core.sync.status import PeerStatus, SyncStatus, peer_status

__all__ = ["PeerStatus", "StepReport", "SyncLoop", "SyncStatus", "get_folder", "peer_status", "set_folder"]
