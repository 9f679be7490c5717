"""The model: what a document and the organisation tree are, how a repository is loaded, and the
resolved view every later stage reads.

    schema.py            front matter and organizations.yml as pydantic models (their JSON Schema: jsonschema.py)
    registry_schema.py   registry.json, what one site publishes for others (federation.py reads it)
    entry.py             Entry: one document, and the facts derived from it (symbol, heading, page)
    orgs.py              the organisation tree: ancestry, relative issuer codes, terms, units
    repository.py        where content lives; Repository: what one load holds
    decode.py, frontmatter.py, validation.py, read.py   one file: bytes → text → YAML → Entry or findings
    load.py, load_cache.py                               the whole repository, in parallel, cached
    references.py        citations resolved through the tree; the relation graph
    tasks.py             tasks located in the text, deadlines understood
    view.py              View: the resolved repository checks, site and exports read
    visibility.py        what a public output may show; lifecycle.py: what is archived
"""
