"""The newsroom website: the content documents of the releases as static files.

``site``     releases -> SITE/ (pages, index, feeds, PDFs, photos, fonts), embargo-safe,
             deterministic, swapped into place at once
``html``     content document -> HTML (Jinja2 templates, autoescaped)
``feeds``    RSS 2.0 and Atom, written with the standard library's XML tools
``words``    the words the website prints by itself, per language
``serve``    a local preview server on 127.0.0.1

The pages map from :mod:`presskit.content` (what is said, in which order); nothing
here reads the YAML source or decides again what goes where.
"""
