"""Reading official text: Unicode, Vietnamese dates and deadlines, document symbols, Markdown markup.

Everything here works on strings and knows nothing of files, the organisation tree or the site.
"""
