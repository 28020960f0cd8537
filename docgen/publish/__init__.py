"""The I/O shell: publish posts into an output folder (batches, manifests, the register),
PDF and review copies, redlines, and checks of finished folders."""
