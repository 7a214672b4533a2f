"""Verbali: the minutes editor and its exports."""
