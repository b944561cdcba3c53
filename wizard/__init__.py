"""Decision guide for AgentCore Runtime and Lambda MicroVMs.

`wizard.engine` is the pure decision logic (standard library only; it also runs in Pyodide).
The other subpackages are CPython-only faces around it: loading the YAML data, the command
line, and the MkDocs plugin that renders the site.
"""

__version__ = "1.0.0"
