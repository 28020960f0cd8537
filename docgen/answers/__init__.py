"""Stage 1: read an answer file (YAML with the line of every key), its shape (the model)
and the checks between keys. Pure apart from reading the file and its ``extends`` bases."""
