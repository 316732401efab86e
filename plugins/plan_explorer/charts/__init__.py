"""Charts stage: which charts each page gets (:mod:`.entity`, :mod:`.overviews`, from :mod:`.rows`), drawn in
Python for the simple forms (:mod:`.forms`, :mod:`.draw`) or rendered by vl-convert in a process of its own
(:mod:`.service`), and placed on pages as accessible inline SVG (:mod:`.render`)."""
