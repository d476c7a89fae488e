"""Reading and writing: the plan file, DXF, signage and report PDFs, fonts."""
