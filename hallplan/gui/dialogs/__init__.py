"""Dialogs: window row, plan settings, shortcuts, exact move/rotate, renumbering."""
