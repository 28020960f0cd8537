"""The only code that writes or reads raw WordprocessingML (paragraphs, fields, zips)."""
