"""The Sorteggio page: pool, quotas with live feasibility, the draw with its seed, chances, composition."""
