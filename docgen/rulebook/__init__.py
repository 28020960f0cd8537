"""Stage 3: good-practice rules for joint appointments, one module per answer-file section
(``payment``, ``post``, ``review``, ``exit``, ``governance``, ``conflicts``, ``legal``), the
catalogue that runs them in order (``catalogue``) and the engine that applies
acknowledgements (``engine``)."""
