"""The limits every data file must stay within, set here and nowhere else.

They keep `python -m wizard check` fast and safe on a hostile file: a file is measured before
it is read, aliases are refused before they can expand, and nesting stops at a fixed depth.
"""

# The largest data file read, in bytes. The biggest real file is about 15 KB.
MAX_FILE_BYTES = 128 * 1024

# The most nodes (mappings, lists and scalars) one file may hold. The biggest real file has
# about 700. Pure-Python YAML parsing costs about 50 microseconds a node, so this also bounds
# the time one hostile file can take to well under a second.
MAX_NODES = 10_000

# The deepest nesting of mappings and lists. Real data reaches 8 (conditions inside gotchas).
MAX_DEPTH = 20

# Problems reported for one file before the rest are summed up in one line.
MAX_PROBLEMS_PER_FILE = 50
