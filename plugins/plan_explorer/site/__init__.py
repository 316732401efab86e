"""The site of a loaded plan: its state, page contexts, URLs and sitemap."""
