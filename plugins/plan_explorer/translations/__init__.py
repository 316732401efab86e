"""Translation of a plan's texts: English is optional per text (a site can be published before its translation is
done), and translators work through XLIFF files (``make translations`` / ``make import-translations``).

``marks`` is a leaf (the data model uses it); ``units`` lists a plan's translatable texts, ``xliff`` reads and
writes the files, ``checks`` vets a translation, ``write`` puts translations back into YAML and Markdown.
"""
