"""Stage 5: Word documents: fill the templates, drafting notes, and read-back verification."""
