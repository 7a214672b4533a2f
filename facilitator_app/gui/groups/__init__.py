"""The Groups page (tavoli): board of groups, assignment, late arrivals, no-shows, printables, projector."""
