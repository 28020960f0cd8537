"""Stage 3: good-practice rules for joint appointments (``book``) and the engine that runs them."""
