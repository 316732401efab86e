"""The loaded plan: typed records (:mod:`.records`), the YAML reader that remembers lines, the :class:`Plan`."""
