"""Dock panels: properties, floors, layers, zone legend, tool options."""
