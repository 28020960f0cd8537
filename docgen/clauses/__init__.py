"""Stage 4: the clause library (wording as YAML data), its overlays, rendering and lint."""
