"""Importers: bring outside files (rosters, spreadsheets) into an assembly, Qt-free."""
